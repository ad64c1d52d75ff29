"""A yes/no question in a modal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label

from pursuit.domain.safe_text import for_terminal


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="Leave it as it is"),
    ]

    def __init__(
        self, question: str, yes: str = "Yes", no: str = "No", *, danger: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Label(
                for_terminal(self.question, multiline=True), id="confirm-question", markup=False
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    f"{self.yes} (y)", variant="error" if self.danger else "primary", id="yes"
                )
                yield Button(f"{self.no} (n)", id="no")

    def on_mount(self) -> None:
        # A destructive question starts on "No"; anything else on "Yes".
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


def ask_first(screen: Screen[Any], question: str, yes: str, then: Callable[[], object]) -> None:
    """Ask QUESTION (starting on "No": these undo nothing) and run THEN on yes."""

    def answered(answer: bool | None) -> None:
        if answer:
            then()

    screen.app.push_screen(Confirm(question, yes=yes, no="Keep it", danger=True), answered)
