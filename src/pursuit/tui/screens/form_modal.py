"""What every form in a modal shares: save with ctrl+s or enter, cancel with escape."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input

from pursuit.tui.screens.base import PursuitModal
from pursuit.tui.unsaved_changes import AsksBeforeDiscarding

T = TypeVar("T")


class FormModal(AsksBeforeDiscarding, PursuitModal[T]):
    """A modal form; subclasses check their fields in `action_save` and dismiss with them.

    What the fields hold once the form has been filled in is remembered, so that escape on a
    changed form asks before throwing the changes away.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Check the fields and save"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="form.cancel",
            tooltip="Close without saving (asks first when something was changed)",
        ),
    ]

    def action_save(self) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        # Runs after the subclass's on_mount has filled the fields in; a refresh later, so
        # that values set by call_later have landed too.
        self.call_after_refresh(self.remember_values)

    def action_cancel(self) -> None:
        self.leave_asking(lambda: self.dismiss(None), self.ABOUT)

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
