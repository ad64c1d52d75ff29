"""Regenerate screenshots/*.svg from the real app on demo data at a fixed moment.

    python scripts/screenshots.py

The clock is frozen at Wednesday 18 November 2026, 10:00 UTC so the pictures only change when
the screens do.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ["TZ"] = "UTC"
time.tzset()

from textual.pilot import Pilot  # noqa: E402

from pursuit.domain.clock import FixedClock  # noqa: E402
from pursuit.tui.app import PursuitApp  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "screenshots"
MOMENT = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
SIZE = (120, 36)


async def settle(pilot: Pilot) -> None:
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            return


async def pipeline(pilot: Pilot) -> None:
    pass


async def today(pilot: Pilot) -> None:
    await pilot.press("t")


async def application(pilot: Pilot) -> None:
    await pilot.press("slash", *"northwind", "enter", "enter")


async def interview(pilot: Pilot) -> None:
    from textual.widgets import OptionList

    await application(pilot)
    await settle(pilot)
    interviews = pilot.app.screen.query_one("#app-interviews", OptionList)
    interviews.focus()
    interviews.highlighted = 0
    await pilot.press("enter")


async def draft(pilot: Pilot) -> None:
    await pilot.press("t")
    await settle(pilot)
    table = pilot.app.screen.query_one("#today-due")
    row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[3]) == "Hannah Lee")
    table.move_cursor(row=row)
    await pilot.press("enter")


async def checklist(pilot: Pilot) -> None:
    await pilot.press("slash", *"lumen", "enter", "enter")
    await settle(pilot)
    await pilot.press("k")
    await settle(pilot)
    await pilot.press("space", "space", "down", "s")


async def walk(pilot: Pilot) -> None:
    await pilot.press("slash", *"lumen", "enter", "enter")
    await settle(pilot)
    await pilot.press("k")
    await settle(pilot)
    await pilot.press("w", "space", "space", "s")


async def add_form(pilot: Pilot) -> None:
    await pilot.press("a", *"Acme Robotics", "tab", *"Staff Engineer")


SHOTS: dict[str, Callable[[Pilot], Awaitable[None]]] = {
    "pipeline": pipeline,
    "today": today,
    "application": application,
    "interview": interview,
    "draft": draft,
    "checklist": checklist,
    "walk": walk,
    "add-application": add_form,
}


async def shoot(name: str, steps: Callable[[Pilot], Awaitable[None]]) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        app = PursuitApp(Path(folder) / "demo.db", FixedClock(MOMENT), demo=True, tick_seconds=3600)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await steps(pilot)
            await settle(pilot)
            return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


def main(names: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    for name in names or list(SHOTS):
        print(asyncio.run(shoot(name, SHOTS[name])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
