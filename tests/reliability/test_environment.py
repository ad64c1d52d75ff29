"""No colour, a small terminal: the app still works, and its states still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.draft import DraftEditor
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.widgets.application_table import ApplicationTable

from ..tui.conftest import settle


async def test_no_colour_and_80_by_24(
    monkeypatch: pytest.MonkeyPatch, db_path: Path, clock: FixedClock
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = PursuitApp(db_path, clock, demo=True, tick_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color
        table = app.screen.query_one("#pipeline", ApplicationTable)
        rows = [table.cells(i) for i in range(table.row_count)]
        # Overdue and due read from their marker, not only their colour.
        assert rows[0][4].startswith("!")
        assert any(r[4].startswith("•") for r in rows)
        # Every column fits: nothing scrolls sideways.
        assert table.virtual_size.width <= table.size.width
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DraftEditor)
        assert app.screen.query_one("#draft-body").region.height >= 5
