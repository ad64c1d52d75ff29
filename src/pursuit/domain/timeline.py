"""How the application's history reads: one line per stage change, event and interview."""

from __future__ import annotations

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


def stage_change(from_stage: str | None, to_stage: str, note: str) -> str:
    text = (
        f"{label(from_stage)} → {label(to_stage)}" if from_stage else f"Added as {label(to_stage)}"
    )
    return text + (f" · {note}" if note else "")


def says_itself(kind: str) -> bool:
    """An event that moved the stage: the stage change is its line."""
    return kind in EVENT_STAGE


def event(kind: str, who: str | None, note: str) -> str:
    text = EVENT_WORDS.get(kind, kind)
    if who:
        text += f" ({who})"
    if note:
        text += f": {note}" if kind == "note" else f" · {note}"
    return text


def interview(title: str) -> str:
    return f"{title} interview"


def dismissal(action: str, who: str | None) -> str:
    """A follow-up the job seeker chose not to send: kept in the history, so it can be undone."""
    text = f"Dismissed: {ACTION_LABELS.get(action, action).lower()}"
    return text + (f" ({who})" if who else "")
