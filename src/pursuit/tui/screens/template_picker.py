"""Choose which message to write (a modal list of templates)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from pursuit.domain.messages import Template
from pursuit.domain.safe_text import for_terminal


class TemplatePicker(ModalScreen[str | None]):
    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="template-picker.cancel",
            tooltip="Write nothing for now",
        )
    ]

    def __init__(self, company: str, templates: list[Template]) -> None:
        super().__init__()
        self.company = company
        self.templates = templates

    def compose(self) -> ComposeResult:
        with Vertical(id="template-picker", classes="dialog"):
            yield Label(for_terminal(f"Write a message · {self.company}"), markup=False)
            yield OptionList(
                *[
                    Option(t.title + ("" if t.builtin else "  (yours)"), id=t.name)
                    for t in self.templates
                ],
                id="templates",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
