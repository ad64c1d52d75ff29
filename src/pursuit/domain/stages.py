"""The stages an application moves through, in order, and the ways out."""

from __future__ import annotations

from typing import Final

#: The forward path of an application, in order.
PATH: Final = ("saved", "applied", "screening", "interviewing", "offer", "accepted")
#: Ways an application ends without an acceptance.
EXITS: Final = ("rejected", "withdrawn", "ghosted")
STAGES: Final = PATH + EXITS

#: Stages in which nothing more is expected of the job seeker.
CLOSED: Final = frozenset({"accepted", "withdrawn", "ghosted"})
#: Stages that are still in motion (shown by default on the pipeline).
ACTIVE: Final = frozenset({"saved", "applied", "screening", "interviewing", "offer"})

SECTORS: Final = ("tech", "finance", "education", "government", "healthcare", "other")

#: One key per stage for filtering the pipeline (1..9 in stage order).
STAGE_KEYS: Final = {str(i + 1): stage for i, stage in enumerate(STAGES)}

LABELS: Final = {
    "saved": "Saved",
    "applied": "Applied",
    "screening": "Screening",
    "interviewing": "Interviewing",
    "offer": "Offer",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "ghosted": "Ghosted",
}

#: For narrow terminals.
SHORT_LABELS: Final = {
    "saved": "Saved",
    "applied": "Appl.",
    "screening": "Screen",
    "interviewing": "Interv.",
    "offer": "Offer",
    "accepted": "Acc.",
    "rejected": "Rej.",
    "withdrawn": "Withdr.",
    "ghosted": "Ghost.",
}


class UnknownStage(ValueError):
    """A stage name that pursuit does not know."""


def normalise(name: str) -> str:
    """Return the canonical stage for NAME (case and spacing forgiven)."""
    key = name.strip().lower()
    if key in STAGES:
        return key
    for stage in STAGES:
        if stage.startswith(key) and key:
            return stage
    raise UnknownStage(f"unknown stage {name!r}; known stages: {', '.join(STAGES)}")


def next_stage(stage: str) -> str | None:
    """The stage after STAGE on the forward path, or None at the end or off the path."""
    if stage not in PATH:
        return None
    i = PATH.index(stage)
    return PATH[i + 1] if i + 1 < len(PATH) else None


def label(stage: str) -> str:
    return LABELS.get(stage, stage.title())
