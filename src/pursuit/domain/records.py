"""Plain read models handed from the store to the screens and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from pursuit.domain.timeline import with_note


def interview_title(kind: str, round_name: str) -> str:
    """`Video · Panel`: the format, and the round's name when it says more."""
    if round_name and round_name.lower() != kind.lower():
        return f"{kind.capitalize()} · {round_name}"
    return kind.capitalize()


@dataclass(frozen=True)
class ApplicationRow:
    """One line of the pipeline."""

    id: int
    company: str
    role: str
    stage: str
    applied_on: date | None = None
    url: str = ""
    notes: str = ""
    source: str = ""
    location: str = ""
    sector: str = "other"
    salary_min: int | None = None
    salary_max: int | None = None
    archived: bool = False
    last_contact_at: datetime | None = None
    next_action: str | None = None
    next_contact: str | None = None
    next_opens_at: datetime | None = None
    next_due_at: datetime | None = None
    next_overdue_at: datetime | None = None

    def follow_up_state(self, now: datetime) -> str:
        """`overdue`, `due` (open now), `later`, or `` when nothing is pending."""
        if self.next_opens_at is None or self.next_overdue_at is None:
            return ""
        if now >= self.next_overdue_at:
            return "overdue"
        return "due" if now >= self.next_opens_at else "later"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "stage": self.stage,
            "applied": self.applied_on.isoformat() if self.applied_on else None,
            "url": self.url,
            "notes": self.notes,
            "source": self.source,
            "location": self.location,
            "sector": self.sector,
            "salary_min": self.salary_min,
            "salary_max": self.salary_max,
            "archived": self.archived,
            "last_contact": self.last_contact_at.isoformat() if self.last_contact_at else None,
            "next_action": self.next_action,
            "next_due": self.next_due_at.isoformat() if self.next_due_at else None,
        }


@dataclass(frozen=True)
class DueRow:
    """One open follow-up, with what is needed to show it."""

    application_id: int
    company: str
    role: str
    action: str
    contact_id: int | None
    contact_name: str | None
    interview_id: int | None
    source: str
    opens_at: datetime
    due_at: datetime
    overdue_at: datetime

    def is_overdue(self, when: datetime) -> bool:
        return when >= self.overdue_at

    @property
    def key(self) -> tuple[int, str, int | None, str]:
        return (self.application_id, self.action, self.contact_id, self.source)


@dataclass(frozen=True)
class InterviewRow:
    id: int
    application_id: int
    company: str
    role: str
    kind: str
    round_name: str
    starts_at: datetime
    decision_by: date | None = None
    location: str = ""
    interviewers: tuple[str, ...] = ()
    #: The meeting's join link ("" none), apart from the street address in `location`.
    link: str = ""
    #: Called off (kept in the history; shown struck out, owed nothing).
    cancelled: bool = False

    @property
    def title(self) -> str:
        return interview_title(self.kind, self.round_name)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # stage, an activity kind, interview, or dismissed
    #: What happened, without the note: `Applied → Screening`, `Heard back (Jo Park)`.
    what: str
    #: A day the job seeker gave (the day they applied), with no time of its own to show.
    day_only: bool = False
    note: str = ""
    #: An interview called off: kept in the history, struck out.
    cancelled: bool = False

    @property
    def text(self) -> str:
        """What happened and its note, as one line of the history."""
        return with_note(self.kind, self.what, self.note)


@dataclass(frozen=True)
class DraftRow:
    id: int
    application_id: int
    template: str
    subject: str
    body: str
    updated_at: datetime
    interview_id: int | None = None
    contact_id: int | None = None
    contact_name: str | None = None
    sent_at: datetime | None = None
    #: Why an unsent draft is no longer needed (the application was rejected, say), or "".
    not_needed: str = ""


@dataclass(frozen=True)
class ApplicationDetail:
    row: ApplicationRow
    interviews: list[InterviewRow] = field(default_factory=list)
    contacts: list[ContactRow] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    due: list[DueRow] = field(default_factory=list)
    drafts: list[DraftRow] = field(default_factory=list)
    #: The posting's job description as kept ("" when none was).
    description: str = ""
    #: What the salary is in (`EUR`), "" when not given.
    salary_currency: str = ""


@dataclass(frozen=True)
class JobDescription:
    """The posting's description kept with an application, and whose it is."""

    application_id: int
    company: str
    role: str
    text: str


@dataclass(frozen=True)
class Interviewer:
    contact_id: int
    name: str
    title: str = ""
    #: `sent`, `due`, `overdue`, `later` (the interview is still to come) or `dismissed`.
    thank_you: str = ""


@dataclass(frozen=True)
class InterviewDetail:
    """Everything the interview screen shows and edits."""

    id: int
    application_id: int
    company: str
    role: str
    kind: str
    round_name: str
    starts_at: datetime
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
    interviewers: tuple[Interviewer, ...] = ()
    #: The meeting's join link ("" none).
    link: str = ""
    #: Called off: kept in the history, shown struck out.
    cancelled: bool = False

    @property
    def title(self) -> str:
        return interview_title(self.kind, self.round_name)


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    notes: str = ""
    role: str = ""  # the role in one application's process, where that is asked for
    companies: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChecklistRow:
    id: int
    section: str
    text: str
    guidance: str
    phase: str
    state: str
    notes: str
    position: int


@dataclass(frozen=True)
class PrepRow:
    """An interview coming up soon whose preparation is not finished."""

    interview: InterviewRow
    settled: int
    total: int


@dataclass(frozen=True)
class InterviewFacts:
    """An interview as `pursuit show` gives it: everything known, cancelled ones too."""

    id: int
    starts_at: datetime
    kind: str
    round_name: str
    location: str = ""
    link: str = ""
    interviewers: tuple[str, ...] = ()
    decision_by: date | None = None
    cancelled_at: datetime | None = None

    @property
    def title(self) -> str:
        return interview_title(self.kind, self.round_name)


@dataclass(frozen=True)
class WholeApplication:
    """Everything about one application: `pursuit show`."""

    row: ApplicationRow
    salary_currency: str = ""
    description: str = ""
    posted_on: date | None = None
    closes_on: date | None = None
    #: Newest first, as the application screen lists them.
    interviews: list[InterviewFacts] = field(default_factory=list)
    contacts: list[ContactRow] = field(default_factory=list)
    #: Newest first.
    history: list[TimelineEntry] = field(default_factory=list)
