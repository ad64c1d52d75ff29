"""Pictures of every screen on demo data at a fixed moment, in the dark and the light theme.

Regenerate after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from tests.tour import SCREENS, quiet, visit

from .conftest import SIZE, settle


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(
    snap_compare, db_path: Path, clock: FixedClock, screen: str, theme: str
) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        pilot.app.theme = theme
        await visit(pilot, screen)
        # A blinking cursor would make the picture depend on the moment it is taken.
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
        quiet(pilot)
        await pilot.pause()

    app = PursuitApp(db_path, clock, demo=True, tick_seconds=3600)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
