"""At 80x24, no line of a screen's own tables wraps or runs off its edge, on every screen.

A table here is a DataTable, the pipeline's table, or a Static drawn as columns of text (a
`Text` made `no_wrap`, as Insights' funnel and sources are): each line must fit its width.
"""

from __future__ import annotations

import re

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.insights import InsightsScreen
from pursuit.tui.widgets.application_table import ApplicationTable
from tests.tour import SCREENS, screen_text, settle

SMALL = (80, 24)


async def go(pilot: Pilot, name: str) -> None:
    """To the tour's screen NAME (its text check is for 120 columns: a name may be cut here)."""
    stop = SCREENS[name]
    await settle(pilot)
    await stop.steps(pilot)
    await settle(pilot)
    assert isinstance(pilot.app.screen, stop.screen), (name, pilot.app.screen)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("name", list(SCREENS))
async def test_no_table_line_runs_over_at_80x24(demo_app: PursuitApp, name: str) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await go(pilot, name)
        screen = demo_app.screen
        for table in screen.query(DataTable):
            if table.display:
                # Every column on screen: none pushed off the right edge to scroll to.
                assert table.max_scroll_x == 0, (name, table.id, table.virtual_size)
        for pipeline in screen.query(ApplicationTable):
            assert sum(w + 2 for w in pipeline.widths.values() if w) <= pipeline.size.width
        for static in screen.query(Static):
            content = static.content
            if isinstance(content, Text) and content.no_wrap and static.display:
                width = static.content_size.width
                for line in content.split():
                    assert line.cell_len <= width, (name, static.id, line.plain, width)


async def test_insights_sources_are_one_line_each_at_80x24(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await go(pilot, "insights")
        assert isinstance(demo_app.screen, InsightsScreen)
        insights = demo_app.screen.insights
        assert insights is not None
        rows = screen_text(pilot).split("\n")
        assert any(re.search(r"Source\s+Applied\s+Answered$", r.rstrip()) for r in rows), rows
        for rate in insights.rates_by_source:
            # The source (cut if it must be), then its counts, on one line.
            start = re.escape(rate.label[:10])
            counts = rf"{rate.total}\s+{rate.percent:.0f}%"
            assert any(re.search(rf"{start}\S*\s+{counts}", r) for r in rows), (rate, rows)
        # The weekly numbers: one line of them, all twelve.
        numbers = " ".join(str(n) for n in insights.weekly)
        flat = [re.sub(r"\s+", " ", r).strip() for r in rows]
        assert any(f" {numbers} " in f" {r} " for r in flat), (numbers, flat)
