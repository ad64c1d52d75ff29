"""The demo made ahead: the seed's data at a reference moment, shipped, moved to the user's day.

Seeding through the store takes the database layer's import (over half a second) and some
fifty writes; the day's first `pursuit demo` waited on them for its rows. `demo_ahead.sql` is
what `store/demo.py` gives on REFERENCE's day in UTC, written out by `write_reference`
(`scripts/make_demo_ahead.py`); a new demo loads it and moves it to its own day in plain SQL:

- every moment the seed places, "day D at 14:00", goes to the same wall time D days from the
  job seeker's today, in their zone, as the seed would place it (so across a change of the
  clocks an interview stays at 14:00, not 13:00); the seed's own "now" becomes theirs;
- the follow-up schedule is then worked out by the rules (`followups.schedule`) from the moved
  facts, as every write of the store does: "24 hours after the interview" stays 24 real hours.

tests/store/test_demo_ahead.py checks, table by table, that the result is the seed's own data
for that clock, in zones that change their clocks, and that the shipped file is up to date.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any, TypeVar

from pursuit.domain import followups as fu
from pursuit.domain.moments import from_db, to_db
from pursuit.domain.zone_identity import zone_identity

#: The moment the shipped data was made at (UTC). Its microseconds tell the seed's "now"
#: apart from the moments it places, which fall on whole minutes.
REFERENCE = datetime(2026, 1, 14, 12, 34, 56, 789012, tzinfo=UTC)
DATA = Path(__file__).with_name("demo_ahead.sql")
T = TypeVar("T")

#: The columns holding moments and days, by table (the schedule's own are worked out again).
MOMENTS = {
    "application": ("created_at", "updated_at"),
    "stage_event": ("at",),
    "interview": ("starts_at",),
    "activity": ("at",),
    "follow_up_dismissal": ("at",),
    "draft": ("created_at", "updated_at", "sent_at"),
}
DAYS = {"application": ("applied_on",), "interview": ("decision_by",), "activity": ("decision_by",)}


def write_reference(target: Path) -> None:
    """Write the seed's data at REFERENCE (the process's zone must be UTC) to TARGET, as SQL."""
    import tempfile

    from pursuit.domain.clock import FixedClock
    from pursuit.domain.dates import local_tz
    from pursuit.store.demo import seed
    from pursuit.store.repo import Store

    if REFERENCE.astimezone(local_tz()).utcoffset():
        raise RuntimeError("the reference demo is made in UTC (run with TZ=UTC)")
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.db", FixedClock(REFERENCE))
        try:
            seed(store)
        finally:
            store.close()
        conn = sqlite3.connect(Path(folder) / "demo.db")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            lines = [f"PRAGMA application_id = {app_id};", f"PRAGMA user_version = {version};"]
            lines += [s for s in conn.iterdump() if s not in ("BEGIN TRANSACTION;", "COMMIT;")]
        finally:
            conn.close()
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make(path: Path, now: datetime, tz: tzinfo, version: int) -> bool:
    """The demo for NOW in TZ written to PATH (a new, empty file); False when the shipped data
    is missing or is not of schema VERSION (the caller then seeds through the store)."""
    try:
        script = DATA.read_text(encoding="utf-8")
    except OSError:
        return False
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")  # as the store makes every file
        conn.execute("PRAGMA synchronous = OFF")  # nothing in it matters until it is whole
        try:
            # Without foreign keys (off by default): its tables come in name order, an event
            # before the interview it refers to (they were checked when the seed wrote them).
            conn.executescript("BEGIN IMMEDIATE;\n" + script)
        except sqlite3.Error:
            return False  # not loadable here (PATH held something already): seeded instead
        if conn.execute("PRAGMA user_version").fetchone()[0] != version:
            conn.execute("ROLLBACK")
            return False
        move(conn, now, tz)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return True


def move(conn: sqlite3.Connection, now: datetime, tz: tzinfo) -> None:
    """Move the reference data on CONN to NOW's day in TZ, then work out its schedule."""
    today = now.astimezone(tz).date()
    seed_now = to_db(REFERENCE)
    stamp = to_db(now)

    def moment(stored: str | None) -> str | None:
        if stored is None:
            return None
        if stored == seed_now:
            return stamp
        at = from_db(stored)
        day = today + (at.date() - REFERENCE.date())
        return to_db(datetime.combine(day, at.time(), tzinfo=tz))

    def day(stored: str | None) -> str | None:
        if stored is None:
            return None
        return (today + (date.fromisoformat(stored) - REFERENCE.date())).isoformat()

    def zone_name(stored: str) -> str:
        return str(from_db(stored).astimezone(tz).tzname() or "")

    conn.create_function("moved_moment", 1, moment, deterministic=True)
    conn.create_function("moved_day", 1, day, deterministic=True)
    conn.create_function("zone_name", 1, zone_name, deterministic=True)
    for table, columns in MOMENTS.items():
        sets = ", ".join(f"{c} = moved_moment({c})" for c in columns)
        conn.execute(f"UPDATE {table} SET {sets}")
    for table, columns in DAYS.items():
        sets = ", ".join(f"{c} = moved_day({c})" for c in columns)
        conn.execute(f"UPDATE {table} SET {sets}")
    # The zone's name as the store records it: "EST" in winter, "EDT" in summer.
    conn.execute("UPDATE interview SET timezone = zone_name(starts_at)")
    reschedule(conn, now, tz)
    conn.execute(
        "INSERT INTO schedule_zone (id, zone) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET zone = excluded.zone",
        (zone_identity(tz),),
    )


