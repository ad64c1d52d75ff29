"""The follow-up schedule: what is owed to whom by when, kept in step with every write.

Every write that changes an application's facts ends by rewriting that application's pending
follow-ups (`FollowUps.reschedule`) inside the same transaction, so the schedule the ticker reads
is never out of step with the facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy import delete
from sqlmodel import Session, col, select

from pursuit.domain import actions
from pursuit.domain import followups as fu
from pursuit.domain.dates import local_tz
from pursuit.domain.zone_identity import zone_identity
from pursuit.store.database import Database, application_in
from pursuit.store.errors import InvalidValue, NotFound
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


class FollowUps:
    def __init__(self, database: Database) -> None:
        self._db = database

    def dismiss(self, app_id: int, action: str, contact: str | None = None) -> int:
        """Dismiss the pending ACTION (for CONTACT); returns how many were dismissed."""
        if action not in actions.ACTION_KINDS:
            raise InvalidValue(
                f"unknown action {action!r}; known actions: {', '.join(actions.ACTION_KINDS)}"
            )
        with self._db.writer() as s:
            application_in(s, app_id)
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
            # One moment for the lot: undo takes back what one dismissal hid, together.
            at = self._db.now()
            for p in pending:
                s.add(
                    FollowUpDismissal(
                        application_id=app_id,
                        action=action,
                        contact_id=p.contact_id,
                        source=p.source,
                        at=at,
                    )
                )
            s.flush()
            self.reschedule(s, app_id)
            return len(pending)

    def undo_dismiss(self, app_id: int, action: str, contact: str | None = None) -> int:
        """Bring back the last dismissed ACTION (for CONTACT) and reschedule; returns how many."""
        with self._db.writer() as s:
            application_in(s, app_id)
            dismissed = list(
                s.exec(
                    select(FollowUpDismissal).where(
                        FollowUpDismissal.application_id == app_id,
                        FollowUpDismissal.action == action,
                    )
                )
            )
            if contact:
                wanted = contact.strip().lower()
                names = {
                    c.id: c.name.lower()
                    for c in s.exec(
                        select(Contact).where(
                            col(Contact.id).in_([d.contact_id for d in dismissed])
                        )
                    )
                }
                dismissed = [d for d in dismissed if names.get(d.contact_id) == wanted]
            if not dismissed:
                who = f" for {contact}" if contact else ""
                raise NotFound(f"application {app_id} has no dismissed {action}{who} to bring back")
            last = max(d.at for d in dismissed)
            taken_back = [d for d in dismissed if d.at == last]
            for d in taken_back:
                s.delete(d)
            s.flush()
            self.reschedule(s, app_id)
            return len(taken_back)

    def check_in_warning(self, app_id: int, when: datetime | None = None) -> str | None:
        """The "too soon" warning for a check-in drafted or logged at WHEN, if any."""
        with self._db.reader() as s:
            too_soon = fu.check_in_too_soon(
                self.facts(s, app_id), when or self._db.now(), self.rules_in(s), local_tz()
            )
            return too_soon.message if too_soon else None

    def rules_in(self, s: Session) -> fu.Rules:
        return fu.rules_from({row.key: row.value for row in s.exec(select(Setting))})

    def facts(self, s: Session, app_id: int) -> fu.ApplicationFacts:
        return self._facts_of(s, [app_id])[app_id][1]

    def _facts_of(
        self, s: Session, app_ids: Sequence[int]
    ) -> dict[int, tuple[Application, fu.ApplicationFacts]]:
        """Each application of APP_IDS with what its schedule follows, read in one query a
        table (NotFound for an id with no application)."""
        apps = {
            app.id: app
            for app in s.exec(select(Application).where(col(Application.id).in_(app_ids)))
        }
        for app_id in app_ids:
            if app_id not in apps:
                raise NotFound(f"no application with id {app_id}")
        interviews: dict[int, list[Interview]] = {i: [] for i in app_ids}
        for iv in s.exec(
            select(Interview)
            .where(col(Interview.application_id).in_(app_ids))
            .order_by(col(Interview.id))
        ):
            interviews[iv.application_id].append(iv)
        people: dict[int, list[fu.Person]] = {}
        if any(interviews.values()):
            rows = s.exec(
                select(InterviewContact.interview_id, Contact.id, Contact.name)
                .join(Contact, col(Contact.id) == InterviewContact.contact_id)
                .join(Interview, col(Interview.id) == InterviewContact.interview_id)
                .where(col(Interview.application_id).in_(app_ids))
            )
            for iid, cid, name in rows:
                if cid is not None:  # the join's key: never NULL
                    people.setdefault(iid, []).append(fu.Person(cid, name))
        events = _by_application(s, Activity, app_ids)
        stage_changes = _by_application(s, StageEvent, app_ids)
        dismissals = _by_application(s, FollowUpDismissal, app_ids)
        return {
            app_id: (
                app,
                fu.ApplicationFacts(
                    id=app_id,
                    stage=app.stage,
                    applied_on=app.applied_on,
                    archived=app.archived,
                    interviews=tuple(
                        fu.InterviewFact(
                            id=i.id or 0,
                            starts_at=i.starts_at,
                            decision_by=i.decision_by,
                            interviewers=tuple(
                                sorted(people.get(i.id or 0, []), key=lambda p: p.name)
                            ),
                        )
                        for i in interviews[app_id]
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
                        for e in events[app_id]
                    ),
                    stage_changes=tuple(
                        fu.StageFact(id=e.id or 0, stage=e.to_stage, at=e.at)
                        for e in stage_changes[app_id]
                    ),
                    dismissals=tuple(
                        fu.Dismissal(d.action, d.contact_id, d.source) for d in dismissals[app_id]
                    ),
                ),
            )
            for app_id, app in apps.items()
            if app_id is not None
        }

    def reschedule(self, s: Session, app_id: int, rules: fu.Rules | None = None) -> None:
        self._reschedule(s, [app_id], rules or self.rules_in(s))

    def _reschedule(self, s: Session, app_ids: Sequence[int], rules: fu.Rules) -> None:
        """Rewrite the pending follow-ups of APP_IDS, and the next one each shows, from their
        facts: the one way the schedule is written, for one application or for all."""
        tz = local_tz()
        now = self._db.now()
        read = self._facts_of(s, app_ids)
        s.exec(delete(FollowUp).where(col(FollowUp.application_id).in_(app_ids)))
        for app_id, (app, facts) in read.items():
            actions = fu.schedule(facts, rules, tz)
            s.add_all(
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
                for a in actions
            )
            first = actions[0] if actions else None
            app.next_action = first.kind if first else None
            app.next_contact = first.contact_name if first else None
            app.next_opens_at = first.opens_at if first else None
            app.next_due_at = first.due_at if first else None
            app.next_overdue_at = first.overdue_at if first else None
            contacts = [e.at for e in facts.events if e.kind != "note" and e.at <= now]
            contacts += [i.starts_at for i in facts.interviews if i.starts_at <= now]
            app.last_contact_at = max(contacts, default=None)
        s.flush()

    def reschedule_all(self, s: Session) -> None:
        """Every application's schedule, a batch at a time: a few queries a batch rather than
        a few an application, and memory that does not grow with the file."""
        rules = self.rules_in(s)
        ids = [i for i in s.exec(select(Application.id).order_by(col(Application.id))) if i]
        for start in range(0, len(ids), RESCHEDULE_BATCH):
            self._reschedule(s, ids[start : start + RESCHEDULE_BATCH], rules)
            # What was read and written is on disk (in the open transaction): let it go.
            s.expunge_all()

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
            with self._db.writer() as s:
                rules = self.rules_in(s)
                # Those deleted meanwhile have nothing left to schedule.
                self._reschedule(s, ids[start : start + batch], rules)
        with self._db.writer() as s:
            s.connection().exec_driver_sql(
                "INSERT INTO schedule_zone (id, zone) VALUES (1, ?) "
                "ON CONFLICT (id) DO UPDATE SET zone = excluded.zone",
                (zone,),
            )
        return True


#: Applications rescheduled together (well under SQLite's limit on bound values).
RESCHEDULE_BATCH = 500

Row = TypeVar("Row", Activity, StageEvent, FollowUpDismissal)


def _by_application(s: Session, table: type[Row], app_ids: Sequence[int]) -> dict[int, list[Row]]:
    """TABLE's rows of each of APP_IDS, in the order they were written."""
    found: dict[int, list[Row]] = {i: [] for i in app_ids}
    column = col(table.application_id)
    for row in s.exec(select(table).where(column.in_(app_ids)).order_by(col(table.id))):
        found[row.application_id].append(row)
    return found
