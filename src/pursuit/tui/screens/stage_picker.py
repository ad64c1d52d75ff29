"""Pick any stage for an application (a modal list)."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from pursuit.domain.safe_text import for_terminal
from pursuit.domain.stages import STAGES, label


class StagePicker(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="stage.cancel", tooltip="Keep the current stage")
    ]

    def __init__(self, title: str, current: str) -> None:
        super().__init__()
        self.title_text = title
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="stage-picker", classes="dialog"):
            yield Label(for_terminal(self.title_text), markup=False)
            yield OptionList(
                *[
                    Option(f"{i + 1}  {label(s)}{'  (now)' if s == self.current else ''}", id=s)
                    for i, s in enumerate(STAGES)
                ],
                id="stages",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = STAGES.index(self.current) if self.current in STAGES else 0
        options.focus()

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and event.character != "0":
            index = int(event.character) - 1
            if index < len(STAGES):
                event.stop()
                self.dismiss(STAGES[index])

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
