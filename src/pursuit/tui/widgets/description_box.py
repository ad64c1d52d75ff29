"""The job description on the application screen: a title, and the text in a box of its own
that scrolls, so that a long one leaves the panes above it in view."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from pursuit.domain.safe_text import for_terminal


def description_text(text: str) -> Text:
    """TEXT from the posting as a widget shows it: lines kept, never markup or a control."""
    return Text(for_terminal(text.strip(), multiline=True))


class DescriptionBox(Vertical):
    DEFAULT_CSS = """
    DescriptionBox {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Label("Job description", classes="section-title", id="app-description-title")
        with VerticalScroll(id="app-description"):
            yield Static(id="app-description-text")

    def show(self, description: str) -> None:
        kept = bool(description.strip())
        self.query_one("#app-description-text", Static).update(
            description_text(description) if kept else Text("None kept.", style="dim")
        )
        title = "Job description  (j: read it whole)" if kept else "Job description"
        self.query_one("#app-description-title", Label).update(title)
        # Nothing to scroll through: tab goes past it.
        self.query_one("#app-description").can_focus = kept
