"""The tables of a pursuit database.

Moments are stored as naive UTC text (`YYYY-MM-DD HH:MM:SS.ffffff`), which sorts and compares
correctly in SQL and can be read back without the ORM. Days (applied, decision dates) are
plain ISO dates: they belong to the job seeker's calendar, not to an instant.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Index, String, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from pursuit.domain.moments import from_db, to_db


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC ISO text."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("pursuit stores only aware datetimes")
        return to_db(value)

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return from_db(value) if value is not None else None


def _moment(nullable: bool = False, index: bool = False) -> Column[datetime]:
    return Column(UTCDateTime(), nullable=nullable, index=index)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Application(SQLModel, table=True):
    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_live_due", "archived", "next_overdue_at"),
        Index("ix_application_company_role", "company", "role"),
        Index("ix_application_url", "url"),
        Index("ix_application_company_key", "company_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    company: str
    #: The company as compared (domain.companies.company_key), set by every write of `company`.
    company_key: str = ""
    role: str
    url: str = ""
    source: str = ""
    location: str = ""
    sector: str = "other"
    salary_min: int | None = None
    salary_max: int | None = None
    #: ISO 4217 code of the salary range ("" when not known).
    salary_currency: str = ""
    stage: str = Field(default="applied", index=True)
    applied_on: date | None = None
    notes: str = ""
    #: The posting's job description as plain text (paragraphs and list items), kept because
    #: postings vanish once the role is filled.
    description: str = ""
    posted_on: date | None = None
    closes_on: date | None = None
    archived: bool = False
    created_at: datetime = Field(sa_column=_moment())
    updated_at: datetime = Field(sa_column=_moment())
    last_contact_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))
    # The soonest pending action, kept up to date by every write (see store.schedule), so that
    # lists and the ticker never run the rules engine over the whole table.
    next_action: str | None = None
    next_contact: str | None = None
    next_opens_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))
    next_due_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))
    next_overdue_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))


class StageEvent(SQLModel, table=True):
    __tablename__ = "stage_event"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    from_stage: str | None = None
    to_stage: str
    at: datetime = Field(sa_column=_moment())
    note: str = ""


class Contact(SQLModel, table=True):
    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    #: The name casefolded, so that "Ann Lee" and "ann lee" are one person (SQLite's own
    #: lower() only folds ASCII).
    name_key: str = Field(index=True)
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    notes: str = ""


class ApplicationContact(SQLModel, table=True):
    __tablename__ = "application_contact"

    application_id: int = Field(foreign_key="application.id", primary_key=True, ondelete="CASCADE")
    contact_id: int = Field(
        foreign_key="contact.id", primary_key=True, index=True, ondelete="CASCADE"
    )
    role: str = ""  # recruiter, hiring manager, interviewer, referral


class Interview(SQLModel, table=True):
    __tablename__ = "interview"
    __table_args__ = (Index("ix_interview_invite", "invite_uid", "invite_recurrence"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    round_name: str = ""
    kind: str = "video"  # phone, video, onsite, panel, group, technical
    starts_at: datetime = Field(sa_column=_moment(index=True))
    timezone: str = ""
    duration_minutes: int = 60
    location: str = ""
    decision_by: date | None = None
    notes: str = ""
    debrief_questions: str = ""
    debrief_topics: str = ""
    debrief_asked: str = ""
    debrief_demeanour: str = ""
    debrief_improve: str = ""
    rating_confidence: int | None = None
    rating_clarity: int | None = None
    rating_rapport: int | None = None
    rating_knowledge: int | None = None
    #: The meeting's join link (video call), apart from `location` (a street address).
    link: str = ""
    #: When it was called off: kept in the history, out of the schedule.
    cancelled_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))
    #: The calendar event it was read from (UID, RECURRENCE-ID), and how new that copy was
    #: (SEQUENCE, DTSTAMP); "" for an interview typed in.
    invite_uid: str = ""
    invite_recurrence: str = ""
    invite_sequence: int = 0
    invite_stamp: datetime | None = Field(default=None, sa_column=_moment(nullable=True))


class InterviewContact(SQLModel, table=True):
    __tablename__ = "interview_contact"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    contact_id: int = Field(
        foreign_key="contact.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class Activity(SQLModel, table=True):
    """Anything sent or heard, or a note: the application's timeline."""

    __tablename__ = "activity"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    kind: str
    at: datetime = Field(sa_column=_moment())
    contact_id: int | None = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    interview_id: int | None = Field(default=None, foreign_key="interview.id", ondelete="SET NULL")
    decision_by: date | None = None
    note: str = ""


class FollowUpDismissal(SQLModel, table=True):
    __tablename__ = "follow_up_dismissal"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    action: str
    contact_id: int | None = None
    source: str
    at: datetime = Field(sa_column=_moment())


class FollowUp(SQLModel, table=True):
    """The pending schedule of one application, rewritten whenever its facts change."""

    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_opens_at", "opens_at"),
        Index("ix_follow_up_overdue_at", "overdue_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    action: str
    source: str
    contact_id: int | None = None
    contact_name: str | None = None
    interview_id: int | None = None
    opens_at: datetime = Field(sa_column=_moment())
    due_at: datetime = Field(sa_column=_moment())
    overdue_at: datetime = Field(sa_column=_moment())


class ChecklistItem(SQLModel, table=True):
    __tablename__ = "checklist_item"

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int | None = Field(
        default=None, foreign_key="interview.id", index=True, ondelete="CASCADE"
    )
    application_id: int | None = Field(
        default=None, foreign_key="application.id", index=True, ondelete="CASCADE"
    )
    section: str = ""
    text: str
    guidance: str = ""
    #: "before" the interview, "after" it (the debrief), or "offer" (reviewing an offer).
    phase: str = "before"
    position: int = 0
    state: str = "open"  # open, done, skipped
    notes: str = ""


class ChecklistTemplateItem(SQLModel, table=True):
    __tablename__ = "checklist_template_item"

    id: int | None = Field(default=None, primary_key=True)
    format: str = Field(index=True)  # general, onsite, video, phone, panel, group, technical, ...
    section: str = ""
    text: str
    guidance: str = ""
    position: int = 0
    builtin: bool = False


class Draft(SQLModel, table=True):
    __tablename__ = "draft"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    interview_id: int | None = Field(default=None, foreign_key="interview.id", ondelete="SET NULL")
    contact_id: int | None = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    template: str
    subject: str = ""
    body: str = ""
    created_at: datetime = Field(sa_column=_moment())
    updated_at: datetime = Field(sa_column=_moment())
    sent_at: datetime | None = Field(default=None, sa_column=_moment(nullable=True))


class MessageTemplate(SQLModel, table=True):
    __tablename__ = "message_template"
    __table_args__ = (UniqueConstraint("name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    title: str = ""
    subject: str = ""
    body: str = ""
    #: The event logged when a draft from it is marked sent ("" for none).
    event: str = ""
    #: True for the user's edit of a built-in template (deleting it restores the original).
    builtin: bool = False


class Setting(SQLModel, table=True):
    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str = ""


class ScheduleZone(SQLModel, table=True):
    """The zone the follow-up schedule was worked out in (one row; see FollowUps.follow_zone)."""

    __tablename__ = "schedule_zone"

    id: int = Field(default=1, primary_key=True)
    zone: str
