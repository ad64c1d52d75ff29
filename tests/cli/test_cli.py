"""The command line, called as a script would call it."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from subprocess import PIPE

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from tests.support.processes import run_pursuit


def test_add_list_stage_round_trip(run, db_path: Path) -> None:
    code, out, _ = run("add", "Acme", "Data Engineer", "--url", "https://acme.example/1")
    assert (code, out.strip()) == (0, "1")
    code, out, _ = run("add", "Bolt", "SRE", "--stage", "saved", "--json")
    assert json.loads(out) == {"id": 2, "added": True, "earlier": []}
    code, out, _ = run("list", "--json")
    rows = json.loads(out)
    assert [(r["id"], r["company"], r["stage"], r["applied"]) for r in rows] == [
        (2, "Bolt", "saved", None),
        (1, "Acme", "applied", "2026-11-18"),
    ]
    assert {"id", "company", "role", "stage", "applied", "url", "notes"} <= set(rows[0])
    code, out, _ = run("stage", "1", "screening")
    assert code == 0 and "screening" in out
    code, out, _ = run("list", "--stage", "screening")
    assert "Acme" in out and "Bolt" not in out
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_applied_dates_lean_to_the_past(run) -> None:
    run("add", "Acme", "Dev", "--applied", "Nov 2")
    _, out, _ = run("list", "--json")
    assert json.loads(out)[0]["applied"] == "2026-11-02"
    # Two days ahead is a slip, refused, not a year ago (before the application existed).
    code, _, err = run("add", "Acme", "Dev", "--applied", "Nov 20")
    assert code == 2 and "still to come" in err
    run("add", "Cobalt", "Dev", "--applied", "Jul 20")  # four months back, not eight ahead
    _, out, _ = run("list", "--json")
    assert {r["company"]: r["applied"] for r in json.loads(out)}["Cobalt"] == "2026-07-20"
    run("add", "Bolt", "Dev", "--applied", "-3d")
    _, out, _ = run("list", "--json")
    assert json.loads(out)[0]["applied"] == "2026-11-15"


def test_interview_log_due_and_dismiss(run, clock: FixedClock) -> None:
    run("add", "Acme", "Data Engineer")
    code, out, _ = run(
        "interview",
        "1",
        "--at",
        "today 9am",
        "--kind",
        "panel",
        "--with",
        "Ann Lee",
        "--with",
        "Bo Chen",
        "--decision-by",
        "Nov 27",
    )
    assert (code, out.strip()) == (0, "1")
    code, out, _ = run("due", "--json")
    due = json.loads(out)
    assert [(d["action"], d["contact"], d["overdue"]) for d in due] == [
        ("thank-you", "Ann Lee", False),
        ("thank-you", "Bo Chen", False),
    ]
    assert due[0]["due"] == "2026-11-19T09:00:00+00:00"
    assert set(due[0]) == {"application", "company", "role", "action", "due", "overdue", "contact"}
    code, out, _ = run("due", "--at", "Nov 20")
    assert "2 overdue (!), 0 due (•)" in out
    run("log", "1", "sent-thank-you", "--contact", "Ann Lee")
    code, out, _ = run("dismiss", "1", "thank-you", "--contact", "bo chen")
    assert code == 0
    _, out, _ = run("due", "--at", "Nov 30", "--json")
    assert [(d["action"], d["due"]) for d in json.loads(out)] == [
        ("first-check-in", "2026-11-30T00:00:00+00:00")
    ]
    code, out, err = run("log", "1", "sent-check-in")
    assert code == 0 and "Too soon" in err and "Mon 30 Nov" in err


def test_errors_are_one_line_with_exit_code_2(run, tmp_path: Path, clock) -> None:
    run("add", "Acme", "Dev")
    for argv, words in [
        (("add", "X", "Y", "--applied", "blah"), "cannot read 'blah'"),
        (("stage", "1", "hired"), "unknown stage"),
        (("stage", "99", "offer"), "no application with id 99"),
        (("log", "1", "partied"), "unknown event"),
        (("dismiss", "1", "thank-you"), "no pending thank-you"),
        (("interview", "1", "--at", "someday"), "cannot read 'someday'"),
        (("log", "1", "sent-thank-you"), "no interview that has started"),
    ]:
        code, _out, err = run(*argv)
        assert code == 2, argv
        assert words in err and "Traceback" not in err, (argv, err)
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    code = main(["--db", str(bad), "list"], clock=clock)
    assert code == 2
    assert bad.read_text() == "not a database"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["add"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert "pursuit 0.1.0" in capsys.readouterr().out


@pytest.mark.slow
def test_pursuit_db_environment_variable_and_real_process(tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    env = {**os.environ, "PURSUIT_DB": str(path)}
    done = run_pursuit("add", "Acme", "Dev", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert path.exists()
    done = run_pursuit("stage", "1", "nope", env=env)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_json_lists_are_a_record_a_line(run) -> None:
    _, out, _ = run("due", "--json")
    assert json.loads(out) == []
    run("add", "Acme", "Dev")
    run("add", "Bolt", "SRE")
    _, out, _ = run("list", "--json")
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert [json.loads(line.rstrip(","))["company"] for line in lines[1:3]] == ["Bolt", "Acme"]


@pytest.mark.slow
def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    env = {**os.environ, "PURSUIT_DB": str(tmp_path / "pipe.db")}
    assert run_pursuit("add", "Acme", "Dev", env=env).returncode == 0
    # `pursuit list | head -0`: the reading end is gone before anything is written.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = run_pursuit("list", env=env, capture_output=False, stdout=writer, stderr=PIPE)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (141, "")


def test_draft_prints_a_filled_message_and_lists_kinds_when_unknown(run) -> None:
    run("add", "Acme", "Data Engineer")
    run("interview", "1", "--at", "today 9am", "--with", "Ann Lee")
    code, out, err = run("draft", "1", "thank-you")
    assert code == 0
    subject, blank, *body = out.splitlines()
    assert subject == "Thank you - Data Engineer interview at Acme" and blank == ""
    assert body[0] == "Hi Ann,"
    assert "unfilled" in err and "[specific detail]" in err
    code, out, err = run("draft", "1", "sonnet")
    assert code == 2 and "known templates" in err and "offer-negotiate" in err


def test_draft_copy_without_a_clipboard_says_so(run, monkeypatch) -> None:
    import pyperclip

    def broken(*_a: object) -> None:
        raise pyperclip.PyperclipException("no clipboard tool")

    monkeypatch.setattr(pyperclip, "copy", broken)
    run("add", "Acme", "Data Engineer")
    code, out, err = run("draft", "1", "application-check-in", "--copy")
    assert code == 0 and "My application for Data Engineer" in out
    assert "no clipboard tool answered" in err


def test_export_restore_ics_and_backup_commands(run, db_path: Path, tmp_path: Path, clock) -> None:
    run("add", "Acme", "Data Engineer")
    run(
        "interview",
        "1",
        "--at",
        "tomorrow 10am",
        "--with",
        "Ann Lee",
        "--location",
        "https://meet.example/x",
    )
    dump = tmp_path / "dump.json"
    code, _out, err = run("export", "-o", str(dump))
    assert code == 0 and "wrote" in err
    assert stat.S_IMODE(os.stat(dump).st_mode) == 0o600
    code, out, _err = run("export", "--format", "csv")
    assert out.startswith("id,company,role,stage")
    restored = tmp_path / "restored.db"
    assert main(["--db", str(restored), "restore", str(dump)], clock=clock) == 0
    assert main(["--db", str(restored), "restore", str(dump)], clock=clock) == 2
    code, out, _err = run("ics")
    assert "BEGIN:VCALENDAR" in out and "Interview: Acme" in out
    code, out, _err = run("backup")
    assert code == 0 and Path(out.strip()).parent == db_path.parent / "backups"


def test_config_shows_and_sets(run) -> None:
    code, out, _ = run("config")
    assert code == 0 and "check_in_days" in out and "ticker_seconds" in out
    code, out, _ = run("config", "set", "check_in_days", "10")
    assert code == 0 and out.strip() == "check_in_days = 10"
    code, _out, err = run("config", "set", "check_in_days", "lots")
    assert code == 2 and "not a whole number" in err
    code, _out, err = run("config", "set", "colour", "blue")
    assert code == 2 and "unknown setting" in err
    code, out, _ = run("config", "--json")
    assert json.loads(out)["check_in_days"] == "10"


def test_an_interview_keeps_its_meeting_link_apart_from_its_place(run) -> None:
    run("add", "Acme", "Data Engineer")
    code, out, _ = run(
        "interview", "1", "--at", "tomorrow 10am", "--location", "Room 4",
        "--link", "https://zoom.us/j/123",
    )  # fmt: skip
    assert code == 0
    # A lone address given as the place, as --location once took it, is the meeting link.
    code, _, err = run(
        "interview", "1", "--at", "tomorrow 4pm", "--location", "https://meet.google.com/abc"
    )
    assert code == 0, err
    code, out, _ = run("show", "1", "--json")
    places = {(iv["location"], iv["link"]) for iv in json.loads(out)["interviews"]}
    assert places == {("Room 4", "https://zoom.us/j/123"), ("", "https://meet.google.com/abc")}
    code, out, err = run("interview", "1", "--at", "tomorrow 3pm", "--link", "zoom 123")
    assert code != 0 and "--link 'zoom 123' is not a web address" in err
