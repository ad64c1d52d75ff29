"""Fixtures for driving the app with Pilot: a demo database, a fixed clock, a settle helper."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp

SIZE = (120, 40)


async def settle(pilot: Pilot) -> None:
    """Wait until every worker (and what its messages set off) has finished."""
    app = pilot.app
    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # the app is closing (for example after an error)
            return
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return
    raise AssertionError("workers did not settle")


@pytest.fixture
def demo_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, demo=True, tick_seconds=3600)


@pytest.fixture
def empty_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, tick_seconds=3600)


async def open_interview(pilot: Pilot, index: int = 0) -> None:
    """On the application screen: open the INDEXth interview (newest first)."""
    from textual.widgets import OptionList

    interviews = pilot.app.screen.query_one("#app-interviews", OptionList)
    interviews.focus()
    interviews.highlighted = index
    await pilot.press("enter")
    await settle(pilot)
