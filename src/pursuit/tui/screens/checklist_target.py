"""Whose checklist a screen shows (shared by the list and walk mode, which open each other)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChecklistTarget:
    """Whose checklist: an interview's, or an application's offer review."""

    title: str
    interview_id: int | None = None
    application_id: int | None = None
    #: False until the interview has happened: the debrief items wait until then.
    show_after: bool = True

    def scope(self) -> dict[str, int | None]:
        return {"interview_id": self.interview_id, "application_id": self.application_id}
