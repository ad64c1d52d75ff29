"""The keys that open a screen from anywhere: help, Today, insights, settings, an application."""

from __future__ import annotations

from textual.app import App

from pursuit.domain.safe_text import for_terminal


class Navigation(App[None]):
    """Mixin for the app: each screen opened once (pressing its key there again does nothing)."""

    def action_toggle_help(self) -> None:
        from pursuit.tui.screens.key_help import KeyHelp, keys_of

        if isinstance(self.screen, KeyHelp):
            self.screen.dismiss(None)
            return
        screen = self.screen
        title = for_terminal(screen.sub_title or screen.title or "pursuit")
        self.push_screen(KeyHelp(title, keys_of(screen)))

    def action_insights(self) -> None:
        from pursuit.tui.screens.insights import InsightsScreen

        if not isinstance(self.screen, InsightsScreen):
            self.push_screen(InsightsScreen())

    def action_settings(self) -> None:
        from pursuit.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_today(self) -> None:
        from pursuit.tui.screens.today import TodayScreen

        if not isinstance(self.screen, TodayScreen):
            self.push_screen(TodayScreen())

    def open_application(self, app_id: int) -> None:
        from pursuit.tui.screens.application import ApplicationScreen

        self.push_screen(ApplicationScreen(app_id))
