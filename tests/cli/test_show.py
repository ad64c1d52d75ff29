"""`pursuit show APP`: everything about one application, as text for a terminal or as JSON."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from tests.support.processes import run_pursuit

DESCRIPTION = (
    "We are looking for a data engineer to build our pipelines.\n\n"
    "What you will do:\n"
    "• Design and run the batch and streaming jobs that feed every report the company reads, "
    "from the warehouse to the dashboards.\n"
    "• Keep the data clean.\n\n"
    "A \x1b]0;owned\x07 title and a \x1b[31mred\x1b[0m word."
)


@pytest.fixture
def northwind(store: Store, db_path: Path) -> Iterator[int]:
    """An application with every fact filled in: salary, dates, a description, a past panel,
    a cancelled call, people with their details, a note, a follow-up due."""
    app = store.applications.add_application(
        "Northwind Analytics",
        "Data Engineer",
        applied_on=date(2026, 11, 2),
        url="https://jobs.example/northwind/42",
        location="Berlin",
        sector="tech",
        source="LinkedIn",
        notes="Referred by Jo.",
        salary_min=70_000,
        salary_max=85_000,
        salary_currency="EUR",
        description=DESCRIPTION,
        posted_on=date(2026, 10, 30),
        closes_on=date(2026, 11, 30),
    )
    panel = store.people.add_interview(
        app,
        datetime(2026, 11, 17, 14, 0, tzinfo=UTC),
        kind="panel",
        interviewers=["Ann Lee", "Bo Chen"],
        decision_by=date(2026, 11, 24),
        round_name="Final",
    )
    call = store.people.add_interview(
        app, datetime(2026, 11, 20, 9, 0, tzinfo=UTC), kind="phone", location="+49 30 1234"
    )
    store.people.add_contact(
        app, "Jo Park", role="recruiter", title="Talent partner", email="jo@northwind.example"
    )
    store.applications.log_event(
        app,
        "heard",
        contact="Jo Park",
        note="they liked the panel",
        at=datetime(2026, 11, 17, 18, 0, tzinfo=UTC),
    )
    # What an invitation leaves: a join link, and a call called off.
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE interview SET link = 'https://meet.example/abc' WHERE id = ?", (panel,)
        )
        conn.execute(
            "UPDATE interview SET cancelled_at = '2026-11-18 08:00:00.000000' WHERE id = ?",
            (call,),
        )
    conn.close()
    yield app


def test_show_json_has_every_fact_of_the_application(run, northwind: int) -> None:
    code, out, err = run("show", str(northwind), "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert list(shown) == [
        "id",
        "company",
        "role",
        "stage",
        "url",
        "location",
        "sector",
        "source",
        "notes",
        "applied",
        "salary_min",
        "salary_max",
        "salary_currency",
        "description",
        "posted",
        "closes",
        "archived",
        "interviews",
        "contacts",
        "history",
        "follow_ups",
    ]
    assert {k: v for k, v in shown.items() if not isinstance(v, list)} == {
        "id": northwind,
        "company": "Northwind Analytics",
        "role": "Data Engineer",
        "stage": "interviewing",
        "url": "https://jobs.example/northwind/42",
        "location": "Berlin",
        "sector": "tech",
        "source": "LinkedIn",
        "notes": "Referred by Jo.",
        "applied": "2026-11-02",
        "salary_min": 70_000,
        "salary_max": 85_000,
        "salary_currency": "EUR",
        "description": DESCRIPTION,
        "posted": "2026-10-30",
        "closes": "2026-11-30",
        "archived": False,
    }
    call, panel = shown["interviews"]  # newest first, as on the application screen
    assert panel == {
        "id": panel["id"],
        "starts_at": "2026-11-17T14:00:00+00:00",
        "kind": "panel",
        "round": "Final",
        "location": "",
        "link": "https://meet.example/abc",
        "interviewers": ["Ann Lee", "Bo Chen"],
        "decision_by": "2026-11-24",
        "cancelled": False,
    }
    assert (call["kind"], call["location"], call["cancelled"]) == ("phone", "+49 30 1234", True)
    jo = next(c for c in shown["contacts"] if c["name"] == "Jo Park")
    assert jo == {
        "name": "Jo Park",
        "title": "Talent partner",
        "email": "jo@northwind.example",
        "phone": "",
        "linkedin": "",
        "role": "recruiter",
    }
    assert {c["name"]: c["role"] for c in shown["contacts"]} == {
        "Ann Lee": "interviewer",
        "Bo Chen": "interviewer",
        "Jo Park": "recruiter",
    }
    heard = next(h for h in shown["history"] if h["what"].startswith("Heard back"))
    assert heard == {
        "when": "2026-11-17T18:00:00+00:00",
        "what": "Heard back (Jo Park)",
        "note": "they liked the panel",
    }
    assert shown["history"][-1] == {
        "when": "2026-11-02T00:00:00+00:00",
        "what": "Applied",
        "note": "",
    }
    assert any(h["what"] == "Panel · Final interview" for h in shown["history"])


def test_show_lists_the_open_follow_ups_as_due_prints_them(
    run, store: Store, northwind: int
) -> None:
    other = store.applications.add_application("Contoso", "Analyst", applied_on=date(2026, 11, 1))
    _, out, _ = run("show", str(northwind), "--json")
    follow_ups = json.loads(out)["follow_ups"]
    _, due, _ = run("due", "--json")
    listed = json.loads(due)
    assert {f["application"] for f in listed} == {northwind, other}
    assert follow_ups == [f for f in listed if f["application"] == northwind]
    assert {(f["action"], f["contact"]) for f in follow_ups} == {
        ("thank-you", "Ann Lee"),
        ("thank-you", "Bo Chen"),
    }


def test_show_in_other_zones_gives_moments_with_their_offset(db_path: Path, northwind: int) -> None:
    done = _run_in_zone(db_path, northwind, "America/New_York")
    shown = json.loads(done)
    panel = shown["interviews"][1]
    assert panel["starts_at"] == "2026-11-17T09:00:00-05:00"
    assert shown["follow_ups"][0]["due"].endswith("-05:00")
    assert all(h["when"].endswith("-05:00") for h in shown["history"])


def _run_in_zone(db_path: Path, app: int, zone: str) -> str:
    import os

    done = run_pursuit(
        "--db", str(db_path), "show", str(app), "--json", env={**os.environ, "TZ": zone}
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_show_text_reads_in_80_columns_with_every_section(db_path: Path, northwind: int) -> None:
    """A real process, as from a shell prompt: the sections in order, dates in the one style,
    the cancelled call marked, outside text made harmless, no line wider than 80."""
    done = run_pursuit("--db", str(db_path), "show", str(northwind))
    assert done.returncode == 0, done.stderr
    text = done.stdout
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in text and "\x07" not in text
    assert "␛]0;owned␇ title" in text
    assert lines[0] == f"Northwind Analytics · Data Engineer  (#{northwind})"
    assert lines[1] == "Interviewing · Tech · Berlin · applied Mon 2 Nov · via LinkedIn"
    assert "  Salary    70k–85k EUR" in lines
    assert "  Posted    Fri 30 Oct" in lines
    assert "  Closes    Mon 30 Nov" in lines
    assert "  Posting   https://jobs.example/northwind/42" in lines
    sections = ["Interviews", "People", "What's due", "History", "Job description"]
    assert [line for line in lines if line in sections] == sections
    interviews = lines[lines.index("Interviews") : lines.index("People")]
    assert "  Fri 20 Nov 09:00  Phone · cancelled" in interviews
    assert "  yesterday 14:00  Panel · Final, with Ann Lee, Bo Chen" in interviews
    assert "      decision by Tue 24 Nov · https://meet.example/abc" in interviews
    people = lines[lines.index("People") : lines.index("What's due")]
    assert "  Jo Park · recruiter · Talent partner" in people
    assert "      jo@northwind.example" in people
    due = lines[lines.index("What's due") : lines.index("History")]
    assert "  • Send thank-you · Ann Lee — today 14:00" in due
    history = lines[lines.index("History") : lines.index("Job description")]
    assert "  Tue 17 Nov 18:00  Heard back (Jo Park) · they liked the panel" in history
    assert "  Mon 2 Nov         Applied" in history
    description = lines[lines.index("Job description") + 1 :]
    assert description[0] == "  We are looking for a data engineer to build our pipelines."
    # A list item folds under its words, not under its bullet.
    bullet = description.index(next(x for x in description if x.startswith("  • Design")))
    assert description[bullet + 1].startswith("    ") and description[bullet + 1][4] != " "


def test_show_an_application_with_little_known(run) -> None:
    run("add", "Bolt", "SRE", "--stage", "saved")
    code, out, _ = run("show", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["Bolt · SRE  (#1)", "Saved · Other"]
    for section, empty in (
        ("Interviews", "  None yet."),
        ("People", "  No one recorded."),
        ("What's due", "  Nothing to send."),
        ("Job description", "  None kept."),
    ):
        assert lines[lines.index(section) + 1] == empty
    code, out, _ = run("show", "1", "--json")
    shown = json.loads(out)
    assert (shown["applied"], shown["posted"], shown["closes"], shown["salary_min"]) == (
        None,
        None,
        None,
        None,
    )
    assert (shown["interviews"], shown["contacts"], shown["follow_ups"]) == ([], [], [])


def test_show_an_unknown_application_is_a_clear_error(run, clock: FixedClock) -> None:
    run("add", "Bolt", "SRE")
    code, out, err = run("show", "7")
    assert (code, out) == (2, "")
    assert err.strip() == "pursuit: error: no application with id 7"
    code, _, err = run("show", "7", "--json")
    assert code == 2 and "no application with id 7" in err


def test_show_does_not_import_the_orm(db_path: Path, northwind: int) -> None:
    done = run_pursuit(
        "--db", str(db_path), "show", str(northwind), "--json", python_flags=("-X", "importtime")
    )
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "pursuit.store.whole_application" in imported
    assert not {name for name in imported if name.split(".")[0] in ("sqlalchemy", "sqlmodel")}


def test_a_past_cancelled_interview_and_a_closed_posting_say_so(
    run, store: Store, db_path: Path
) -> None:
    app = store.applications.add_application(
        "Fabrikam", "Analyst", closes_on=date(2026, 11, 10), applied_on=date(2026, 11, 1)
    )
    call = store.people.add_interview(app, datetime(2026, 11, 16, 9, 0, tzinfo=UTC), kind="phone")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE interview SET cancelled_at = '2026-11-15 08:00:00.000000' WHERE id = ?",
            (call,),
        )
    conn.close()
    _, out, _ = run("show", str(app))
    lines = out.splitlines()
    assert "  Closes    Tue 10 Nov (closed)" in lines
    history = lines[lines.index("History") : lines.index("Job description")]
    assert "  Mon 16 Nov 09:00  Phone interview (cancelled)" in history
    # The application screen's history reads the same.
    assert "Phone interview (cancelled)" in [t.text for t in store.views.detail(app).timeline]


def test_show_keeps_a_description_s_numbered_and_nested_lists(run, db_path: Path) -> None:
    run("add", "Bolt", "SRE")
    long_item = "Run the on-call rotation " * 6
    described = (
        "What you will do\n1. Build the platform\n  - Nested A\n  - "
        + long_item.strip()
        + "\n    1. Deep one\n2. Ship it"
    )
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE application SET description = ? WHERE id = 1", (described,))
    code, out, _ = run("show", "1")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("Job description")
    shown = lines[at + 1 : at + 8]
    assert shown[:4] == [
        "  What you will do",
        "  1. Build the platform",
        "    - Nested A",
        "    - Run the on-call rotation Run the on-call rotation Run the on-call rotation",
    ]
    # A long item's next line hangs under its words, at its own level.
    assert shown[4].startswith("      Run the on-call") and shown[5] == "      1. Deep one"
    assert shown[6] == "  2. Ship it"


def test_show_says_what_comes_next_when_nothing_is_due_yet(run) -> None:
    run("add", "Bolt", "SRE")
    _, listed, _ = run("list")
    row = listed.splitlines()[1].split()
    next_label, due_day = " ".join(row[4:-3]), " ".join(row[-3:])
    code, out, _ = run("show", "1")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("What's due")
    # The same next step and day as `list` shows, said as not yet open.
    assert lines[at + 1 : at + 3] == ["  Nothing to send.", f"  Next: {next_label} — {due_day}"]
