"""The app's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pursuit.domain.safe_text import for_markup, for_terminal
from pursuit.domain.stages import STAGES, label


class PursuitCommands(Provider):
    """Add an application, jump to one by name, filter by stage, open Today."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app: Any = self.app
        commands: list[tuple[str, Callable[[], Any], str]] = [
            ("Add application", self._pipeline_action("add"), "Open the new application form"),
            ("Today", app.action_today, "What to send today, interviews this week"),
            (
                "Insights",
                self._push("insights", "InsightsScreen"),
                "How the search is going: funnel, answers by source, waiting times",
            ),
            (
                "Settings",
                self._push("settings", "SettingsScreen"),
                "Your details, follow-up timings, ticker interval, theme",
            ),
            (
                "Edit message templates",
                self._push("message_templates", "MessageTemplatesScreen"),
                "The wording of thank-yous, check-ins and offer answers; add your own",
            ),
            (
                "Import a spreadsheet",
                self._push_import,
                "Bring in applications from a CSV export of your spreadsheet",
            ),
            (
                "Import an invitation",
                self._push("import_invitation", "ImportInvitationScreen"),
                "An interview from a calendar invitation or e-mail: added, moved or cancelled",
            ),
            (
                "Edit checklist templates",
                self._push_templates,
                "The items new preparation checklists are made from, by format",
            ),
            (
                "Undo dismiss",
                self._undo_dismiss,
                "Bring back the follow-up dismissed last",
            ),
            (
                "Show all stages",
                self._pipeline_action("stage_filter", ""),
                "Clear the stage filter on the pipeline",
            ),
        ]
        for stage in STAGES:
            commands.append(
                (
                    f"Show stage: {label(stage)}",
                    self._pipeline_action("stage_filter", stage),
                    f"Filter the pipeline to {label(stage).lower()} applications",
                )
            )
        for row in getattr(app, "pipeline_rows", []):
            commands.append(
                (
                    # The palette reads its titles as markup: names are shown as typed.
                    for_markup(f"Open: {row.company} · {row.role}"),
                    partial(app.open_application, row.id),
                    f"{label(row.stage)} application",
                )
            )
        by_company = {row.company: row.id for row in getattr(app, "pipeline_rows", [])}
        for person in getattr(app, "contacts", []):
            targets = [by_company[c] for c in person.companies if c in by_company]
            if targets:
                where = ", ".join(person.companies)
                commands.append(
                    (
                        for_markup(f"Person: {person.name}"),
                        partial(app.open_application, targets[0]),
                        for_terminal(f"{person.title + ' · ' if person.title else ''}{where}"),
                    )
                )
        return commands

    def _push(self, module: str, name: str) -> Callable[[], None]:
        def run() -> None:
            import importlib

            screen = getattr(importlib.import_module(f"pursuit.tui.screens.{module}"), name)
            self.app.push_screen(screen())

        return run

    def _undo_dismiss(self) -> None:
        from pursuit.tui.follow_up_actions import undo_dismiss

        undo_dismiss(self.app)

    def _push_import(self) -> None:
        from pursuit.tui.screens.import_csv import ImportScreen

        self.app.push_screen(ImportScreen())

    def _push_templates(self) -> None:
        from pursuit.tui.screens.checklist_templates import ChecklistTemplatesScreen

        self.app.push_screen(ChecklistTemplatesScreen())

    def _pipeline_action(self, name: str, *args: str) -> Callable[[], None]:
        def run() -> None:
            from pursuit.tui.screens.pipeline import PipelineScreen

            app: Any = self.app
            while not isinstance(app.screen, PipelineScreen) and len(app.screen_stack) > 2:
                app.pop_screen()
            screen = app.screen
            if isinstance(screen, PipelineScreen):
                getattr(screen, f"action_{name}")(*args)

        return run

    async def discover(self) -> Hits:
        for title, command, help_text in self._commands()[:3]:
            yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, command, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, help=help_text)
