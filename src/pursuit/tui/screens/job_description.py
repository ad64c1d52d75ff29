"""The job description kept with an application, whole and read-only, for rereading it before
an interview (the posting itself may be gone by then)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from pursuit.domain.records import JobDescription
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.screens.base import PursuitScreen
from pursuit.tui.widgets.description_box import description_text
from pursuit.tui.widgets.title_bar import TitleBar


def read_description(screen: Screen[Any], description: JobDescription | None) -> None:
    """What `j` does on the application screen, the checklist and in walk mode."""
    if description is None or not description.text.strip():
        screen.notify("No job description is kept for this application.", severity="warning")
        return
    screen.app.push_screen(JobDescriptionScreen(description))


class JobDescriptionScreen(PursuitScreen[None]):
    BINDINGS = [
        Binding(
            "escape",
            "app.pop_screen",
            "Back",
            id="description.back",
            tooltip="Back to where you were",
        ),
    ]

    def __init__(self, description: JobDescription) -> None:
        super().__init__()
        self.description = description

    def compose(self) -> ComposeResult:
        d = self.description
        yield TitleBar()
        yield Static(
            Text.assemble((for_terminal(d.company), "bold"), f"  ·  {for_terminal(d.role)}"),
            id="description-title",
        )
        # Up, down and the page keys scroll it: it is the one thing on the screen to focus.
        with VerticalScroll(id="description-body"):
            yield Static(description_text(d.text), id="description-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Job description"
        self.query_one("#description-body").focus()
