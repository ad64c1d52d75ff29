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
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from pursuit.domain.moments import from_db, to_db
from pursuit.domain.zone_identity import zone_identity
from pursuit.store.rescheduling import reschedule_all

#: The moment the shipped data was made at (UTC). Its microseconds tell the seed's "now"
#: apart from the moments it places, which fall on whole minutes.
REFERENCE = datetime(2026, 1, 14, 12, 34, 56, 789012, tzinfo=UTC)
DATA = Path(__file__).with_name("demo_ahead.sql")

#: The columns holding moments and days, by table (the schedule's own are worked out again).
MOMENTS = {
    "application": ("created_at", "updated_at"),
    "stage_event": ("at",),
    "interview": ("starts_at",),
    "activity": ("at",),
    "follow_up_dismissal": ("at",),
    "draft": ("created_at", "updated_at", "sent_at"),
}
DAYS = {
    "application": ("applied_on", "posted_on", "closes_on"),
    "interview": ("decision_by",),
    "activity": ("decision_by",),
}


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
    # Worked out again as every write does, so a deadline in hours stays that many real hours.
    reschedule_all(conn, now, tz)
    conn.execute(
        "INSERT INTO schedule_zone (id, zone) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET zone = excluded.zone",
        (zone_identity(tz),),
    )
