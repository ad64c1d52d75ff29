"""The command line's writes, made without the ORM, leave what the app's store leaves.

Each command runs as a real process (the first one creates the file through the full open,
the rest take the plain path); the same writes made through the Store's API on another file
must leave the same rows, follow-ups and their due times included. And a write on an up-to-date
file must not import SQLAlchemy or SQLModel at all: that is what makes it quick.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.domain.dates import parse_day, parse_moment
from pursuit.store.repo import Store
from tests.support.processes import MOMENT, run_pursuit

#: Every table a write command may change, and the order to read its rows in.
TABLES = {
    "application": "id",
    "stage_event": "id",
    "activity": "id",
    "interview": "id",
    "interview_contact": "interview_id, contact_id",
    "contact": "id",
    "application_contact": "application_id, contact_id",
    "checklist_item": "id",
    "follow_up": "id",
    "follow_up_dismissal": "id",
    "setting": '"key"',
}

COMMANDS = (
    ("add", "Acme", "Data Engineer", "--source", "LinkedIn", "--url", "https://acme.example/1"),
    ("add", "Bolt", "SRE", "--stage", "saved"),
    ("add", "Cove", "Analyst", "--applied", "Nov 3", "--sector", "Government", "--notes", "Via Jo"),
    ("log", "1", "heard", "--note", "They wrote back", "--contact", "Ann Lee", "--new-contact"),
    ("interview", "1", "--at", "tomorrow 10:00", "--with", "Ann Lee", "--with", "Bo Chan"),
    ("interview", "3", "--at", "Nov 24 15:30", "--kind", "phone", "--round", "Screen"),
    ("stage", "2", "applied"),
    ("log", "3", "sent-check-in", "--at", "Nov 16 09:00"),
    ("dismiss", "2", "application-check-in"),
    ("config", "set", "move_on_days", "9"),
    ("config", "set", "my_name", "Sam Rivera"),
    ("log", "1", "rejected", "--contact", "ann lee"),
    ("dismiss", "1", "rejection-reply"),
    ("dismiss", "--undo", "1", "rejection-reply"),
)


def _through_the_store(store: Store, clock: FixedClock) -> None:
    """COMMANDS, made through the app's store."""
    now = clock.now()
    apps, people = store.applications, store.people
    apps.add_application("Acme", "Data Engineer", source="LinkedIn", url="https://acme.example/1")
    apps.add_application("Bolt", "SRE", stage="saved")
    apps.add_application(
        "Cove",
        "Analyst",
        applied_on=parse_day("Nov 3", now, future=False),
        sector="government",
        notes="Via Jo",
    )
    apps.log_event(1, "heard", note="They wrote back", contact="Ann Lee", new_contact=True)
    people.add_interview(
        1, parse_moment("tomorrow 10:00", now, future=True), interviewers=["Ann Lee", "Bo Chan"]
    )
    people.add_interview(
        3, parse_moment("Nov 24 15:30", now, future=True), kind="phone", round_name="Screen"
    )
    apps.set_stage(2, "applied")
    apps.log_event(3, "sent-check-in", at=parse_moment("Nov 16 09:00", now, future=False))
    store.follow_ups.dismiss(2, "application-check-in")
    store.settings.set_many({"move_on_days": "9"})
    store.settings.set_many({"my_name": "Sam Rivera"})
    apps.log_event(1, "rejected", contact="ann lee")
    store.follow_ups.dismiss(1, "rejection-reply")
    store.follow_ups.undo_dismiss(1, "rejection-reply")


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
            for table, order in TABLES.items()
        }
    finally:
        conn.close()


def test_the_write_commands_leave_the_rows_the_store_leaves(tmp_path: Path) -> None:
    by_commands = tmp_path / "commands.db"
    for command in COMMANDS:
        done = run_pursuit("--db", str(by_commands), *command)
        assert done.returncode == 0, (command, done.stderr)
    by_store = tmp_path / "store.db"
    clock = FixedClock(MOMENT)
    store = Store.open(by_store, clock)
    try:
        _through_the_store(store, clock)
    finally:
        store.close()

    made, expected = _rows(by_commands), _rows(by_store)
    assert made == expected
    # What is compared is a schedule worth comparing: follow-ups with their due times.
    assert len(made["follow_up"]) >= 3
    assert len({row[8] for row in made["follow_up"]}) >= 2
    assert made["follow_up_dismissal"] and made["checklist_item"]


WRITES = (
    ("add", "Acme", "Engineer", "--source", "LinkedIn"),
    ("stage", "1", "screening"),
    ("interview", "1", "--at", "tomorrow 10:00", "--with", "Ann Lee"),
    ("log", "1", "heard", "--note", "They wrote back"),
    ("dismiss", "1", "thank-you"),
    ("config", "set", "my_name", "Sam"),
    ("config", "set", "move_on_days", "9"),
    (
        "invite",
        str(Path(__file__).parents[1] / "fixtures/invitations/google-meet.ics"),
        "--app",
        "1",
    ),
)


@pytest.mark.parametrize("command", WRITES, ids=lambda c: " ".join(c[:3]))
def test_a_write_command_does_not_import_the_orm(
    db_path: Path, store: Store, command: tuple[str, ...]
) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    store.people.add_interview(app, MOMENT.replace(hour=8), interviewers=["Ann Lee"])
    done = run_pursuit("--db", str(db_path), *command, python_flags=("-X", "importtime"))
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "pursuit.store.writing" in imported  # the write itself was made
    assert not {name for name in imported if name.split(".")[0] in ("sqlalchemy", "sqlmodel")}
