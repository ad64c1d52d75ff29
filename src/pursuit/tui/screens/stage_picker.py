"""Pick any stage for an application (a modal list)."""

from __future__ import annotations

from textual import on
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
        Binding("escape", "cancel", "Cancel", id="stage.cancel", tooltip="Keep the current stage"),
        # Bindings, not a key handler: F1 lists them.
        *[
            Binding(
                str(n),
                f"pick({n})",
                "Pick by number",
                id=f"stage.pick-{n}",
                show=False,
                tooltip="The stage of that number in the list",
            )
            for n in range(1, len(STAGES) + 1)
        ],
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

    def action_pick(self, number: int) -> None:
        self.dismiss(STAGES[number - 1])

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
