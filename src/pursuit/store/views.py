"""`store.views`: the reads for screens and the command line (plain SQL, see queries.py)."""

from __future__ import annotations

from datetime import datetime

from pursuit.domain.localzone import local_tz
from pursuit.domain.records import (
    ApplicationDetail,
    ApplicationRow,
    ContactRow,
    DueRow,
    JobDescription,
)
from pursuit.store import queries
from pursuit.store.database import Database
from pursuit.store.drafts import Drafts
from pursuit.store.errors import NotFound
from pursuit.store.history import history
from pursuit.store.posting_fields import PostingFields, posting_fields


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

    def job_description(
        self, *, interview_id: int | None = None, application_id: int | None = None
    ) -> JobDescription | None:
        """The description kept with the application (of INTERVIEW_ID), None if there is none."""
        with self._db.connection() as conn:
            return queries.job_description(
                conn, interview_id=interview_id, application_id=application_id
            )

    def detail(self, app_id: int) -> ApplicationDetail:
        """Everything the application screen shows."""
        row = self.application(app_id)
        with self._db.connection() as conn:
            interviews = queries.interviews_of(conn, app_id)
            due = queries.pending(conn, app_id)
            contacts = queries.contacts(conn, app_id)
            names = {c.id: c.name for c in contacts}
            timeline = history(conn, app_id, names, row.applied_on, self._db.now(), local_tz())
            posting = posting_fields(conn, app_id) or PostingFields()
        return ApplicationDetail(
            row=row,
            interviews=interviews,
            contacts=contacts,
            timeline=timeline,
            due=due,
            drafts=self._drafts.drafts(app_id),
            description=posting.description,
            salary_currency=posting.salary_currency,
        )
