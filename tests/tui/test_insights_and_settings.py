"""Insights and settings, from the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, Select

from pursuit.domain.clock import FixedClock
from pursuit.domain.settings import SETTINGS
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.insights import InsightsScreen
from pursuit.tui.screens.settings import SettingsScreen
from pursuit.tui.widgets.fields import FieldError

from .conftest import SIZE, settle


async def test_insights_from_the_pipeline(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, InsightsScreen)
        summary = str(screen.query_one("#insights-summary").render())
        # One count everywhere: the header agrees with the funnel's first row.
        assert "13 applied (and 1 saved)" in summary and "overdue" in summary
        funnel = str(screen.query_one("#insights-funnel").render())
        assert "Interviewing" in funnel and re.search(r"Applied\s+13\b", funnel)
        weeks = str(screen.query_one("#insights-weekly-numbers").render())
        assert "applied in these 12 weeks" in weeks


async def test_settings_checked_saved_and_applied(
    demo_app: PursuitApp, db_path: Path, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, SettingsScreen)
        assert screen.query_one("#s-my_name", Input).value == "Alex Morgan"
        screen.query_one("#s-check_in_days", Input).value = "a fortnight"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.query_one("#e-check_in_days", FieldError).has_class("-shown")
        assert demo_app.store is not None
        assert "check_in_days" not in demo_app.store.settings.values()
        screen.query_one("#s-check_in_days", Input).value = "10"
        screen.query_one("#s-theme", Select).value = "textual-light"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.store.settings.values()["check_in_days"] == "10"
        assert demo_app.store.settings.rules().check_in_days == 10
        assert demo_app.theme == "textual-light"
    again = PursuitApp(db_path, clock, tick_seconds=3600)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"  # remembered


async def test_escape_on_changed_settings_asks_and_after_saving_does_not(demo_app: PursuitApp):
    from pursuit.tui.screens.confirm import Confirm
    from pursuit.tui.screens.pipeline import PipelineScreen
    from tests.tour import screen_text

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, SettingsScreen)
        assert "^s" in screen_text(pilot) and "Save" in screen_text(pilot)  # the footer
        assert demo_app.focused is screen.query_one(f"#s-{SETTINGS[0].key}")
        screen.query_one("#s-check_in_days", Input).value = "10"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert demo_app.screen is screen
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)
