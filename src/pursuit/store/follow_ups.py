"""The follow-up schedule: what is owed to whom by when, kept in step with every write.

The schedule itself is written by `rescheduling` (plain sqlite3), the one way it is written;
this gives the app's store its calls, and lets the writes still made through the ORM rewrite it
in their own transaction (`reschedule`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session

from pursuit.domain import followups as fu
from pursuit.domain.dates import local_tz
from pursuit.domain.zone_identity import zone_identity
from pursuit.store import dismissals, rescheduling
from pursuit.store.database import Database, raw_connection
from pursuit.store.tables import Application
from pursuit.store.writing import marks, transaction

#: The columns of an application's row that show its schedule, in `rescheduling.Next`'s order.
_SHOWN = (
    "next_action",
    "next_contact",
    "next_opens_at",
    "next_due_at",
    "next_overdue_at",
    "last_contact_at",
)


class FollowUps:
    def __init__(self, database: Database) -> None:
        self._db = database

    def dismiss(self, app_id: int, action: str, contact: str | None = None) -> int:
        """Dismiss the pending ACTION (for CONTACT); returns how many were dismissed."""
        with self._db.connection() as conn:
            return dismissals.dismiss(conn, self._db.now(), app_id, action, contact)

    def undo_dismiss(self, app_id: int, action: str, contact: str | None = None) -> int:
        """Bring back the last dismissed ACTION (for CONTACT) and reschedule; returns how many."""
        with self._db.connection() as conn:
            return dismissals.undo_dismiss(conn, self._db.now(), app_id, action, contact)

    def check_in_warning(self, app_id: int, when: datetime | None = None) -> str | None:
        """The "too soon" warning for a check-in drafted or logged at WHEN, if any."""
        with self._db.connection() as conn:
            too_soon = fu.check_in_too_soon(
                rescheduling.facts(conn, app_id),
                when or self._db.now(),
                rescheduling.rules_in(conn),
                local_tz(),
            )
            return too_soon.message if too_soon else None

    def rules_in(self, s: Session) -> fu.Rules:
        return rescheduling.rules_in(raw_connection(s))

    def facts(self, s: Session, app_id: int) -> fu.ApplicationFacts:
        return rescheduling.facts(raw_connection(s), app_id)

    def reschedule(self, s: Session, app_id: int, rules: fu.Rules | None = None) -> None:
        """Rewrite the application's schedule in the session's transaction; its row, if the
        session holds it, shows what was written."""
        shown = rescheduling.reschedule(raw_connection(s), [app_id], self._db.now(), rules)
        for row in list(s.identity_map.values()):
            if isinstance(row, Application) and row.id in shown:
                for name, value in zip(_SHOWN, shown[row.id], strict=True):
                    set_committed_value(row, name, value)

    def follow_zone(self, batch: int = 500) -> bool:
        """Work the schedule out again if it was worked out in another zone; True if it was.

        A check-in due "Dec 10" falls due at midnight where the job seeker is now, not where
        the last write happened. Batches keep each write short; the zone is recorded last, so
        a run cut short is finished by the next open.
        """
        zone = zone_identity(local_tz())
        with self._db.connection() as conn:  # a plain read: no write lock unless needed
            row = conn.execute("SELECT zone FROM schedule_zone WHERE id = 1").fetchone()
            if row is not None and row[0] == zone:
                return False
            ids = [i for (i,) in conn.execute("SELECT id FROM application ORDER BY id")]
            for start in range(0, len(ids), batch):
                with transaction(conn):
                    # Those deleted meanwhile have nothing left to schedule.
                    wanted = ids[start : start + batch]
                    chunk = [
                        i
                        for (i,) in conn.execute(
                            f"SELECT id FROM application WHERE id IN ({marks(wanted)})", wanted
                        )
                    ]
                    if chunk:
                        rescheduling.reschedule(conn, chunk, self._db.now())
            with transaction(conn):
                conn.execute(
                    "INSERT INTO schedule_zone (id, zone) VALUES (1, ?) "
                    "ON CONFLICT (id) DO UPDATE SET zone = excluded.zone",
                    (zone,),
                )
        return True
