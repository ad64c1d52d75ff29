"""`d` hides a follow-up, says how to bring it back; `u` or the palette does."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import DataTable, OptionList, Static

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen

from .conftest import SIZE, settle


def companies(app: PursuitApp) -> list[str]:
    table = app.screen.query_one("#today-due", DataTable)
    return [str(table.get_row_at(i)[4]) for i in range(table.row_count)]


def notices(app: PursuitApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_dismiss_in_today_then_u_brings_it_back(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        before = companies(demo_app)
        table = demo_app.screen.query_one("#today-due", DataTable)
        table.move_cursor(row=before.index("Cobalt Systems"))
        await pilot.press("d")
        await settle(pilot)
        assert "Cobalt Systems" not in companies(demo_app)
        assert any("Cobalt Systems" in n and "Press u" in n for n in notices(demo_app))
        await pilot.press("u")
        await settle(pilot)
        assert companies(demo_app) == before
        assert any(n.startswith("Back on the list") for n in notices(demo_app))
        await pilot.press("u")  # nothing left to bring back: it says so
        await settle(pilot)
        assert notices(demo_app)[-1] == "Nothing dismissed to bring back."
        assert companies(demo_app) == before


async def test_dismiss_on_the_application_shows_in_history_and_the_palette_undoes(
    demo_app: PursuitApp,
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cobalt", "enter", "enter")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, ApplicationScreen) and screen.detail is not None
        due = screen.query_one("#app-due", OptionList)
        first = screen.detail.due[0]
        due.focus()
        due.highlighted = 0
        await pilot.press("d")
        await settle(pilot)
        assert screen.detail is not None and first not in screen.detail.due
        history = str(screen.query_one("#app-timeline", Static).render())
        assert "Dismissed: " in history
        await pilot.press("ctrl+p")
        assert isinstance(demo_app.screen, CommandPalette)
        await pilot.press(*"undo dismiss")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert demo_app.screen is screen and screen.detail is not None
        assert screen.detail.due[0] == first
        assert "Dismissed: " not in str(screen.query_one("#app-timeline", Static).render())
