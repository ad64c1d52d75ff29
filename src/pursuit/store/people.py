"""Interviews and the people in them: the store's writes and reads for both.

`store.people`: given the follow-up schedule (an interview changes it), the applications (an
interview moves the stage) and the checklists (an interview gets one).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from pursuit.domain.emails import email_problem
from pursuit.domain.interviews import INTERVIEW_KINDS
from pursuit.domain.records import InterviewDetail, Interviewer
from pursuit.store import interview_writes
from pursuit.store.applications import Applications
from pursuit.store.checklists import Checklists
from pursuit.store.contacts import contact_named, name_key
from pursuit.store.database import Database, application_in, raw_connection
from pursuit.store.errors import InvalidValue, NotFound, clean_text
from pursuit.store.follow_ups import FollowUps
from pursuit.store.tables import (
    Activity,
    ApplicationContact,
    Contact,
    FollowUp,
    FollowUpDismissal,
    Interview,
    InterviewContact,
)

if TYPE_CHECKING:
    from sqlmodel import Session


CONTACT_ROLES = ("recruiter", "hiring manager", "interviewer", "referral", "")
#: Free-text fields of an interview that the screen autosaves as they are typed.
INTERVIEW_TEXT = (
    "notes",
    "debrief_questions",
    "debrief_topics",
    "debrief_asked",
    "debrief_demeanour",
    "debrief_improve",
)
RATINGS = ("rating_confidence", "rating_clarity", "rating_rapport", "rating_knowledge")
CONTACT_FIELDS = ("name", "title", "email", "phone", "linkedin", "notes")


class People:
    def __init__(
        self,
        database: Database,
        follow_ups: FollowUps,
        applications: Applications,
        checklists: Checklists,
    ) -> None:
        self._db = database
        self._follow_ups = follow_ups
        self._applications = applications
        self._checklists = checklists

    # --- contacts ----------------------------------------------------------------------------

    def add_contact(self, app_id: int, name: str, *, role: str = "", **fields: str) -> int:
        """Link a person to an application, creating them unless they are known by name."""
        role = self._role(role)
        with self._db.writer() as s:
            application_in(s, app_id)
            contact = s.get(Contact, contact_named(raw_connection(s), name, app_id, role))
            assert contact is not None
            self._apply_contact_fields(contact, fields)
            assert contact.id is not None
            return contact.id

    def update_contact(
        self, contact_id: int, *, app_id: int | None = None, role: str | None = None, **fields: str
    ) -> None:
        with self._db.writer() as s:
            contact = s.get(Contact, contact_id)
            if contact is None:
                raise NotFound(f"no contact with id {contact_id}")
            self._apply_contact_fields(contact, fields)
            if app_id is not None and role is not None:
                link = s.get(ApplicationContact, (app_id, contact_id))
                if link is not None:
                    link.role = self._role(role)
            if "name" in fields:
                for app in {
                    link.application_id
                    for link in s.exec(
                        select(ApplicationContact).where(
                            ApplicationContact.contact_id == contact_id
                        )
                    )
                }:
                    self._follow_ups.reschedule(s, app)

    @staticmethod
    def _role(role: str) -> str:
        role = role.strip().lower()
        if role not in CONTACT_ROLES:
            raise InvalidValue(
                f"unknown role {role!r}; choose one of {', '.join(r for r in CONTACT_ROLES if r)}"
            )
        return role

    @staticmethod
    def _apply_contact_fields(contact: Contact, fields: dict[str, str]) -> None:
        unknown = set(fields) - set(CONTACT_FIELDS)
        if unknown:
            raise InvalidValue(f"cannot set {', '.join(sorted(unknown))} on a contact")
        for name, value in fields.items():
            limit = 200 if name == "name" else 2_000 if name != "notes" else 100_000
            setattr(contact, name, clean_text(value, name, required=name == "name", limit=limit))
            problem = email_problem(contact.email) if name == "email" else None
            if problem:
                raise InvalidValue(f"email {contact.email!r}: {problem}")
            if name == "name":
                contact.name_key = name_key(contact.name)

    # --- interviews --------------------------------------------------------------------------

    def add_interview(
        self,
        app_id: int,
        starts_at: datetime,
        *,
        kind: str = "video",
        interviewers: list[str] | tuple[str, ...] = (),
        decision_by: date | None = None,
        round_name: str = "",
        location: str = "",
        link: str = "",
        duration_minutes: int = 60,
    ) -> int:
        with self._db.connection() as conn:
            return interview_writes.add_interview(
                conn,
                self._db.now(),
                app_id,
                starts_at,
                kind=kind,
                interviewers=interviewers,
                decision_by=decision_by,
                round_name=round_name,
                location=location,
                link=link,
                duration_minutes=duration_minutes,
            )

    def update_interview(
        self,
        interview_id: int,
        *,
        interviewers: list[str] | tuple[str, ...] | None = None,
        **fields: Any,
    ) -> list[str]:
        """Change an interview; its time, decision date or people change what is due.

        Returns the checklist items the change ticked: filling in the debrief does them.
        """
        allowed = {
            "starts_at",
            "kind",
            "round_name",
            "location",
            "link",
            "duration_minutes",
            "decision_by",
            *INTERVIEW_TEXT,
            *RATINGS,
        }
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidValue(f"cannot set {', '.join(sorted(unknown))} on an interview")
        if "kind" in fields and fields["kind"] not in INTERVIEW_KINDS:
            raise InvalidValue(f"unknown interview kind {fields['kind']!r}")
        for name in RATINGS:
            value = fields.get(name)
            if value is not None and not 1 <= int(value) <= 5:
                raise InvalidValue(f"{name.removeprefix('rating_')} is rated from 1 to 5")
        duration = fields.get("duration_minutes")
        if duration is not None and not 0 < int(duration) <= 24 * 60:
            raise InvalidValue("an interview lasts between 1 minute and 24 hours")
        for name in ("round_name", "location", "link", *INTERVIEW_TEXT):
            if name in fields:
                fields[name] = clean_text(
                    str(fields[name] or ""), name.replace("_", " "), limit=100_000
                )
        with self._db.writer() as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFound(f"no interview with id {interview_id}")
            for name, value in fields.items():
                setattr(iv, name, value)
            if "starts_at" in fields:
                iv.timezone = str(fields["starts_at"].tzname() or "")
            if interviewers is not None:
                self._set_interviewers(s, iv, interviewers)
            s.flush()
            if set(fields) - set(INTERVIEW_TEXT) - set(RATINGS) or interviewers is not None:
                self._follow_ups.reschedule(s, iv.application_id)
            # The debrief is for after the interview: before it, a decision date is no debrief.
            return self._checklists.tick_debrief(s, iv) if iv.starts_at <= self._db.now() else []

    def _set_interviewers(
        self, s: Session, iv: Interview, names: list[str] | tuple[str, ...]
    ) -> None:
        assert iv.id is not None
        wanted = []
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            wanted.append(contact_named(raw_connection(s), name, iv.application_id, "interviewer"))
        for link in s.exec(select(InterviewContact).where(InterviewContact.interview_id == iv.id)):
            if link.contact_id not in wanted:
                s.delete(link)
            else:
                wanted.remove(link.contact_id)
        new_names = []
        for cid in wanted:
            assert cid is not None
            s.add(InterviewContact(interview_id=iv.id, contact_id=cid))
            person = s.get(Contact, cid)
            if person is not None:
                new_names.append(person.name)
        if new_names:
            self._checklists.add_person_items(s, iv, new_names)

    def delete_interview(self, interview_id: int) -> None:
        with self._db.writer() as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFound(f"no interview with id {interview_id}")
            app_id = iv.application_id
            s.delete(iv)
            s.flush()
            self._follow_ups.reschedule(s, app_id)

    def interview(self, interview_id: int) -> InterviewDetail:
        """One interview, with each interviewer's thank-you state at the store's now."""
        now = self._db.now()
        with self._db.reader() as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFound(f"no interview with id {interview_id}")
            app = application_in(s, iv.application_id)
            people = s.exec(
                select(Contact)
                .join(InterviewContact, col(InterviewContact.contact_id) == Contact.id)
                .where(InterviewContact.interview_id == interview_id)
                .order_by(col(Contact.name))
            ).all()
            sent = s.exec(
                select(Activity.contact_id).where(
                    Activity.interview_id == interview_id, Activity.kind == "sent-thank-you"
                )
            ).all()
            pending = {
                f.contact_id: f
                for f in s.exec(
                    select(FollowUp).where(
                        FollowUp.interview_id == interview_id, FollowUp.action == "thank-you"
                    )
                )
            }
            dismissed = set(
                s.exec(
                    select(FollowUpDismissal.contact_id).where(
                        FollowUpDismissal.application_id == iv.application_id,
                        FollowUpDismissal.action == "thank-you",
                        FollowUpDismissal.source == f"interview:{interview_id}",
                    )
                ).all()
            )

            def state(cid: int | None) -> str:
                if None in sent or cid in sent:
                    return "sent"
                follow = pending.get(cid)
                if follow is None:
                    return "dismissed" if cid in dismissed else ""
                if now >= follow.overdue_at:
                    return "overdue"
                return "due" if now >= follow.opens_at else "later"

            return InterviewDetail(
                id=interview_id,
                application_id=iv.application_id,
                company=app.company,
                role=app.role,
                kind=iv.kind,
                round_name=iv.round_name,
                starts_at=iv.starts_at,
                duration_minutes=iv.duration_minutes,
                location=iv.location,
                decision_by=iv.decision_by,
                notes=iv.notes,
                debrief_questions=iv.debrief_questions,
                debrief_topics=iv.debrief_topics,
                debrief_asked=iv.debrief_asked,
                debrief_demeanour=iv.debrief_demeanour,
                debrief_improve=iv.debrief_improve,
                rating_confidence=iv.rating_confidence,
                rating_clarity=iv.rating_clarity,
                rating_rapport=iv.rating_rapport,
                rating_knowledge=iv.rating_knowledge,
                link=iv.link,
                cancelled=iv.cancelled_at is not None,
                interviewers=tuple(
                    Interviewer(p.id or 0, p.name, p.title, state(p.id)) for p in people
                ),
            )
