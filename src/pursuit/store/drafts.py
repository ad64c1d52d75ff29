"""Drafts, message templates and the user's own details: the store's side of the draft editor.

`store.drafts`: given the settings (the user's details sign a message) and the applications
(marking a draft sent logs its event).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import col, select

from pursuit.domain import messages as msg
from pursuit.domain.actions import EVENT_KINDS, THANK_YOU
from pursuit.domain.drafts import detail_for
from pursuit.domain.records import DraftRow
from pursuit.store.application_writes import log_event_in
from pursuit.store.applications import Applications, Logged
from pursuit.store.database import Database, application_in, raw_connection
from pursuit.store.draft_needed import already_sent, logged_since, needed
from pursuit.store.draft_people import panel_of, pick_contact, pick_interview
from pursuit.store.errors import InvalidValue, NotFound, clean_text
from pursuit.store.settings import Settings
from pursuit.store.tables import (
    Activity,
    Contact,
    Draft,
    FollowUp,
    Interview,
    InterviewContact,
    MessageTemplate,
)

if TYPE_CHECKING:
    from sqlmodel import Session


class Drafts:
    def __init__(self, database: Database, settings: Settings, applications: Applications) -> None:
        self._db = database
        self._settings = settings
        self._applications = applications

    # --- templates -------------------------------------------------------------------------

    def templates(self) -> list[msg.Template]:
        """The built-ins (as the user edited them) and then the user's own, by name."""
        with self._db.reader() as s:
            rows = {t.name: t for t in s.exec(select(MessageTemplate))}
        out = []
        for base in msg.BUILTIN:
            row = rows.pop(base.name, None)
            out.append(
                base
                if row is None
                else msg.Template(
                    base.name, base.title, row.subject, row.body, base.event, builtin=True
                )
            )
        out += [
            msg.Template(r.name, r.title or r.name, r.subject, r.body, r.event, builtin=False)
            for r in sorted(rows.values(), key=lambda r: r.name)
        ]
        return out

    def edited_templates(self) -> set[str]:
        """Names of the built-in templates the user has changed."""
        with self._db.reader() as s:
            return {r.name for r in s.exec(select(MessageTemplate)) if r.builtin}

    def template(self, name: str) -> msg.Template:
        for t in self.templates():
            if t.name == name:
                return t
        known = ", ".join(t.name for t in self.templates())
        raise NotFound(f"unknown template {name!r}; known templates: {known}")

    def save_template(
        self, name: str, *, subject: str, body: str, title: str = "", event: str = ""
    ) -> None:
        """Edit a built-in (kept apart so it can be restored) or add/edit one of your own."""
        name = clean_text(name, "template name", required=True, limit=60).lower()
        if event and event not in EVENT_KINDS:
            raise InvalidValue(f"unknown event {event!r}")
        body = clean_text(body, "body", required=True, limit=100_000)
        with self._db.writer() as s:
            row = s.exec(select(MessageTemplate).where(MessageTemplate.name == name)).first()
            if row is None:
                row = MessageTemplate(name=name)
                s.add(row)
            row.builtin = name in msg.BUILTIN_BY_NAME
            row.title = clean_text(title, "title", limit=200)
            row.subject = clean_text(subject, "subject", limit=2_000)
            row.body = body
            row.event = event

    def restore_template(self, name: str) -> None:
        """Undo the user's edits of a built-in template (or delete one of their own)."""
        with self._db.writer() as s:
            row = s.exec(select(MessageTemplate).where(MessageTemplate.name == name)).first()
            if row is None:
                raise NotFound(f"template {name!r} has no changes to undo")
            s.delete(row)

    # --- filling ---------------------------------------------------------------------------

    def draft_context(
        self,
        app_id: int,
        *,
        interview_id: int | None = None,
        contact: str | None = None,
        thanking: bool = False,
    ) -> tuple[msg.DraftContext, int | None, int | None]:
        """What a message for this application can say, with the interview and contact used.

        Without an interview, the latest one that has started (or else the next one), except
        that a thank-you (THANKING) to a named CONTACT is for an interview they were in; without
        a contact, the interview's first interviewer (for a thank-you, the first one still owed
        one), or else the application's first person.
        """
        now = self._db.now()
        profile = self._settings.values()
        with self._db.reader() as s:
            app = application_in(s, app_id)
            iv: Interview | None
            if thanking and contact and interview_id is None:
                person = pick_contact(s, app_id, None, contact)
                assert person is not None and person.id is not None
                iv = _interview_to_thank_for(s, app_id, person.id, person.name, now)
            else:
                iv = pick_interview(s, app_id, interview_id, now)
                person = pick_contact(s, app_id, iv, contact, thanking=thanking)
            decision = iv.decision_by if iv else None
            heard = s.exec(
                select(Activity)
                .where(
                    Activity.application_id == app_id,
                    Activity.kind == "heard",
                    col(Activity.decision_by).is_not(None),
                )
                .order_by(col(Activity.at).desc())
            ).first()
            if heard is not None and (iv is None or heard.at > iv.starts_at):
                decision = heard.decision_by
            detail = ""
            if iv is not None:
                panel = [p.name for p in panel_of(s, iv)]
                # What the user noted about the person: only for someone in the conversation.
                detail = detail_for(
                    person.name if person else "",
                    panel,
                    topics=iv.debrief_topics,
                    debrief=(iv.debrief_questions, iv.debrief_asked),
                    notes=person.notes if person and person.name in panel else "",
                )
            context = msg.DraftContext(
                company=app.company,
                role=app.role,
                contact=person.name if person else "",
                interview_date=iv.starts_at.astimezone(now.tzinfo).date() if iv else None,
                decision_date=decision,
                applied_date=app.applied_on,
                today=now.date(),
                detail=detail,
                my_name=profile.get("my_name", ""),
                signature=profile.get("signature", ""),
                my_email=profile.get("my_email", ""),
                my_phone=profile.get("my_phone", ""),
                my_linkedin=profile.get("my_linkedin", ""),
            )
            return context, (iv.id if iv else None), (person.id if person else None)

    def render_draft(
        self,
        app_id: int,
        template: str,
        *,
        interview_id: int | None = None,
        contact: str | None = None,
    ) -> tuple[msg.Rendered, int | None, int | None]:
        """The template filled in for this application: (text, interview id, contact id)."""
        chosen = self.template(msg.FOR_ACTION.get(template, template))
        context, iv_id, contact_id = self.draft_context(
            app_id,
            interview_id=interview_id,
            contact=contact,
            thanking=chosen.event == "sent-thank-you",
        )
        return msg.render(chosen, context), iv_id, contact_id

    # --- drafts ----------------------------------------------------------------------------

    def save_draft(
        self,
        draft_id: int | None,
        app_id: int,
        template: str,
        subject: str,
        body: str,
        *,
        interview_id: int | None = None,
        contact_id: int | None = None,
    ) -> int:
        """Create or update a draft; returns its id."""
        subject = clean_text(subject, "subject", limit=2_000)
        if len(body) > 200_000:
            raise InvalidValue("the message is too long (at most 200,000 characters)")
        now = self._db.now()
        with self._db.writer() as s:
            application_in(s, app_id)
            draft = s.get(Draft, draft_id) if draft_id is not None else None
            if draft is None:
                draft = Draft(
                    application_id=app_id,
                    template=template,
                    created_at=now,
                    updated_at=now,
                    interview_id=interview_id,
                    contact_id=contact_id,
                )
                s.add(draft)
            draft.subject = subject
            draft.body = body
            draft.updated_at = now
            s.flush()
            assert draft.id is not None
            return draft.id

    def drafts(self, app_id: int) -> list[DraftRow]:
        """The application's drafts: the ones still to send, then the ones no longer needed
        (a thank-you after a rejection: kept, never deleted), then the sent; newest first."""
        events = {t.name: t.event for t in self.templates()}
        with self._db.reader() as s:
            app = application_in(s, app_id)
            rows = s.exec(
                select(Draft, Contact.name)
                .join(Contact, col(Contact.id) == Draft.contact_id, isouter=True)
                .where(Draft.application_id == app_id)
            ).all()
            out = [needed(s, d, _draft_row(d, name), events, app) for d, name in rows]
        return sorted(
            out,
            key=lambda d: (
                d.sent_at is not None,
                bool(d.not_needed),
                -d.updated_at.timestamp(),
                -d.id,
            ),
        )

    def draft(self, draft_id: int) -> DraftRow:
        with self._db.reader() as s:
            d = s.get(Draft, draft_id)
            if d is None:
                raise NotFound(f"no draft with id {draft_id}")
            name = s.get(Contact, d.contact_id).name if d.contact_id else None  # type: ignore[union-attr]
            app = application_in(s, d.application_id)
            events = {t.name: t.event for t in self.templates()}
            return needed(s, d, _draft_row(d, name), events, app)

    def unsent_drafts(
        self, app_id: int, template: str, interview_id: int | None
    ) -> dict[str | None, int]:
        """The unsent, still needed drafts of TEMPLATE, by the person each is to (the newest
        one each): the one to open instead of starting a second. A thank-you is for one
        interview, so only the ones for INTERVIEW_ID count; any other message is for the
        application."""
        per_interview = self.template(template).event == "sent-thank-you"
        return {
            d.contact_name: d.id
            for d in reversed(self.drafts(app_id))
            if d.sent_at is None
            and not d.not_needed
            and d.template == template
            and (not per_interview or d.interview_id == interview_id)
        }

    def mark_draft_sent(self, draft_id: int) -> Logged:
        """Log the message the draft's template stands for, and file the draft as sent.

        If that message was logged since the draft was started (from the command line, say),
        it is not logged twice: the draft is filed as sent and the warning says when it was."""
        row = self.draft(draft_id)
        template = self.template(row.template)
        now = self._db.now()
        logged = Logged(())
        with self._db.writer() as s:
            d = s.get(Draft, draft_id)
            if d is None:
                raise NotFound(f"no draft with id {draft_id}")
            # Checked in the same write as the logging: nothing can log it in between.
            earlier = logged_since(s, d, template.event) if template.event else None
            if earlier is not None:
                logged = Logged((), f"{template.title} {already_sent(earlier)}: not logged again.")
            elif template.event:
                logged = log_event_in(
                    raw_connection(s),
                    now,
                    row.application_id,
                    template.event,
                    contact=row.contact_name,
                    interview_id=row.interview_id,
                )
                s.expire_all()
            d = s.get(Draft, draft_id)
            assert d is not None
            d.sent_at = now
        return logged


