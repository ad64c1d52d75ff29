"""The app's import names the rows for companies applied to before, as the command line does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.import_csv import ImportScreen
from pursuit.tui.screens.pipeline import PipelineScreen

from .conftest import SIZE, settle


async def test_the_import_screen_says_which_companies_you_applied_to_before(
    empty_app: PursuitApp, tmp_path: Path
):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(
        "Company,Role\nNorthwind Analytics, Inc.,Analytics Engineer\nNewCo,Dev\n"
        "[bold]Fabrikam[/bold],Analyst\n"
    )
    async with empty_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        store = empty_app.store
        assert store is not None
        earlier = store.applications.add_application(
            "Northwind Analytics", "Data Engineer", at=datetime(2026, 2, 20, 9, tzinfo=UTC)
        )
        store.applications.set_stage(earlier, "rejected", at=datetime(2026, 3, 12, tzinfo=UTC))
        store.applications.add_application(
            "[bold]Fabrikam[/bold]", "BI Analyst", at=datetime(2026, 5, 1, 9, tzinfo=UTC)
        )
        screen = ImportScreen(str(sheet))
        empty_app.push_screen(screen)
        await settle(pilot)
        assert "3 rows can be imported" in str(screen.query_one("#import-status").render())
        empty_app.clear_notifications()
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        told = [n for n in empty_app._notifications if n.message.startswith("Imported 3")]
        assert len(told) == 1
        notice = told[0]
        assert notice.message == (
            "Imported 3; 0 were already in pursuit. 2 rows are for companies you applied to "
            "before: Northwind Analytics (Data Engineer, rejected in March) and "
            "[bold]Fabrikam[/bold] (BI Analyst, applied in May)."
        )
        assert not notice.markup  # a name in brackets is shown as typed
