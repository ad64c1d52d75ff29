"""What every form in a modal shares: save with ctrl+s or enter, cancel with escape."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input

from pursuit.tui.screens.base import PursuitModal

T = TypeVar("T")


class FormModal(PursuitModal[T]):
    """A modal form; subclasses check their fields in `action_save` and dismiss with them."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Check the fields and save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
    ]

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    @staticmethod
    def buttons(save: str = "Save", *, container: str = "form-buttons") -> ComposeResult:
        with Horizontal(id=container, classes="dialog-buttons"):
            yield Button(save, variant="primary", id="save")
            yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