class NotInterviewed(NotFound):
    """A thank-you to someone who was in none of the application's interviews."""


def _interview_to_thank_for(
    s: Session, app_id: int, contact_id: int, name: str, now: datetime
) -> Interview:
    """The interview a thank-you to this person is for: their latest one that has started and
    is still owed one, else their latest that has started, else their next one."""
    in_it = select(InterviewContact.interview_id).where(InterviewContact.contact_id == contact_id)
    theirs = s.exec(
        select(Interview)
        .where(
            Interview.application_id == app_id,
            col(Interview.id).in_(in_it),
            col(Interview.cancelled_at).is_(None),
        )
        .order_by(col(Interview.starts_at), col(Interview.id))
    ).all()
    if not theirs:
        raise NotInterviewed(
            f"{name} was in none of application {app_id}'s interviews, so there is no "
            "interview to thank them for"
        )
    owed = set(
        s.exec(
            select(FollowUp.interview_id).where(
                FollowUp.action == THANK_YOU, FollowUp.contact_id == contact_id
            )
        )
    )
    started = [i for i in theirs if i.starts_at <= now]
    still_owed = [i for i in started if i.id in owed]
    return (still_owed or started or theirs[:1])[-1]


def _draft_row(d: Draft, contact_name: str | None) -> DraftRow:
    assert d.id is not None
    return DraftRow(
        id=d.id,
        application_id=d.application_id,
        template=d.template,
        subject=d.subject,
        body=d.body,
        updated_at=d.updated_at,
        interview_id=d.interview_id,
        contact_id=d.contact_id,
        contact_name=contact_name,
        sent_at=d.sent_at,
    )
