"""Choose the application an invitation is for, when its people and words did not say.

Two applications can share a company and a role (applied twice, a year apart): each row says
its stage, the day it was applied for and its number, so that they can be told apart. Among
the candidates, a last row opens every other application, for an invitation matched wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from pursuit.domain.dates import local_tz
from pursuit.domain.days import short_day
from pursuit.domain.records import ApplicationRow
from pursuit.domain.safe_text import for_terminal
from pursuit.domain.stages import label
from pursuit.tui.screens.base import PursuitModal, now_of

#: The id of the last row, "Another application…".
ANOTHER = "another"
#: What the picker answers for "A new application…" (no application has id 0).
NEW_APPLICATION = 0


@dataclass(frozen=True)
class Choice:
    application_id: int
    company: str
    role: str
    #: Why it may be the one ("Dana Reyes (dana@northwind.com) is a contact on it"), or "".
    why: str = ""
    stage: str = ""
    applied_on: date | None = None
    archived: bool = False

    @classmethod
    def of(cls, row: ApplicationRow, why: str = "") -> Choice:
        return cls(row.id, row.company, row.role, why, row.stage, row.applied_on, row.archived)


def choice_line(choice: Choice, today: date) -> Text:
    """`Northwind Analytics · Data Engineer  (#12)`, then `Screening · applied 3 Nov` (and why)."""
    line = Text(for_terminal(choice.company), style="bold")
    line.append(f" · {for_terminal(choice.role)}")
    line.append(f"  (#{choice.application_id})", style="dim")
    facts = [label(choice.stage)] if choice.stage else []
    if choice.applied_on:
        day = short_day(choice.applied_on, today)
        if choice.stage == "applied":  # `Applied today`, not `Applied · applied today`
            facts = [f"{label(choice.stage)} {day}"]
        else:
            facts.append(f"applied {day}")
    if choice.archived:
        facts.append("archived")
    if facts:
        line.append(f"\n  {' · '.join(facts)}", style="dim")
    if choice.why:
        line.append(f"\n  {for_terminal(choice.why)}", style="dim italic")
    return line


class ApplicationPicker(PursuitModal[int | None]):
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

    def __init__(
        self,
        question: str,
        choices: list[Choice],
        others: list[Choice] | None = None,
        *,
        offer_new: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        #: Every other application, offered by the last row (none: no such row).
        self.others = others or []
        #: Whether a last row offers to add the application (answered as NEW_APPLICATION).
        self.offer_new = offer_new

    def compose(self) -> ComposeResult:
        today = now_of(self.pursuit).astimezone(local_tz()).date()
        with Vertical(id="application-picker", classes="dialog"):
            yield Label(for_terminal(self.question), markup=False)
            options = [
                Option(choice_line(choice, today), id=str(choice.application_id))
                for choice in self.choices
            ]
            if self.others:
                options.append(
                    Option(
                        Text.assemble(
                            ("Another application…", "italic"),
                            (f"\n  any of the {len(self.others)} other open applications", "dim"),
                        ),
                        id=ANOTHER,
                    )
                )
            if self.offer_new:
                options.append(
                    Option(
                        Text.assemble(
                            ("A new application…", "italic"),
                            ("\n  add the one it is for, then the interview goes to it", "dim"),
                        ),
                        id="new",
                    )
                )
            yield OptionList(*options, id="application-choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == ANOTHER:
            self._pick_another()
        elif event.option.id == "new":
            self.dismiss(NEW_APPLICATION)
        elif event.option.id:
            self.dismiss(int(event.option.id))

    def _pick_another(self) -> None:
        def chosen(app_id: int | None) -> None:
            # Escape there comes back to the candidates, to choose among them after all.
            if app_id is not None:
                self.dismiss(app_id)

        self.app.push_screen(
            ApplicationPicker("Which application is this interview for?", self.others), chosen
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
