"""Choose who a draft is for: the interview's people (or the application's), with whether each
has been thanked, so a panel gets one tailored note per person."""

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

#: What the list says about each person's thank-you (see Interviewer.thank_you).
THANKED = {
    "sent": "thanked",
    "due": "thank-you due",
    "overdue": "thank-you overdue",
    "later": "interview to come",
    "dismissed": "thank-you dismissed",
}


@dataclass(frozen=True)
class Recipient:
    name: str
    title: str = ""
    thank_you: str = ""


class RecipientPicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    RecipientPicker OptionList {
        height: auto;
        max-height: 12;
        margin-top: 1;
    }
    """
    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="recipient-picker.cancel",
            tooltip="Keep the draft as it is",
        )
    ]

    def __init__(self, people: list[Recipient], current: str | None) -> None:
        super().__init__()
        self.people = people
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="recipient-picker", classes="dialog"):
            yield Label("Write this message to…")
            options = []
            for person in self.people:
                line = Text(for_terminal(person.name))
                if person.title:
                    line.append(f" · {for_terminal(person.title)}", style="dim")
                state = THANKED.get(person.thank_you, "")
                if state:
                    line.append(f"  {state}", style="dim italic")
                if person.name == self.current:
                    line.append("  (this draft)", style="bold")
                options.append(Option(line, id=person.name))
            yield OptionList(*options, id="recipients")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [p.name for p in self.people]
        if self.current in names:
            options.highlighted = names.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
