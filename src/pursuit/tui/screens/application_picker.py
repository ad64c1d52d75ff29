"""Choose the application an invitation is for, when its people and words did not say."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from pursuit.domain.safe_text import for_terminal


@dataclass(frozen=True)
class Choice:
    application_id: int
    company: str
    role: str
    #: Why it may be the one ("Dana Reyes (dana@northwind.com) is a contact on it"), or "".
    why: str = ""


class ApplicationPicker(ModalScreen[int | None]):
    DEFAULT_CSS = """
    ApplicationPicker OptionList {
        height: auto;
        max-height: 16;
        margin-top: 1;
    }
    """
    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="application-picker.cancel",
            tooltip="Choose none: nothing is saved",
        )
    ]

    def __init__(self, question: str, choices: list[Choice]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="application-picker", classes="dialog"):
            yield Label(for_terminal(self.question), markup=False)
            options = []
            for choice in self.choices:
                line = Text(for_terminal(choice.company), style="bold")
                line.append(f" · {for_terminal(choice.role)}")
                if choice.why:
                    line.append(f"\n  {for_terminal(choice.why)}", style="dim")
                options.append(Option(line, id=str(choice.application_id)))
            yield OptionList(*options, id="application-choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
