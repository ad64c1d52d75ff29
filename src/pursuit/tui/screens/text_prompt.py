"""Ask for one piece of text: an item, a note (a modal)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, TextArea

from pursuit.domain.safe_text import for_terminal
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.fields import FieldError


class TextPrompt(FormModal[str | None]):
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
            yield Label(for_terminal(self.title_text), markup=False)
            if self.multiline:
                yield TextArea(self.value, id="prompt-text")
            else:
                yield Input(self.value, id="prompt-text")
            yield FieldError(id="prompt-error")
            yield from self.buttons("Save", container="prompt-buttons")

    def on_mount(self) -> None:
        self.query_one("#prompt-text").focus()

    def action_save(self) -> None:
        widget = self.query_one("#prompt-text")
        if isinstance(widget, TextArea):
            text = widget.text
        else:
            assert isinstance(widget, Input)
            text = widget.value
        if self.required and not text.strip():
            self.query_one(FieldError).show("Write something first (escape cancels).")
            return
        if len(text) > self.limit:
            self.query_one(FieldError).show(f"Too long (at most {self.limit:,} characters).")
            return
        self.dismiss(text if self.multiline else text.strip())
