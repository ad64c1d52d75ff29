"""The store: every write the app and the command line make, each in one transaction.

Every write that changes an application's facts ends by rewriting that application's pending
follow-ups (`_reschedule`) inside the same transaction, so the schedule the ticker reads is never
out of step with the facts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, func, select

from pursuit.domain import actions
from pursuit.domain import followups as fu
from pursuit.domain.clock import Clock, SystemClock
from pursuit.domain.dates import local_tz
from pursuit.domain.safe_text import TextNotAllowed, check_stored_text
from pursuit.domain.stages import SECTORS, STAGES
from pursuit.paths import user_path
from pursuit.store import db, files
from pursuit.store.checklists import Checklists
from pursuit.store.drafts import Drafts
from pursuit.store.errors import InvalidValue, NotFound, clean_text, explain
from pursuit.store.people import People
from pursuit.store.tables import (
    Activity,
    Application,
    Contact,
    FollowUp,
    FollowUpDismissal,
    Interview,
    InterviewContact,
    Setting,
    StageEvent,
)
from pursuit.store.transfer import Transfer
from pursuit.store.views import Views

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


def _refuse_what_no_field_may_hold(session: Session, _context: object, _objects: object) -> None:
    """Every write's door: text is stored as given, except what no field may hold (NUL)."""
    for row in (*session.new, *session.dirty):
        for name, value in vars(row).items():
            if isinstance(value, str):
                try:
                    check_stored_text(name.replace("_", " "), value)
                except TextNotAllowed as exc:
                    raise InvalidValue(str(exc)) from None


