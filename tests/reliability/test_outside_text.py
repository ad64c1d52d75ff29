"""Text from outside never acts: not on the terminal, not in a spreadsheet, not in a calendar.

Hostile names go in through the command line as a user's would, and every way out is read
back: no control character reaches the output, and the text is still all there to read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.domain.safe_text import (
    csv_cell,
    for_markup,
    for_terminal,
    ics_text,
    json_records,
    json_text,
)

#: What a terminal would act on, in text meant for it (newline and tab are layout).
ACTS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE = [
    "Acme\x1b]0;pwned\x07",  # sets the terminal's title
    "Role\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: puts `rm -rf ~` on the clipboard
    "\x1b[2JClear",  # clears the screen
    "CSI \x9b31m red",  # the 8-bit CSI
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd",
    "@SUM(1+1)",
    "[Stealth] AI · ML [Platform] Engineer",
    "[link=https://evil]x[/link] [bold]b[/bold]",
    "tab\there, line\nbreak; comma, semi;colon \\ back",
]

names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40
).filter(lambda s: s.strip() and not s.strip().startswith("-"))


def readable(text: str) -> str:
    """What a person should still be able to read of TEXT: all but its control characters."""
    return ACTS.sub("", text)


def all_there(given: str, shown: str) -> bool:
    """Every character of GIVEN a person can read is in SHOWN, in order (pictures may join)."""
    rest = iter(shown)
    return all(ch in rest for ch in readable(given))


@pytest.fixture
def run(tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]):
    db = tmp_path / "hostile.db"

    def _run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--db", str(db), *argv], clock=clock)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(company=names, role=names)
@example(company=HOSTILE[0], role=HOSTILE[1])
@example(company=HOSTILE[2], role=HOSTILE[3])
@example(company=HOSTILE[4], role=HOSTILE[5])
@example(company=HOSTILE[7], role=HOSTILE[8])
@example(company=HOSTILE[9], role=HOSTILE[10])
@example(company="0", role="+0")  # a plain number keeps its sign (found by a random run)
def test_every_way_out_of_the_command_line_is_inert(run, company: str, role: str) -> None:
    code, out, err = run("add", "--", company, role)
    assert code == 0, err
    app_id = out.strip()
    run("interview", app_id, "--at", "Nov 19 2pm", "--with", "Ann Lee", "--kind", "video")
    shown = {
        "list": run("list")[1],
        "due": run("due", "--at", "in 30 days")[1],
        "draft": run("draft", app_id, "thank-you")[1],
        "list --json": run("list", "--json")[1],
        "due --json": run("due", "--json", "--at", "in 30 days")[1],
        "export": run("export")[1],
    }
    for way, text in shown.items():
        assert not ACTS.search(text), (way, text)
    # The names are all there to read, with any control character shown as a picture.
    assert for_terminal(company.strip()) in shown["list"]
    assert for_terminal(role.strip(), multiline=True) in shown["draft"]
    # JSON decodes to exactly what was stored: escaping lost nothing.
    records = json.loads(shown["list --json"])
    assert {(r["company"], r["role"]) for r in records} >= {(company.strip(), role.strip())}
    dump = json.loads(shown["export"])
    assert company.strip() in {r["company"] for r in dump["tables"]["application"]}

    csv_text = run("export", "--format", "csv")[1]
    assert not ACTS.search(csv_text.replace("\r\n", "\n"))
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    [mine] = [r for r in rows if r["id"] == app_id]
    for field, given_text in (("company", company), ("role", role)):
        cell = mine[field]
        assert not cell.startswith(("=", "@", "\t", "\r")), cell
        if cell.startswith(("+", "-")):
            # Only a plain number keeps its sign (`-5`, `+0`): csv_cell's rule, as a spreadsheet
            # reads it.
            assert re.fullmatch(r"[+-][\d.,]+([eE][+-]?\d+)?", cell), cell
        assert all_there(given_text.strip(), cell), (given_text, cell)

    calendar = run("ics")[1]
    assert not ACTS.search(calendar.replace("\r\n", "\n"))
    from icalendar import Calendar

    summaries = [str(e.get("summary")) for e in Calendar.from_ical(calendar).walk("VEVENT")]
    # iCalendar text holds no tabs: they are spaces there.
    wanted = company.strip().replace("\t", " ")
    assert any(all_there(wanted, s) for s in summaries), summaries


def test_what_no_field_may_hold_is_refused_at_the_door_with_the_field_named(run) -> None:
    code, _, err = run("add", "Ac\x00me", "Engineer")
    assert code == 2 and "company" in err and "NUL" in err
    assert run("list", "--json")[1].strip() == "[]"


def test_stored_text_is_exactly_what_was_given(run) -> None:
    for i, name in enumerate(HOSTILE):
        assert run("add", "--", name, f"Role {i}")[0] == 0
    stored = {r["company"] for r in json.loads(run("list", "--json")[1])}
    assert stored == {name.strip() for name in HOSTILE}


def test_csv_cells_that_would_run_as_formulas_are_text_and_numbers_stay_numbers() -> None:
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert csv_cell("-2+3+cmd") == "'-2+3+cmd"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("\tx") == "'\tx" and csv_cell("\rx") == "'\u240dx"
    assert csv_cell("-5") == "-5" and csv_cell("+3.5") == "+3.5"
    assert csv_cell(-5) == -5 and csv_cell(2.5) == 2.5 and csv_cell(None) is None
    assert csv_cell("2026-12-01") == "2026-12-01"
    assert csv_cell("Acme\x1b]0;x\x07") == "Acme\u241b]0;x\u2407"


def test_json_escapes_c1_as_well_as_c0_and_decodes_to_the_same_text() -> None:
    text = "a\x1b[1m\x9b31m\x85\u2028z"
    encoded = json_text({"t": text})
    assert not ACTS.search(encoded) and "\u2028" not in encoded
    assert json.loads(encoded) == {"t": text}
    records = json_records([{"t": text}, {"t": "plain", "n": 1}])
    assert not ACTS.search(records) and "\u2028" not in records
    assert json.loads(records) == [{"t": text}, {"t": "plain", "n": 1}]


def test_markup_shows_as_typed() -> None:
    from rich.text import Text

    for name in HOSTILE:
        rendered = Text.from_markup(for_markup(name)).plain
        assert rendered == for_terminal(name), (name, rendered)


def test_calendar_text_has_no_controls_and_icalendar_escapes_it() -> None:
    from icalendar import Event

    event = Event()
    event.add("summary", ics_text("A;B,C\\D\nE\x1b[2J\r\nF"))
    line = event.to_ical().decode()
    assert "SUMMARY:A\\;B\\,C\\\\D\\nE\u241b[2J\\nF" in line


def test_a_restore_holding_what_no_field_may_hold_is_refused_naming_the_field(
    run, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    run("add", "Acme", "Dev")
    dump = json.loads(run("export")[1])
    dump["tables"]["application"][0]["company"] = "Ac\x00me"
    source = tmp_path / "dump.json"
    source.write_text(json.dumps(dump))
    target = tmp_path / "restored.db"
    code = main(["--db", str(target), "restore", str(source)], clock=clock)
    err = capsys.readouterr().err
    assert code == 2 and "application 1, field company" in err and "NUL" in err
    assert not target.exists()


def test_bidirectional_overrides_are_shown_not_obeyed() -> None:
    assert for_terminal("A\u202eevil\u2066x") == "A\ufffdevil\ufffdx"


def test_json_keeps_bidirectional_overrides_exactly(run) -> None:
    assert run("add", "\u202eevil\u202c", "Dev")[0] == 0
    out = run("list", "--json")[1]
    assert "\u202e" not in out and "\\u202e" in out
    assert json.loads(out)[0]["company"] == "\u202eevil\u202c"
