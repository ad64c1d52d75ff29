"""A scripted tour of the demo: the keys that lead to each main screen, and where they must lead.

The screenshot script and the snapshot tests both walk it, so the pictures in the README and
the ones the tests compare are of the same screens. Every stop names the screen it reaches and
a text that must be on it: a step that lands anywhere else fails there, so `--snapshot-update`
or the screenshot script can never record the wrong screen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, TextArea
from textual.worker import WorkerCancelled

from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.checklist import ChecklistScreen
from pursuit.tui.screens.draft import DraftEditor
from pursuit.tui.screens.insights import InsightsScreen
from pursuit.tui.screens.interview import InterviewScreen
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.screens.settings import SettingsScreen
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.screens.walk import WalkScreen


async def settle(pilot: Pilot) -> None:
    """Wait until every worker (and what its messages set off) has finished."""
    app = pilot.app
    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            # A worker replaced by a newer one of its group, or the app closing after an error.
            if app.return_code is not None or not app.is_running:
                return
            continue
        await pilot.pause()
        opening = getattr(app, "store", True) is None and app.return_code is None
        if not opening and not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return
    raise AssertionError("workers did not settle")


def screen_text(pilot: Pilot) -> str:
    """What a person sees on the terminal now, as plain text (from the app's own screenshot)."""
    svg = pilot.app.export_screenshot()
    lines = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    return html.unescape("".join(lines)).replace("\xa0", " ")


def quiet(pilot: Pilot) -> None:
    """No notices on screen: a toast's presence would depend on how fast the machine is."""
    pilot.app.clear_notifications()


async def open_interview(pilot: Pilot, index: int = 0) -> None:
    """On the application screen: open the INDEXth interview (newest first)."""
    interviews = pilot.app.screen.query_one("#app-interviews", OptionList)
    interviews.focus()
    interviews.highlighted = index
    await pilot.press("enter")
    await settle(pilot)


Steps = Callable[[Pilot], Awaitable[None]]


async def pipeline(pilot: Pilot) -> None:
    pass


async def today(pilot: Pilot) -> None:
    await pilot.press("t")


async def application(pilot: Pilot) -> None:
    await pilot.press("slash", *"northwind", "enter", "enter")


async def interview(pilot: Pilot) -> None:
    await application(pilot)
    await settle(pilot)
    await open_interview(pilot)


async def form(pilot: Pilot) -> None:
    await pilot.press("a", *"Acme", "tab", *"Engineer")
    pilot.app.screen.query_one("#f-applied").value = "someday"
    await pilot.press("ctrl+s")


#: A posting saved from a careers site, pasted into the add form by the tour.
POSTING = Path(__file__).resolve().parent / "fixtures" / "postings" / "form-northwind.html"


async def filled(pilot: Pilot) -> None:
    await pilot.press("a")
    pilot.app.screen.query_one("#f-posting", TextArea).load_text(POSTING.read_text())
    await pilot.press("ctrl+f")


async def draft(pilot: Pilot) -> None:
    await pilot.press("t")
    await settle(pilot)
    table = pilot.app.screen.query_one("#today-due", DataTable)
    row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[3]) == "Hannah Lee")
    table.move_cursor(row=row)
    await pilot.press("enter")


async def checklist(pilot: Pilot) -> None:
    await pilot.press("slash", *"lumen", "enter", "enter")
    await settle(pilot)
    await pilot.press("k")
    await settle(pilot)
    await pilot.press("space", "space")


async def walk(pilot: Pilot) -> None:
    await checklist(pilot)
    await settle(pilot)
    await pilot.press("w", "space", "s")


async def insights(pilot: Pilot) -> None:
    await pilot.press("i")


async def settings(pilot: Pilot) -> None:
    await pilot.press("comma")


@dataclass(frozen=True)
class Stop:
    """Keys to press from the pipeline, the screen they reach, and a text that must be on it."""

    steps: Steps
    screen: type[Screen[object]]
    shows: str


SCREENS: dict[str, Stop] = {
    "pipeline": Stop(pipeline, PipelineScreen, "Northwind Analytics"),
    "today": Stop(today, TodayScreen, "Hannah Lee"),
    "application": Stop(application, ApplicationScreen, "Senior Data Engineer"),
    "interview": Stop(interview, InterviewScreen, "Tomás Ortega"),
    "form": Stop(form, ApplicationForm, "someday"),
    "filled": Stop(filled, ApplicationForm, "Company · from the page"),
    "draft": Stop(draft, DraftEditor, "Hannah"),
    "checklist": Stop(checklist, ChecklistScreen, "Lumen Health"),
    "walk": Stop(walk, WalkScreen, "Lumen Health"),
    "insights": Stop(insights, InsightsScreen, "Applied"),
    "settings": Stop(settings, SettingsScreen, "Thank-you window (hours)"),
}


async def visit(pilot: Pilot, name: str) -> None:
    """Walk to the screen NAME from the pipeline and prove it is that screen, quietly."""
    stop = SCREENS[name]
    await settle(pilot)
    await stop.steps(pilot)
    await settle(pilot)
    reached = pilot.app.screen
    assert isinstance(reached, stop.screen), (
        f"the tour's {name!r} step reached {type(reached).__name__}, not {stop.screen.__name__}"
    )
    quiet(pilot)
    await pilot.pause()
    assert not pilot.app.screen.query("Toast"), "a notice is still on screen"
    seen = screen_text(pilot)
    assert stop.shows in seen, f"the tour's {name!r} screen does not show {stop.shows!r}"
