"""Ask for one piece of text: an item, a note (a modal)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea

from pursuit.tui.widgets.fields import FieldError


class TextPrompt(ModalScreen[str | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="prompt.save", tooltip="Keep this text"),
        Binding("escape", "cancel", "Cancel", id="prompt.cancel", tooltip="Leave it as it was"),
    ]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        multiline: bool = False,
        required: bool = True,
        limit: int = 500,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.multiline = multiline
        self.required = required
        self.limit = limit

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt", classes="dialog"):
            yield Label(self.title_text)
            if self.multiline:
                yield TextArea(self.value, id="prompt-text")
            else:
                yield Input(self.value, id="prompt-text")
            yield FieldError(id="prompt-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#prompt-text").focus()

    def action_save(self) -> None:
        widget = self.query_one("#prompt-text")
        text = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        if self.required and not text.strip():
            self.query_one(FieldError).show("Write something first (escape cancels).")
            return
        if len(text) > self.limit:
            self.query_one(FieldError).show(f"Too long (at most {self.limit:,} characters).")
            return
        self.dismiss(text if self.multiline else text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
