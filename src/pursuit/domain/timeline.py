"""How the application's history reads: one line per stage change, event and interview."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Final

from pursuit.domain.actions import ACTION_LABELS, EVENT_STAGE
from pursuit.domain.stages import label

EVENT_WORDS: Final = {
    "sent-thank-you": "Sent a thank-you",
    "sent-check-in": "Sent a check-in",
    "heard": "Heard back",
    "rejected": "Rejected",
    "offer": "Offer",
    "sent-rejection-reply": "Replied to the rejection",
    "sent-feedback-request": "Asked for feedback",
    "answered-offer": "Answered the offer",
    "asked-for-time": "Asked for time to consider the offer",
    "accepted": "Accepted",
    "withdrew": "Withdrew",
    "ghosted": "Marked ghosted",
    "note": "Note",
}


def with_note(kind: str, what: str, note: str) -> str:
    """WHAT happened followed by its NOTE, as one line: `Heard back · they liked it`; a note
    of the job seeker's own reads `Note: ...`."""
    if not note:
        return what
    return f"{what}: {note}" if kind == "note" else f"{what} · {note}"


def stage_change(from_stage: str | None, to_stage: str, note: str = "") -> str:
    text = (
        f"{label(from_stage)} → {label(to_stage)}" if from_stage else f"Added as {label(to_stage)}"
    )
    return with_note("stage", text, note)


@dataclass(frozen=True)
class StageStep:
    """A step of an application's stage history: when it was recorded, or (AT None) the day
    the job seeker said they applied."""

    day: date
    at: datetime | None
    from_stage: str | None
    to_stage: str
    note: str = ""

    @property
    def what(self) -> str:
        """The step without its note."""
        if self.at is None:
            return label(self.to_stage)
        return stage_change(self.from_stage, self.to_stage)

    @property
    def text(self) -> str:
        return with_note("stage", self.what, self.note)


def stage_steps(
    changes: Iterable[tuple[str | None, str, datetime, str]], applied_on: date | None, tz: tzinfo
) -> list[StageStep]:
    """The stage changes (from, to, when recorded, note), oldest first, with the day applied as
    the job seeker gave it: an application added at Applied applied on that day, not on the
    day it was typed in; one added further on (a spreadsheet's row at Interviewing) gets an
    Applied step on that day before it. Applied the day it was added, or a stage change
    recorded later: as recorded."""
    steps = []
    for from_stage, to_stage, at, note in changes:
        step = StageStep(at.astimezone(tz).date(), at, from_stage, to_stage, note)
        added = from_stage is None and to_stage != "saved"
        if added and applied_on is not None and applied_on != step.day:
            if to_stage == "applied":
                step = StageStep(applied_on, None, None, "applied", note)
            else:
                steps.append(StageStep(applied_on, None, None, "applied"))
        steps.append(step)
    # Stable: steps of one day keep the order they were made in.
    return sorted(steps, key=lambda s: s.day)


def says_itself(kind: str) -> bool:
    """An event that moved the stage: the stage change is its line."""
    return kind in EVENT_STAGE


def event(kind: str, who: str | None, note: str = "") -> str:
    text = EVENT_WORDS.get(kind, kind)
    if who:
        text += f" ({who})"
    return with_note(kind, text, note)


def interview(title: str, *, cancelled: bool = False) -> str:
    # A round the user named "Panel interview" is not a "Panel interview interview".
    text = title if title.casefold().endswith("interview") else f"{title} interview"
    return f"{text} (cancelled)" if cancelled else text


def dismissal(action: str, who: str | None) -> str:
    """A follow-up the job seeker chose not to send: kept in the history, so it can be undone."""
    text = f"Dismissed: {ACTION_LABELS.get(action, action).lower()}"
    return text + (f" ({who})" if who else "")
