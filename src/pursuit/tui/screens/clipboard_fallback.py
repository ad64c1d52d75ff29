"""When no clipboard could be confirmed: the text, ready to select by hand (a modal)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

EXPLANATION = (
    "No clipboard tool answered on this machine, so pursuit could not confirm the copy. "
    "It also sent the text through your terminal (OSC 52), which many terminals accept, even "
    "over SSH. If it did not arrive, select the text below and copy it yourself."
)


class ClipboardFallback(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="clipboard.close", tooltip="Back to the draft")
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="clipboard-fallback", classes="dialog"):
            yield Label(EXPLANATION, id="clipboard-why")
            yield TextArea(self.text, read_only=True, id="clipboard-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.select_all()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
