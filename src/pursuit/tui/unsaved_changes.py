"""Leaving a form with changes in it asks first: escape never throws typing away unseen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input, Select, Switch, TextArea


def form_values(screen: DOMNode) -> list[object]:
    """What every field of SCREEN holds now, in order."""
    values: list[object] = []
    for widget in screen.query("Input, Select, Switch, TextArea"):
        if isinstance(widget, TextArea):
            values.append(widget.text)
        elif isinstance(widget, Input | Select | Switch):
            values.append(widget.value)
    return values


class AsksBeforeDiscarding(Screen[Any]):
    """Mixin for a screen with fields: `remember_values()` once filled, `leave_asking()` to go."""

    #: What the form is about, for the question on leaving with changes ("the application").
    ABOUT = "this form"

    _remembered: list[object] | None = None

    def remember_values(self) -> None:
        self._remembered = form_values(self)

    def has_changes(self) -> bool:
        # Before the fields were filled, nothing typed can differ from them.
        return self._remembered is not None and form_values(self) != self._remembered

    def lost_on_leaving(self) -> str:
        """What leaving now throws away, as a sentence of the question asked first."""
        return f"Your changes to {self.ABOUT} will be lost."

    def leave_asking(self, leave: Callable[[], Any], what: str) -> None:
        if not self.has_changes():
            leave()
            return
        from pursuit.tui.screens.confirm import Confirm

        self.app.push_screen(
            Confirm(
                f"Leave without saving? Your changes to {what} will be lost.",
                yes="Leave",
                no="Keep editing",
                danger=True,
            ),
            lambda leaving: leave() if leaving else None,
        )