def reschedule(conn: sqlite3.Connection, now: datetime, tz: tzinfo) -> None:
    """Every application's follow-ups, the next one it shows and its last contact, worked out
    from its facts as `store.follow_ups` does after every write."""
    rules = fu.rules_from(dict(conn.execute("SELECT key, value FROM setting")))
    conn.execute("DELETE FROM follow_up")
    for facts in _facts(conn):
        actions = fu.schedule(facts, rules, tz)
        conn.executemany(
            "INSERT INTO follow_up (application_id, action, source, contact_id, contact_name, "
            "interview_id, opens_at, due_at, overdue_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    facts.id,
                    a.kind,
                    a.source,
                    a.contact_id,
                    a.contact_name,
                    a.interview_id,
                    to_db(a.opens_at),
                    to_db(a.due_at),
                    to_db(a.overdue_at),
                )
                for a in actions
            ],
        )
        first = actions[0] if actions else None
        contacts = [e.at for e in facts.events if e.kind != "note" and e.at <= now]
        contacts += [i.starts_at for i in facts.interviews if i.starts_at <= now]
        last = max(contacts, default=None)
        conn.execute(
            "UPDATE application SET next_action = ?, next_contact = ?, next_opens_at = ?, "
            "next_due_at = ?, next_overdue_at = ?, last_contact_at = ? WHERE id = ?",
            (
                first.kind if first else None,
                first.contact_name if first else None,
                to_db(first.opens_at) if first else None,
                to_db(first.due_at) if first else None,
                to_db(first.overdue_at) if first else None,
                to_db(last) if last else None,
                facts.id,
            ),
        )


def _facts(conn: sqlite3.Connection) -> Iterable[fu.ApplicationFacts]:
    """What each application's schedule follows (the demo is small: read whole)."""
    people: dict[int, list[fu.Person]] = {}
    for interview_id, contact_id, name in conn.execute(
        "SELECT ic.interview_id, c.id, c.name FROM interview_contact ic "
        "JOIN contact c ON c.id = ic.contact_id"
    ):
        people.setdefault(interview_id, []).append(fu.Person(contact_id, name))
    interviews = _by_application(
        conn.execute(
            "SELECT application_id, id, starts_at, decision_by FROM interview ORDER BY id"
        ),
        lambda i, at, by: fu.InterviewFact(
            id=i,
            starts_at=from_db(at),
            decision_by=_day(by),
            interviewers=tuple(sorted(people.get(i, []), key=lambda p: p.name)),
        ),
    )
    events = _by_application(
        conn.execute(
            "SELECT application_id, id, kind, at, contact_id, interview_id, decision_by "
            "FROM activity ORDER BY id"
        ),
        lambda i, kind, at, contact, interview, by: fu.EventFact(
            id=i,
            kind=kind,
            at=from_db(at),
            contact_id=contact,
            interview_id=interview,
            decision_by=_day(by),
        ),
    )
    stages = _by_application(
        conn.execute("SELECT application_id, id, to_stage, at FROM stage_event ORDER BY id"),
        lambda i, stage, at: fu.StageFact(id=i, stage=stage, at=from_db(at)),
    )
    dismissals = _by_application(
        conn.execute(
            "SELECT application_id, action, contact_id, source FROM follow_up_dismissal ORDER BY id"
        ),
        fu.Dismissal,
    )
    for app_id, stage, applied_on, archived in conn.execute(
        "SELECT id, stage, applied_on, archived FROM application ORDER BY id"
    ).fetchall():
        yield fu.ApplicationFacts(
            id=app_id,
            stage=stage,
            applied_on=_day(applied_on),
            archived=bool(archived),
            interviews=tuple(interviews.get(app_id, ())),
            events=tuple(events.get(app_id, ())),
            stage_changes=tuple(stages.get(app_id, ())),
            dismissals=tuple(dismissals.get(app_id, ())),
        )


def _by_application(rows: Iterable[Sequence[Any]], make: Callable[..., T]) -> dict[int, list[T]]:
    """MAKE of each row's other columns, listed under its first (the application's id)."""
    found: dict[int, list[T]] = {}
    for app_id, *rest in rows:
        found.setdefault(app_id, []).append(make(*rest))
    return found


def _day(stored: str | None) -> date | None:
    return date.fromisoformat(stored) if stored else None