class Store(People, Checklists, Drafts, Transfer, Views):
    """A pursuit database, opened and up to date."""

    def __init__(self, path: Path, engine: Any, clock: Clock | None = None) -> None:
        self.path = path
        self.engine = engine
        #: The same pool, with sessions that begin as readers (see make_engine's begin hook).
        self._read_engine = engine.execution_options(pursuit_reads_only=True)
        self.clock: Clock = clock or SystemClock()
        #: The open created or upgraded the file: what was read from it before is stale.
        self.upgraded = False

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, clock: Clock | None = None) -> Store:
        """Open (creating if needed) the database at PATH; StoreError says what is wrong."""
        path = user_path(path)
        reading_uri = None
        if db.check_file(path):
            version, reading_uri = db.inspect_existing(path)
        else:
            db.create_private_file(path)
            version = 0
        engine = db.make_engine(
            reading_uri or db.database_url(path), read_only=reading_uri is not None
        )
        try:
            db.migrate(engine, path)
        except (sqlite3.DatabaseError, DBAPIError) as exc:
            engine.dispose()
            raise explain(exc, path) or db.NotAPursuitDatabase(
                f"{path} is damaged or not a pursuit database ({exc})"
            ) from exc
        except BaseException:
            engine.dispose()
            raise
        files.remember_database(path)
        store = cls(path, engine, clock)
        store.upgraded = version != db.LATEST
        return store

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            event.listen(session, "before_flush", _refuse_what_no_field_may_hold)
            yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """A session that only reads: a plain BEGIN, so it never waits for another program's
        write lock (in WAL mode a reader is not blocked by a writer) and never holds one."""
        with Session(self._read_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A plain connection for read queries (autocommit: no lock is held between them)."""
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            yield conn
        finally:
            raw.close()

    def now(self) -> datetime:
        return self.clock.now()

    # --- settings and rules ----------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        with self.reader() as conn:
            return dict(conn.execute("SELECT key, value FROM setting"))

    def set_setting(self, key: str, value: str) -> None:
        with self._tx() as s:
            s.merge(Setting(key=key, value=value))
            if key in fu.RULE_KEYS:
                self._reschedule_all(s)

    def set_settings(self, values: dict[str, str]) -> None:
        """Several settings in one transaction."""
        with self._tx() as s:
            for key, value in values.items():
                s.merge(Setting(key=key, value=value))
            if set(values) & fu.RULE_KEYS:
                self._reschedule_all(s)

    def rules(self) -> fu.Rules:
        return fu.rules_from(self.settings())

    # --- applications ----------------------------------------------------------------------

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
        with self._tx() as s:
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
        now = at or self.now()
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
        self._reschedule(s, app.id)
        return app.id

    def update_application(self, app_id: int, **fields: Any) -> None:
        unknown = set(fields) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidValue(f"cannot edit {', '.join(sorted(unknown))}")
        values = validate_application(fields)
        with self._tx() as s:
            app = self._get(s, app_id)
            for name, value in values.items():
                setattr(app, name, value)
            app.updated_at = self.now()
            s.flush()
            self._reschedule(s, app_id)

    def set_stage(
        self, app_id: int, stage: str, *, at: datetime | None = None, note: str = ""
    ) -> bool:
        """Move an application; every change is a dated event. False if it was there already."""
        if stage not in STAGES:
            raise InvalidValue(f"unknown stage {stage!r}; known stages: {', '.join(STAGES)}")
        with self._tx() as s:
            return self._set_stage(s, app_id, stage, at or self.now(), note)

    def _set_stage(
        self,
        s: Session,
        app_id: int,
        stage: str,
        at: datetime,
        note: str,
        reschedule: bool = True,
    ) -> bool:
        app = self._get(s, app_id)
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
        app.updated_at = self.now()
        if stage != "saved" and app.applied_on is None:
            app.applied_on = at.astimezone(local_tz()).date()
        s.flush()
        if reschedule:
            self._reschedule(s, app_id)
        return True

    def archive(self, app_id: int, archived: bool = True) -> None:
        with self._tx() as s:
            app = self._get(s, app_id)
            app.archived = archived
            app.updated_at = self.now()
            s.flush()
            self._reschedule(s, app_id)

    def delete_application(self, app_id: int) -> None:
        with self._tx() as s:
            app = self._get(s, app_id)
            s.delete(app)

    def _get(self, s: Session, app_id: int) -> Application:
        app = s.get(Application, app_id)
        if app is None:
            raise NotFound(f"no application with id {app_id}")
        return app

    # --- contacts and interviews -----------------------------------------------------------

    # --- events ----------------------------------------------------------------------------

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
    ) -> Logged:
        if kind not in actions.EVENT_KINDS:
            raise InvalidValue(
                f"unknown event {kind!r}; known events: {', '.join(actions.EVENT_KINDS)}"
            )
        moment = at or self.now()
        note = clean_text(note, "note", limit=100_000)
        with self._tx() as s:
            self._get(s, app_id)
            warning = None
            if kind == "sent-check-in":
                too_soon = fu.check_in_too_soon(
                    self._facts(s, app_id), moment, self._rules(s), local_tz()
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
            contact_id = self._contact(s, contact, app_id, "").id if contact else None
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
                self._set_stage(
                    s, app_id, actions.EVENT_STAGE[kind], moment, note, reschedule=False
                )
            s.flush()
            self._reschedule(s, app_id)
            return Logged((act.id,), warning)

    def dismiss(self, app_id: int, action: str, contact: str | None = None) -> int:
        """Dismiss the pending ACTION (for CONTACT); returns how many were dismissed."""
        if action not in actions.ACTION_KINDS:
            raise InvalidValue(
                f"unknown action {action!r}; known actions: {', '.join(actions.ACTION_KINDS)}"
            )
        with self._tx() as s:
            self._get(s, app_id)
            query = select(FollowUp).where(
                FollowUp.application_id == app_id, FollowUp.action == action
            )
            pending = list(s.exec(query))
            if contact:
                pending = [
                    p for p in pending if (p.contact_name or "").lower() == contact.strip().lower()
                ]
            if not pending:
                who = f" for {contact}" if contact else ""
                raise NotFound(f"application {app_id} has no pending {action}{who}")
            for p in pending:
                s.add(
                    FollowUpDismissal(
                        application_id=app_id,
                        action=action,
                        contact_id=p.contact_id,
                        source=p.source,
                        at=self.now(),
                    )
                )
            s.flush()
            self._reschedule(s, app_id)
            return len(pending)

    def check_in_warning(self, app_id: int, when: datetime | None = None) -> str | None:
        """The "too soon" warning for a check-in drafted or logged at WHEN, if any."""
        with self._read() as s:
            too_soon = fu.check_in_too_soon(
                self._facts(s, app_id), when or self.now(), self._rules(s), local_tz()
            )
            return too_soon.message if too_soon else None

    # --- the follow-up schedule ------------------------------------------------------------

    def _rules(self, s: Session) -> fu.Rules:
        return fu.rules_from({row.key: row.value for row in s.exec(select(Setting))})

    def _facts(self, s: Session, app_id: int) -> fu.ApplicationFacts:
        app = self._get(s, app_id)
        interviews = list(s.exec(select(Interview).where(Interview.application_id == app_id)))
        people: dict[int, list[fu.Person]] = {}
        if interviews:
            rows = s.exec(
                select(InterviewContact.interview_id, Contact.id, Contact.name)
                .join(Contact, col(Contact.id) == InterviewContact.contact_id)
                .where(col(InterviewContact.interview_id).in_([i.id for i in interviews]))
            )
            for iid, cid, name in rows:
                if cid is not None:  # the join's key: never NULL
                    people.setdefault(iid, []).append(fu.Person(cid, name))
        return fu.ApplicationFacts(
            id=app_id,
            stage=app.stage,
            applied_on=app.applied_on,
            archived=app.archived,
            interviews=tuple(
                fu.InterviewFact(
                    id=i.id or 0,
                    starts_at=i.starts_at,
                    decision_by=i.decision_by,
                    interviewers=tuple(sorted(people.get(i.id or 0, []), key=lambda p: p.name)),
                )
                for i in interviews
            ),
            events=tuple(
                fu.EventFact(
                    id=e.id or 0,
                    kind=e.kind,
                    at=e.at,
                    contact_id=e.contact_id,
                    interview_id=e.interview_id,
                    decision_by=e.decision_by,
                )
                for e in s.exec(select(Activity).where(Activity.application_id == app_id))
            ),
            stage_changes=tuple(
                fu.StageFact(id=e.id or 0, stage=e.to_stage, at=e.at)
                for e in s.exec(select(StageEvent).where(StageEvent.application_id == app_id))
            ),
            dismissals=tuple(
                fu.Dismissal(d.action, d.contact_id, d.source)
                for d in s.exec(
                    select(FollowUpDismissal).where(FollowUpDismissal.application_id == app_id)
                )
            ),
        )

    def _reschedule(self, s: Session, app_id: int, rules: fu.Rules | None = None) -> None:
        facts = self._facts(s, app_id)
        actions = fu.schedule(facts, rules or self._rules(s), local_tz())
        s.exec(delete(FollowUp).where(col(FollowUp.application_id) == app_id))
        for a in actions:
            s.add(
                FollowUp(
                    application_id=app_id,
                    action=a.kind,
                    source=a.source,
                    contact_id=a.contact_id,
                    contact_name=a.contact_name,
                    interview_id=a.interview_id,
                    opens_at=a.opens_at,
                    due_at=a.due_at,
                    overdue_at=a.overdue_at,
                )
            )
        app = self._get(s, app_id)
        first = actions[0] if actions else None
        app.next_action = first.kind if first else None
        app.next_contact = first.contact_name if first else None
        app.next_opens_at = first.opens_at if first else None
        app.next_due_at = first.due_at if first else None
        app.next_overdue_at = first.overdue_at if first else None
        now = self.now()
        contacts = [e.at for e in facts.events if e.kind != "note" and e.at <= now]
        contacts += [i.starts_at for i in facts.interviews if i.starts_at <= now]
        app.last_contact_at = max(contacts, default=None)

    def _reschedule_all(self, s: Session) -> None:
        rules = self._rules(s)
        for app_id in s.exec(select(Application.id)):
            if app_id is not None:
                self._reschedule(s, app_id, rules)
