"""`store.views`: the reads for screens and the command line (plain SQL, see queries.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time

from pursuit.domain import timeline as words
from pursuit.domain.localzone import local_tz
from pursuit.domain.moments import from_db
from pursuit.domain.records import (
    ApplicationDetail,
    ApplicationRow,
    ContactRow,
    DueRow,
    TimelineEntry,
)
from pursuit.store import queries
from pursuit.store.database import Database
from pursuit.store.drafts import Drafts
from pursuit.store.errors import NotFound


class Views:
    def __init__(self, database: Database, drafts: Drafts) -> None:
        self._db = database
        self._drafts = drafts

    def applications(
        self, *, stage: str | None = None, archived: bool = False
    ) -> list[ApplicationRow]:
        with self._db.connection() as conn:
            return queries.applications(conn, stage=stage, archived=archived)

    def application(self, app_id: int) -> ApplicationRow:
        with self._db.connection() as conn:
            row = queries.application(conn, app_id)
        if row is None:
            raise NotFound(f"no application with id {app_id}")
        return row

    def due(self, at: datetime | None = None) -> list[DueRow]:
        with self._db.connection() as conn:
            return queries.due(conn, at or self._db.now())

    def overdue_count(self, at: datetime | None = None) -> int:
        with self._db.connection() as conn:
            return queries.overdue_count(conn, at or self._db.now())

    def contacts(self, app_id: int | None = None) -> list[ContactRow]:
        """Everyone, or the people of one application (with their role in it)."""
        with self._db.connection() as conn:
            return queries.contacts(conn, app_id)

    def detail(self, app_id: int) -> ApplicationDetail:
        """Everything the application screen shows."""
        row = self.application(app_id)
        with self._db.connection() as conn:
            interviews = queries.interviews_of(conn, app_id)
            due = queries.pending(conn, app_id)
            contacts = queries.contacts(conn, app_id)
            names = {c.id: c.name for c in contacts}
            timeline = list(self._timeline(conn, app_id, names, row.applied_on))
        now = self._db.now()
        for iv in interviews:
            if iv.starts_at <= now:
                text = words.interview(iv.title) + (" (cancelled)" if iv.cancelled else "")
                timeline.append(TimelineEntry(iv.starts_at, "interview", text))
        # Newest first; entries made in the same instant keep the order they were made in.
        timeline.reverse()
        timeline.sort(key=lambda t: t.at, reverse=True)
        return ApplicationDetail(
            row=row,
            interviews=interviews,
            contacts=contacts,
            timeline=timeline,
            due=due,
            drafts=self._drafts.drafts(app_id),
        )

    @staticmethod
    def _timeline(
        conn: sqlite3.Connection, app_id: int, names: dict[int, str], applied_on: date | None
    ) -> Iterator[TimelineEntry]:
        tz = local_tz()
        changes = conn.execute(
            "SELECT from_stage, to_stage, at, note FROM stage_event WHERE application_id = ? "
            "ORDER BY id",
            (app_id,),
        )
        for step in words.stage_steps(
            ((f, t, from_db(at), note) for f, t, at, note in changes), applied_on, tz
        ):
            if step.at is None:  # the day applied, as given: the start of that day
                at = datetime.combine(step.day, time(0, 0), tzinfo=tz)
                yield TimelineEntry(at, "stage", step.text, day_only=True)
            else:
                yield TimelineEntry(step.at, "stage", step.text)
        for kind, at, contact_id, note in conn.execute(
            "SELECT kind, at, contact_id, note FROM activity WHERE application_id = ? ORDER BY id",
            (app_id,),
        ):
            if not words.says_itself(kind):
                yield TimelineEntry(
                    from_db(at), kind, words.event(kind, names.get(contact_id), note)
                )
        for action, at, contact_id in conn.execute(
            "SELECT action, at, contact_id FROM follow_up_dismissal WHERE application_id = ? "
            "ORDER BY id",
            (app_id,),
        ):
            yield TimelineEntry(
                from_db(at), "dismissed", words.dismissal(action, names.get(contact_id))
            )
