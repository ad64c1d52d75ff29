"""`pursuit invite` as a real process: invitations in, the interview and its schedule out."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.processes import run_pursuit

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invitations"

pytestmark = pytest.mark.slow


def pursuit(db: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return run_pursuit("--db", str(db), *args, **kwargs)  # type: ignore[arg-type]


def invite(db: Path, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return pursuit(db, "invite", str(FIXTURES / name), *args)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "pursuit.db"
    assert pursuit(path, "add", "Northwind Analytics", "Data Engineer").returncode == 0
    assert (
        pursuit(
            path, "add", "Fabrikam", "Platform Engineer", "--url", "https://jobs.fabrikam.com/1"
        ).returncode
        == 0
    )
    assert pursuit(path, "config", "set", "my_email", "alex.morgan@gmail.com").returncode == 0
    return path


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def due(db: Path, at: str = "in 30 days") -> list[dict[str, object]]:
    done = pursuit(db, "due", "--at", at, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_an_invitation_its_reschedule_an_older_copy_and_its_cancellation(db: Path) -> None:
    # Dana is known by her address once she is on the application.
    assert (
        pursuit(db, "log", "1", "heard", "--contact", "Dana Reyes", "--new-contact").returncode == 0
    )
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE contact SET email = 'dana.reyes@northwind.com'")
    done = invite(db, "google-meet.ics")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Interview 1 for Northwind Analytics, Data Engineer: created")
    assert (
        "with Priya Shah" in done.stdout and "https://meet.google.com/xkq-bnwd-pte" in done.stdout
    )
    assert invite(db, "google-meet.ics").stdout.strip().endswith("unchanged, already up to date")

    moved = invite(db, "google-meet-moved.ics")
    assert moved.stdout.strip() == (
        "Interview 1 for Northwind Analytics, Data Engineer: updated, "
        "moved to Tue 8 Dec 22:00 (was Mon 23 Nov 18:00)"
    )
    thanks = [d for d in due(db) if d["action"] == "thank-you"]
    # One per interviewer (you and Dana the organiser are not), 24 h after the new start.
    assert [(d["contact"], d["due"]) for d in thanks] == [
        ("Priya Shah", "2026-12-09T22:00:00+00:00")
    ]
    older = invite(db, "google-meet.ics", "--json")
    assert json.loads(older.stdout) == {"application": 1, "interview": 1, "action": "unchanged"}
    assert rows(db, "SELECT starts_at, link FROM interview") == [
        ("2026-12-08 22:00:00.000000", "https://meet.google.com/xkq-bnwd-pte")
    ]
    assert rows(db, "SELECT count(*) FROM checklist_item WHERE interview_id = 1") != [(0,)]

    cancelled = invite(db, "google-meet-cancel.ics")
    assert cancelled.stdout.strip() == (
        "Interview 1 for Northwind Analytics, Data Engineer: cancelled, it was on Tue 8 Dec 22:00; "
        "its thank-yous and preparation go with it"
    )
    again = invite(db, "google-meet-cancel.ics", "--json")
    assert json.loads(again.stdout) == {"application": 1, "interview": 1, "action": "unchanged"}
    assert [d for d in due(db) if d["action"] == "thank-you"] == []
    assert rows(db, "SELECT count(*) FROM checklist_item WHERE interview_id = 1") == [(0,)]
    assert rows(db, "SELECT count(*) FROM interview WHERE cancelled_at IS NOT NULL") == [(1,)]
    calendar = pursuit(db, "ics")
    assert "STATUS:CANCELLED" in calendar.stdout


def test_outlook_by_email_and_the_change_of_the_clocks(db: Path) -> None:
    done = invite(db, "outlook-inline-and-attached.eml", "--json")
    assert json.loads(done.stdout) == {"application": 2, "interview": 1, "action": "created"}
    later = invite(db, "outlook-after-dst.ics")
    assert later.returncode == 0, later.stderr
    # 10:00 "Pacific Standard Time" on 16 March 2027 is summer time there: 17:00 UTC.
    assert rows(db, "SELECT starts_at, timezone FROM interview ORDER BY id") == [
        ("2026-11-24 21:00:00.000000", "America/Los_Angeles"),
        ("2027-03-16 17:00:00.000000", "America/Los_Angeles"),
    ]
    people = rows(
        db,
        "SELECT c.name, c.email, ac.role FROM contact c JOIN application_contact ac "
        "ON ac.contact_id = c.id ORDER BY c.name",
    )
    # The room is no one; Sam, who organised it, is the recruiter.
    assert people == [
        ("Lee Wong", "lee.wong@fabrikam.com", "interviewer"),
        ("Sam Ortiz", "sam.ortiz@fabrikam.com", "recruiter"),
    ]
    thanks = [d for d in due(db, "in 200 days") if d["action"] == "thank-you"]
    assert [d["due"] for d in thanks] == [
        "2026-11-25T21:00:00+00:00",
        "2027-03-17T17:00:00+00:00",
    ]


def test_in_london_an_invitation_after_the_clocks_go_forward(db: Path, tmp_path: Path) -> None:
    ics = (
        (FIXTURES / "duration-london.ics").read_text().replace("20261127T093000", "20270329T093000")
    )
    path = tmp_path / "after-bst.ics"
    path.write_text(ics)
    env = {**os.environ, "TZ": "Europe/London"}
    done = pursuit(db, "invite", str(path), "--app", "1", env=env)
    assert done.returncode == 0, done.stderr
    # 09:30 British Summer Time is 08:30 UTC, and the message says 09:30, where you are.
    assert "technical interview on Mon 29 Mar 2027 09:30, 45 min" in done.stdout
    assert rows(db, "SELECT starts_at FROM interview") == [("2027-03-29 08:30:00.000000",)]


def test_none_or_several_matching_exits_2_naming_them_and_writes_nothing(db: Path) -> None:
    done = invite(db, "floating.ics")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "no application matches the invitation 'Hooli video interview'" in done.stderr
    assert "--app APP" in done.stderr
    # With nothing to choose from, where to start is said too.
    assert "or add the application first (pursuit add COMPANY ROLE)" in done.stderr
    assert (
        pursuit(
            db, "add", "Fabrikam", "Platform Engineer", "--url", "https://fabrikam.com/emea/1"
        ).returncode
        == 0
    )
    done = invite(db, "outlook-teams.ics")
    assert done.returncode == 2
    assert (
        "  2  Fabrikam, Platform Engineer: sam.ortiz@fabrikam.com is at fabrikam.com" in done.stderr
    )
    assert "  3  Fabrikam, Platform Engineer:" in done.stderr and "--app APP" in done.stderr
    assert rows(db, "SELECT count(*) FROM interview") == [(0,)]
    done = invite(db, "outlook-teams.ics", "--app", "3")
    assert done.returncode == 0 and done.stdout.startswith(
        "Interview 1 for Fabrikam, Platform Engineer:"
    )


def test_standard_input_reads_a_pasted_invitation(db: Path) -> None:
    text = (FIXTURES / "greenhouse-attachment-only.eml").read_text()
    done = pursuit(db, "invite", "-", "--app", "1", input=text)
    assert done.returncode == 0, done.stderr
    assert "video interview on Wed 25 Nov 17:00, 45 min; with Jordan Lee" in done.stdout


def test_bad_input_is_named_exits_2_and_writes_nothing(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    big = tmp_path / "big.ics"
    big.write_bytes(b"BEGIN:VCALENDAR\n" + b"X" * (5 * 1024 * 1024 + 1))
    empty = tmp_path / "empty.ics"
    empty.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")
    note = tmp_path / "note.txt"
    note.write_text("see you on Tuesday!")
    before = rows(db, "SELECT count(*) FROM interview") + rows(db, "SELECT count(*) FROM contact")
    for path, words in [
        (tmp_path / "missing.ics", "does not exist"),
        (tmp_path, "is a folder, not a file"),
        (fifo, "is a named pipe, not a file"),
        (big, "is larger than 5 MB"),
        (empty, "holds no event"),
        (note, "neither a calendar (.ics) nor an e-mail (.eml)"),
    ]:
        done = pursuit(db, "invite", str(path), timeout=30)
        assert done.returncode == 2, (path, done.stderr)
        assert words in done.stderr and "nothing was changed" in done.stderr
        assert "Traceback" not in done.stderr
    after = rows(db, "SELECT count(*) FROM interview") + rows(db, "SELECT count(*) FROM contact")
    assert after == before


def test_your_email_is_checked_as_an_address(db: Path) -> None:
    done = pursuit(db, "config", "set", "my_email", "alex at home")
    assert done.returncode == 2 and "Your email: An email address has no spaces." in done.stderr
    assert pursuit(db, "config", "--json").stdout.count("alex.morgan@gmail.com") == 1


FAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x5\r\n{start}\r\n"
    "DTEND:99991231T235959Z\r\nSUMMARY:Bean Co chat\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_start_out_of_any_calendar_is_refused_and_writes_nothing(
    db: Path, tmp_path: Path
) -> None:
    before = rows(db, "SELECT count(*) FROM interview") + rows(db, "SELECT count(*) FROM contact")
    for start, day in [
        ("DTSTART:99991231T235959Z", "9999-12-31"),
        ("DTSTART:00010101T000000Z", "0001-01-01"),
    ]:
        path = tmp_path / "far.ics"
        path.write_text(FAR.format(start=start), newline="")
        done = pursuit(db, "invite", str(path), "--app", "1")
        assert (done.returncode, done.stdout) == (2, ""), done.stderr
        assert done.stderr == (
            f"pursuit: error: the event 'Bean Co chat' in {path}: its start time ({day}) is out "
            "of any calendar pursuit can keep (the years 1970 to 2999); nothing was changed\n"
        )
    after = rows(db, "SELECT count(*) FROM interview") + rows(db, "SELECT count(*) FROM contact")
    assert after == before


def test_a_refused_invitation_makes_no_database(tmp_path: Path) -> None:
    far = tmp_path / "far.ics"
    far.write_text(FAR.format(start="DTSTART:99991231T235959Z"))
    new = tmp_path / "new" / "pursuit.db"
    for args, said in [
        ((str(far), "--app", "1"), "out of any calendar pursuit can keep"),
        ((str(FIXTURES / "google-meet.ics"), "--app", "1"), "no application with id 1"),
        ((str(FIXTURES / "google-meet.ics"),), "no application matches the invitation"),
    ]:
        done = pursuit(new, "invite", *args)
        assert done.returncode == 2 and said in done.stderr, done.stderr
        assert "nothing was changed" in done.stderr
        assert not new.exists() and not new.parent.exists()


def test_the_stage_moves_when_the_invitation_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    added = datetime(2026, 12, 2, 14, 3, 19, tzinfo=UTC)
    assert pursuit(path, "add", "Globex", "Eng", at=added).returncode == 0
    # 75 s later, an invitation to a phone screen already past (Fri 20 Nov).
    invited = datetime(2026, 12, 2, 14, 4, 34, tzinfo=UTC)
    done = pursuit(
        path, "invite", str(FIXTURES / "calendly-phone-screen.ics"), "--app", "1", at=invited
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(pursuit(path, "show", "1", "--json", at=invited).stdout)
    history = [(h["when"], h["what"]) for h in shown["history"]]
    assert [h for h in history if "Applied" in h[1]] == [
        ("2026-12-02T14:04:34+00:00", "Applied → Screening"),
        ("2026-12-02T14:03:19+00:00", "Added as Applied"),
    ]


def test_without_your_email_you_are_warned_and_an_email_says_who_you_are(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    assert pursuit(path, "add", "Northwind Analytics", "Data Engineer").returncode == 0
    done = invite(path, "google-meet.ics", "--app", "1")
    assert done.returncode == 0, done.stderr
    assert "; with Priya Shah, Alex Morgan;" in done.stdout
    assert done.stderr == (
        "warning: Your e-mail is not set (pursuit config set my_email you@example.com): "
        "everyone invited is taken for an interviewer, you too.\n"
    )
    # The e-mail came to you: you are not among its interviewers, nor a clue to Northwind.
    assert pursuit(path, "add", "Fabrikam", "Platform Engineer").returncode == 0
    mailed = invite(path, "outlook-inline-and-attached.eml")
    assert (mailed.returncode, mailed.stderr) == (0, "")
    assert mailed.stdout.startswith("Interview 2 for Fabrikam, Platform Engineer: created")
    assert "; with Lee Wong;" in mailed.stdout


def test_an_application_chosen_for_another_companys_invitation_is_warned_of(db: Path) -> None:
    done = invite(db, "outlook-teams.ics", "--app", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Interview 1 for Northwind Analytics, Data Engineer: created")
    assert done.stderr == (
        "warning: This invitation looks like it is for Fabrikam (sam.ortiz@fabrikam.com), "
        "not Northwind Analytics.\n"
    )


@pytest.mark.parametrize("crlf", [True, False])
def test_a_pasted_invitation_whose_line_ends_became_cr_is_read(db: Path, crlf: bool) -> None:
    text = (FIXTURES / "outlook-inline-and-attached.eml").read_bytes().decode()
    text = text.replace("\r\n", "\n")
    if crlf:
        text = text.replace("\n", "\r\n")
    done = pursuit(db, "invite", "-", input=text.replace("\n", "\r"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Interview 1 for Fabrikam, Platform Engineer: created")


def test_an_interview_recorded_by_hand_is_kept_up_to_date_not_repeated(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    for args in [
        ("add", "Northwind", "Data Engineer", "--applied", "Nov 10"),
        ("config", "set", "my_email", "alex.morgan@gmail.com"),
        ("interview", "1", "--at", "Nov 23 6pm", "--kind", "video", "--with", "Priya Shah"),
    ]:
        done = pursuit(path, *args)
        assert done.returncode == 0, done.stderr
    done = invite(path, "google-meet.ics")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "Interview 1 for Northwind, Data Engineer: updated, the interview you recorded for "
        "Mon 23 Nov 18:00 now follows this invitation; link https://meet.google.com/xkq-bnwd-pte\n"
    )
    assert rows(path, "SELECT count(*) FROM interview") == [(1,)]
    thanks = [d for d in due(path) if d["action"] == "thank-you"]
    assert [d["contact"] for d in thanks] == ["Priya Shah"]


def test_setting_your_email_later_takes_you_off_the_interview(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    assert pursuit(path, "add", "Northwind Analytics", "Data Engineer").returncode == 0
    assert invite(path, "google-meet.ics", "--app", "1").returncode == 0
    assert pursuit(path, "config", "set", "my_email", "alex.morgan@gmail.com").returncode == 0
    moved = invite(path, "google-meet-moved.ics")
    assert (moved.returncode, moved.stderr) == (0, "")
    assert moved.stdout == (
        "Interview 1 for Northwind Analytics, Data Engineer: updated, moved to Tue 8 Dec 22:00 "
        "(was Mon 23 Nov 18:00); you (alex.morgan@gmail.com) are not an interviewer: taken off\n"
    )
    thanks = [d for d in due(path) if d["action"] == "thank-you"]
    assert [d["contact"] for d in thanks] == ["Priya Shah"]


def test_an_invitation_from_the_companys_domain_finds_it(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    assert pursuit(path, "add", "Globex Corp", "Eng").returncode == 0
    assert pursuit(path, "config", "set", "my_email", "alex.morgan@gmail.com").returncode == 0
    done = invite(path, "calendly-phone-screen.ics")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Interview 1 for Globex Corp, Eng: created")
