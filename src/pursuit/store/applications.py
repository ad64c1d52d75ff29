"""Applications: adding, editing, moving through the stages, and the events logged on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, func, select

from pursuit.domain import actions
from pursuit.domain import followups as fu
from pursuit.domain.dates import local_tz
from pursuit.domain.stages import SECTORS, STAGES
from pursuit.store.contacts import contact_named, known_contact
from pursuit.store.database import Database, application_in
from pursuit.store.errors import InvalidValue, NotFound, clean_text
from pursuit.store.follow_ups import FollowUps
from pursuit.store.tables import Activity, Application, Interview, StageEvent

EDITABLE_FIELDS = (
    "company",
    "role",
    "url",
    "source",
    "location",
    "sector",
    "salary_min",
    "salary_max",
    "applied_on",
    "notes",
)


@dataclass(frozen=True)
class Logged:
    """What logging an event did, and a warning when it came too soon."""

    activity_ids: tuple[int, ...]
    warning: str | None = None


def validate_application(values: dict[str, Any]) -> dict[str, Any]:
    """Check and tidy application fields; raises InvalidValue naming the field."""
    out = dict(values)
    for name in ("company", "role"):
        if name in out:
            out[name] = clean_text(str(out[name]), name, required=True, limit=200)
    for name in ("url", "source", "location"):
        if name in out:
            out[name] = clean_text(str(out[name] or ""), name, limit=2_000)
    if "notes" in out:
        out["notes"] = clean_text(str(out["notes"] or ""), "notes", limit=100_000)
    if "sector" in out:
        sector = str(out["sector"] or "other").strip().lower()
        if sector not in SECTORS:
            raise InvalidValue(f"unknown sector {sector!r}; choose one of {', '.join(SECTORS)}")
        out["sector"] = sector
    for name in ("salary_min", "salary_max"):
        value = out.get(name)
        if value is not None and not (0 <= int(value) <= 100_000_000):
            raise InvalidValue(f"{name.replace('_', ' ')} must be between 0 and 100,000,000")
    lo, hi = out.get("salary_min"), out.get("salary_max")
    if lo is not None and hi is not None and lo > hi:
        raise InvalidValue("the salary range runs backwards (minimum above maximum)")
    return out


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
        with self._db.writer() as s:
            return self._add_application(
                s, company, role, stage=stage, applied_on=applied_on, at=at, **fields
            )

    def _add_application(
        self,
        s: Session,
        company: str,
        role: str,
        *,
        stage: str = "applied",
        applied_on: date | None = None,
        at: datetime | None = None,
        note: str = "",
        **fields: Any,
    ) -> int:
        if stage not in STAGES:
            raise InvalidValue(f"unknown stage {stage!r}")
        values = validate_application({"company": company, "role": role, **fields})
        now = at or self._db.now()
        if applied_on is None and stage != "saved":
            applied_on = now.astimezone(local_tz()).date()
        app = Application(
            **values, stage=stage, applied_on=applied_on, created_at=now, updated_at=now
        )
        s.add(app)
        s.flush()
        assert app.id is not None
        s.add(StageEvent(application_id=app.id, from_stage=None, to_stage=stage, at=now, note=note))
        s.flush()
        self._follow_ups.reschedule(s, app.id)
        return app.id

    def update_application(self, app_id: int, **fields: Any) -> None:
        unknown = set(fields) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidValue(f"cannot edit {', '.join(sorted(unknown))}")
        values = validate_application(fields)
        with self._db.writer() as s:
            app = application_in(s, app_id)
            for name, value in values.items():
                setattr(app, name, value)
            app.updated_at = self._db.now()
            s.flush()
            self._follow_ups.reschedule(s, app_id)

    def set_stage(
        self, app_id: int, stage: str, *, at: datetime | None = None, note: str = ""
    ) -> bool:
        """Move an application; every change is a dated event. False if it was there already."""
        if stage not in STAGES:
            raise InvalidValue(f"unknown stage {stage!r}; known stages: {', '.join(STAGES)}")
        with self._db.writer() as s:
            return self.set_stage_in(s, app_id, stage, at or self._db.now(), note)

    def set_stage_in(
        self,
        s: Session,
        app_id: int,
        stage: str,
        at: datetime,
        note: str,
        reschedule: bool = True,
    ) -> bool:
        app = application_in(s, app_id)
        if app.stage == stage:
            return False
        # Never before the last change: a past interview recorded today moves the stage "by
        # then at the latest", but not to before the application was added to pursuit.
        last = s.exec(
            select(func.max(StageEvent.at)).where(StageEvent.application_id == app_id)
        ).one()
        if last is not None and at < last:
            at = last
        s.add(
            StageEvent(
                application_id=app_id, from_stage=app.stage, to_stage=stage, at=at, note=note
            )
        )
        app.stage = stage
        app.updated_at = self._db.now()
        if stage != "saved" and app.applied_on is None:
            app.applied_on = at.astimezone(local_tz()).date()
        s.flush()
        if reschedule:
            self._follow_ups.reschedule(s, app_id)
        return True

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
        if kind not in actions.EVENT_KINDS:
            raise InvalidValue(
                f"unknown event {kind!r}; known events: {', '.join(actions.EVENT_KINDS)}"
            )
        moment = at or self._db.now()
        note = clean_text(note, "note", limit=100_000)
        with self._db.writer() as s:
            application_in(s, app_id)
            warning = None
            if kind == "sent-check-in":
                too_soon = fu.check_in_too_soon(
                    self._follow_ups.facts(s, app_id),
                    moment,
                    self._follow_ups.rules_in(s),
                    local_tz(),
                )
                warning = too_soon.message if too_soon else None
            if interview_id is not None:
                iv = s.get(Interview, interview_id)
                if iv is None or iv.application_id != app_id:
                    raise NotFound(f"application {app_id} has no interview {interview_id}")
            elif kind == "sent-thank-you":
                iv = s.exec(
                    select(Interview)
                    .where(Interview.application_id == app_id)
                    .where(col(Interview.starts_at) <= moment)
                    .order_by(col(Interview.starts_at).desc())
                ).first()
                if iv is None:
                    raise InvalidValue(f"application {app_id} has no interview that has started")
                interview_id = iv.id
            contact_id = None
            if contact:
                found = (
                    contact_named(s, contact, app_id, "")
                    if new_contact
                    else known_contact(s, contact, app_id)
                )
                contact_id = found.id
            act = Activity(
                application_id=app_id,
                kind=kind,
                at=moment,
                contact_id=contact_id,
                interview_id=interview_id,
                decision_by=decision_by,
                note=note,
            )
            s.add(act)
            s.flush()
            assert act.id is not None
            if kind in actions.EVENT_STAGE:
                self.set_stage_in(
                    s, app_id, actions.EVENT_STAGE[kind], moment, note, reschedule=False
                )
            s.flush()
            self._follow_ups.reschedule(s, app_id)
            return Logged((act.id,), warning)
