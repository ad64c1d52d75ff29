"""The plain write path (store/writing.py): its door, its transactions, and the ORM beside it."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store import application_writes, db
from pursuit.store.errors import InvalidValue
from pursuit.store.repo import Store
from pursuit.store.tables import Application
from pursuit.store.writing import insert
from tests.support.processes import run_pursuit


def test_text_no_field_may_hold_is_refused_at_the_plain_door(store: Store) -> None:
    # Settings are checked by domain.settings for their form, not for a NUL or broken bytes:
    # the door is what stops them, as the ORM's flush did.
    with pytest.raises(InvalidValue, match="my name: contains a NUL"):
        store.settings.set_many({"my_name": "Sam\x00Rivera"})
    with pytest.raises(InvalidValue, match="not UTF-8"):
        store.settings.set_many({"my_name": "Sam \udcff"})
    assert "my_name" not in store.settings.values()


def test_a_refused_write_leaves_nothing_behind(store: Store) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    with pytest.raises(InvalidValue, match="name: contains a NUL"):
        store.applications.log_event(app, "heard", contact="Ann\x00", new_contact=True)
    with store.reader() as conn:
        assert conn.execute("SELECT count(*) FROM activity").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM contact").fetchone() == (0,)
        assert not conn.in_transaction
    # The connection it ran on went back to the pool whole: the next write goes through.
    store.applications.log_event(app, "heard")


def test_a_failed_write_rolls_back_and_frees_the_lock(store: Store, db_path: Path) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    with store.database.connection() as conn:
        with pytest.raises(InvalidValue):
            # The name is checked inside the transaction, once the write lock is held.
            application_writes.log_event(
                conn, store.now(), app, "heard", contact="Bo\udcff", new_contact=True
            )
        assert not conn.in_transaction
    other = sqlite3.connect(db_path, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")  # nobody holds the write lock
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_an_orm_write_sees_the_schedule_the_plain_path_wrote(store: Store) -> None:
    """The ORM writes left (editing, archiving) rewrite the schedule through the plain path
    on their session's connection; what the session holds shows it."""
    app = store.applications.add_application("Acme", "Engineer")
    with store.database.writer() as s:
        row = s.get(Application, app)
        assert row is not None and row.next_action == "application-check-in"
        row.archived = True
        s.flush()
        store.follow_ups.reschedule(s, app)
        assert row.next_action is None and row.next_due_at is None
        assert row not in s.dirty
    with store.reader() as conn:
        assert conn.execute(
            "SELECT archived, next_action FROM application WHERE id = ?", (app,)
        ).fetchone() == (1, None)


def test_a_file_to_bring_up_to_date_takes_the_full_open(db_path: Path, clock: FixedClock) -> None:
    store = Store.open(db_path, clock)
    store.applications.add_application("Acme", "Engineer")
    store.close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE schedule_zone SET zone = 'Asia/Tokyo'")
    conn.commit()
    conn.close()
    assert db.open_for_writing(db_path) is None
    done = run_pursuit(
        "--db", str(db_path), "add", "Bolt", "SRE", python_flags=("-X", "importtime")
    )
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" in done.stderr  # the full open brought the schedule into this zone
    check = db.open_for_writing(db_path)
    assert check is not None
    try:
        assert check.execute("SELECT count(*) FROM application").fetchone() == (2,)
        assert check.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert check.execute("PRAGMA busy_timeout").fetchone() == (db.busy_timeout_ms(),)
    finally:
        check.close()


def test_a_stage_change_is_never_dated_before_the_last(store: Store, clock: FixedClock) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    assert store.applications.set_stage(app, "screening", at=clock.now() - timedelta(days=3))
    with store.reader() as conn:
        dates = [at for (at,) in conn.execute("SELECT at FROM stage_event ORDER BY id")]
    assert dates[0] == dates[1]


def test_a_name_in_broken_bytes_is_refused_in_words(db_path: Path, store: Store) -> None:
    """The command line gets argv's bytes as they were typed: a name that is not UTF-8 is
    refused at the door before it is looked up by (it was a bug report, then)."""
    app = store.applications.add_application("Acme", "Engineer")
    done = run_pursuit(
        "--db", str(db_path), "log", str(app), "heard", "--contact", "B\udcff", "--new-contact"
    )
    assert done.returncode == 2
    assert done.stderr == "pursuit: error: contact name: contains bytes that are not UTF-8 text\n"


def test_a_posting_added_while_another_waits_for_the_lock_is_added_once(
    store: Store, db_path: Path
) -> None:
    """Two `add --from` of one posting at once: the second, waiting for the write lock while
    the first adds it, finds the first's application instead of adding a twin."""
    import threading

    address = "https://jobs.example.com/4471"
    first = db.open_for_writing(db_path)
    second = db.open_for_writing(db_path)
    assert first is not None and second is not None
    waiting = threading.Event()
    # The second's statements as it runs them: once it asks for the lock, the first commits.
    second.set_trace_callback(lambda sql: waiting.set() if sql == "BEGIN IMMEDIATE" else None)
    results: list[application_writes.Added] = []

    def add_second() -> None:
        results.append(
            application_writes.add_unless_held(
                second, store.now(), "Northwind", "Data Engineer", (address,), url=address
            )
        )

    try:
        first.execute("BEGIN IMMEDIATE")
        row = {
            **application_writes._BLANK,
            "company": "Northwind",
            "role": "Data Engineer",
            "url": address,
            "stage": "applied",
            "created_at": store.now(),
            "updated_at": store.now(),
        }
        holder = insert(first, "application", row)
        adder = threading.Thread(target=add_second)
        adder.start()
        assert waiting.wait(10)
        first.execute("COMMIT")
        adder.join(10)
    finally:
        first.close()
    second.close()
    assert results == [application_writes.Added(holder, added=False)]
    with store.reader() as conn:
        assert conn.execute("SELECT count(*) FROM application").fetchone() == (1,)


def test_a_backlog_application_moves_on_the_day_it_moved(store: Store, clock: FixedClock) -> None:
    """Typed in today, applied on 1 November: a stage change given for the 10th is dated the
    10th (not today, when it was typed in), and none is dated before the day applied."""
    from datetime import UTC, date, datetime

    from pursuit.domain.moments import from_db

    app = store.applications.add_application("Acme", "Engineer", applied_on=date(2026, 11, 1))
    screened = datetime(2026, 11, 10, 15, 0, tzinfo=UTC)
    assert store.applications.set_stage(app, "screening", at=screened)
    assert store.applications.set_stage(app, "interviewing", at=screened - timedelta(days=30))
    with store.reader() as conn:
        dates = [from_db(at) for (at,) in conn.execute("SELECT at FROM stage_event ORDER BY id")]
    assert dates == [clock.now(), screened, screened]
    other = store.applications.add_application("Bolt", "SRE", applied_on=date(2026, 11, 1))
    assert store.applications.set_stage(other, "screening", at=datetime(2026, 10, 1, tzinfo=UTC))
    with store.reader() as conn:
        (first,) = conn.execute(
            "SELECT at FROM stage_event WHERE application_id = ? AND from_stage IS NOT NULL",
            (other,),
        ).fetchone()
    assert from_db(first) == datetime(2026, 11, 1, tzinfo=UTC)  # the suite's zone is UTC
