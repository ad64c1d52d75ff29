"""A scripted tour of the demo: the keys that lead to each main screen.

The screenshot script and the snapshot tests both walk it, so the pictures in the README and
the ones the tests compare are of the same screens.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList
from textual.worker import WorkerCancelled


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


SCREENS: dict[str, Steps] = {
    "pipeline": pipeline,
    "today": today,
    "application": application,
    "interview": interview,
    "form": form,
    "draft": draft,
    "checklist": checklist,
    "walk": walk,
    "insights": insights,
    "settings": settings,
}
