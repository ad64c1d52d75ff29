"""Home, End, page up and page down move the cursor in every list, as in any other program."""

from __future__ import annotations

from textual.widgets import DataTable

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.widgets.application_table import ApplicationTable

from .conftest import settle

#: Short enough that the demo's lists are longer than a page.
SMALL = (80, 24)


async def test_home_end_and_pages_move_the_cursor_on_today(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        table = demo_app.screen.query_one("#today-due", DataTable)
        assert table.has_focus
        last = table.row_count - 1
        assert last > 1
        await pilot.press("end")
        assert table.cursor_row == last
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("pagedown")
        assert table.cursor_row > 0
        await pilot.press("pageup")
        assert table.cursor_row == 0


async def test_home_end_and_pages_move_the_cursor_on_the_pipeline_and_the_archive(
    demo_app: PursuitApp,
) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        for view in ("pipeline", "archive"):
            if view == "archive":
                for _ in range(3):  # the demo's archive holds one or none
                    await pilot.press("x")
                    await settle(pilot)
                await pilot.press("z")
                await settle(pilot)
            table = demo_app.screen.query_one(ApplicationTable)
            last = table.row_count - 1
            assert last >= 1, view
            await pilot.press("end")
            assert table.cursor == last, view
            await pilot.press("home")
            assert table.cursor == 0, view
            await pilot.press("pagedown")
            assert table.cursor > 0, view
            await pilot.press("pageup")
            assert table.cursor == 0, view
