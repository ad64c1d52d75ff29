"""What the follow-up rules read of an application: stage, interviews, events, dismissals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Person:
    id: int
    name: str


@dataclass(frozen=True)
class InterviewFact:
    id: int
    starts_at: datetime
    interviewers: tuple[Person, ...] = ()
    decision_by: date | None = None
    #: Called off: kept in the history, but owed nothing and counting for no check-in.
    cancelled: bool = False


@dataclass(frozen=True)
class EventFact:
    id: int
    kind: str
    at: datetime
    contact_id: int | None = None
    interview_id: int | None = None
    decision_by: date | None = None


@dataclass(frozen=True)
class StageFact:
    id: int
    stage: str
    at: datetime


@dataclass(frozen=True)
class Dismissal:
    action: str
    contact_id: int | None
    source: str


@dataclass(frozen=True)
class ApplicationFacts:
    id: int
    stage: str
    applied_on: date | None = None
    archived: bool = False
    interviews: Sequence[InterviewFact] = ()
    events: Sequence[EventFact] = ()
    stage_changes: Sequence[StageFact] = ()
    dismissals: Sequence[Dismissal] = ()
