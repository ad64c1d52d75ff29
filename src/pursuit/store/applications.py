"""Applications: adding, editing, moving through the stages, and the events logged on them.

Adding, moving and logging are application_writes' (plain sqlite3, shared with the command
line); editing, archiving and deleting are still made through the ORM.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pursuit.store import application_writes as writes
from pursuit.store.application_writes import EDITABLE_FIELDS as EDITABLE_FIELDS
from pursuit.store.application_writes import Logged as Logged
from pursuit.store.application_writes import validate_application as validate_application
from pursuit.store.database import Database, application_in
from pursuit.store.errors import InvalidValue
from pursuit.store.follow_ups import FollowUps


class Applications:
    def __init__(self, database: Database, follow_ups: FollowUps) -> None:
        self._db = database
        self._follow_ups = follow_ups

    def add_application(
        self,
        company: str,
        role: str,
        *,
        stage: str = "applied",
        applied_on: date | None = None,
        at: datetime | None = None,
        **fields: Any,
    ) -> int:
        with self._db.connection() as conn:
            return writes.add_application(
                conn,
                self._db.now(),
                company,
                role,
                stage=stage,
                applied_on=applied_on,
                at=at,
                **fields,
            )

    def update_application(self, app_id: int, **fields: Any) -> None:
        unknown = set(fields) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidValue(f"cannot edit {', '.join(sorted(unknown))}")
        values = validate_application(fields)
        with self._db.writer() as s:
            app = application_in(s, app_id)
            for name, value in values.items():
                setattr(app, name, value)
            if "company" in values:
                from pursuit.domain.companies import company_key

                app.company_key = company_key(app.company)
            app.updated_at = self._db.now()
            s.flush()
            self._follow_ups.reschedule(s, app_id)

    def set_stage(
        self, app_id: int, stage: str, *, at: datetime | None = None, note: str = ""
    ) -> bool:
        """Move an application; every change is a dated event. False if it was there already."""
        with self._db.connection() as conn:
            return writes.set_stage(conn, self._db.now(), app_id, stage, at=at, note=note)

    def archive(self, app_id: int, archived: bool = True) -> None:
        with self._db.writer() as s:
            app = application_in(s, app_id)
            app.archived = archived
            app.updated_at = self._db.now()
            s.flush()
            self._follow_ups.reschedule(s, app_id)

    def delete_application(self, app_id: int) -> None:
        with self._db.writer() as s:
            app = application_in(s, app_id)
            s.delete(app)

    def log_answer(
        self,
        app_id: int,
        action: str,
        kind: str,
        *,
        contact: str | None = None,
        interview_id: int | None = None,
    ) -> Logged | None:
        """KIND logged only while ACTION is still pending (None: done meanwhile elsewhere)."""
        with self._db.connection() as conn:
            return writes.log_answer(
                conn,
                self._db.now(),
                app_id,
                action,
                kind,
                contact=contact,
                interview_id=interview_id,
            )

    def log_event(
        self,
        app_id: int,
        kind: str,
        *,
        at: datetime | None = None,
        contact: str | None = None,
        interview_id: int | None = None,
        decision_by: date | None = None,
        note: str = "",
        new_contact: bool = False,
    ) -> Logged:
        """Log KIND; CONTACT must be one of the application's people unless NEW_CONTACT."""
        with self._db.connection() as conn:
            return writes.log_event(
                conn,
                self._db.now(),
                app_id,
                kind,
                at=at,
                contact=contact,
                interview_id=interview_id,
                decision_by=decision_by,
                note=note,
                new_contact=new_contact,
            )
