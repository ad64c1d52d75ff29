"""Importing a spreadsheet from the app: preview, mapping, import."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, DataTable, Input, Select

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.import_csv import ImportScreen
from pursuit.tui.screens.pipeline import PipelineScreen
from tests.support.sheets import over_the_old_limit
from tests.tour import screen_text

from .conftest import SIZE, settle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


async def test_import_with_preview_and_mapping(empty_app: PursuitApp, tmp_path: Path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Firm,Job Title,Status\nAcme,Dev,Applied\nBolt,SRE,Offer\n")
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"import a spreadsheet")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = empty_app.screen
        assert isinstance(screen, ImportScreen)
        shown = screen_text(pilot)  # the footer offers reading and importing
        assert "^r Read" in shown and "^s Import" in shown, shown
        screen.query_one("#import-path", Input).value = str(sheet)
        await pilot.press("enter")
        await settle(pilot)
        assert "no column for company" in str(screen.query_one("#import-status").render())
        # Say which column holds the company: the file is read again with that mapping.
        screen.query_one("#map-0", Select).value = "company"
        await settle(pilot)
        assert "2 rows can be imported" in str(screen.query_one("#import-status").render())
        # Another file: its own columns are recognised.
        screen.query_one("#import-path", Input).value = str(FIXTURES / "messy.csv")
        await pilot.press("enter")
        await settle(pilot)
        # 11/3/2026 could be 11 March: asked once for the file.
        screen.query_one("#import-dates", Select).value = "mdy"
        await settle(pilot)
        assert "5 rows can be imported, 4 cannot" in str(
            screen.query_one("#import-status").render()
        )
        preview = screen.query_one("#import-preview", DataTable)
        assert preview.row_count == 5 and str(preview.get_row_at(1)[0]) == "Acme, Inc."
        assert screen.query_one("#map-1", Select).value == "role"
        problems = str(screen.query_one("#import-problems").render())
        assert "line 5: unknown status" in problems and "line 11: bad salary" in problems
        await pilot.press("ctrl+s")
        assert isinstance(empty_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        assert empty_app.store is not None
        assert sorted(r.company for r in empty_app.store.views.applications()) == [
            "Acme, Inc.",
            "Delta Labs",
            "Echo",
            "Northwind",
        ]


async def test_a_file_whose_dates_read_both_ways_asks_which_comes_first(
    empty_app: PursuitApp, tmp_path: Path
):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company,Role,Applied\nAcme,Dev,03/04/2026\nBolt,SRE,05/06/2026\n")
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ImportScreen(str(sheet))
        empty_app.push_screen(screen)
        await settle(pilot)
        status = str(screen.query_one("#import-status").render())
        assert "line 2: '03/04/2026' could be Fri 3 Apr 2026 (day/month)" in status
        choice = screen.query_one("#import-dates", Select)
        assert choice.display and choice.has_focus
        choice.value = "mdy"
        await settle(pilot)
        assert "2 rows can be imported" in str(screen.query_one("#import-status").render())
        assert screen.plan is not None
        assert screen.plan.dates == "mdy"  # the rows are read again, so, when imported
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert empty_app.store is not None
        assert sorted(str(r.applied_on) for r in empty_app.store.views.applications()) == [
            "2026-03-04",
            "2026-05-06",
        ]


async def test_a_file_larger_than_the_old_limit_is_previewed_counted_and_imported(
    empty_app: PursuitApp, tmp_path: Path
):
    sheet = over_the_old_limit(tmp_path / "big.csv")
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ImportScreen(str(sheet))
        empty_app.push_screen(screen)
        await settle(pilot)
        assert "26 rows can be imported" in str(screen.query_one("#import-status").render())
        assert screen.query_one("#import-preview", DataTable).row_count == 5
        # Counted, not held: the rows are read again as they are written.
        assert screen.plan is not None and screen.plan.rows == []
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert empty_app.store is not None
        companies = {r.company for r in empty_app.store.views.applications()}
        assert len(companies) == 26 and "The Last Company" in companies


async def test_the_preview_is_read_from_the_first_rows_alone(empty_app: PursuitApp, tmp_path: Path):
    """The first rows are shown without reading on: a fault far into the file is found by the
    count that follows, with the preview already there."""
    sheet = tmp_path / "broken.csv"
    rows = "".join(f"Company {i},Engineer\n" for i in range(20_000))
    sheet.write_bytes(b"Company,Role\n" + rows.encode() + b"Caf\xe9 Bleu,Engineer\n")
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = ImportScreen(str(sheet))
        empty_app.push_screen(screen)
        await settle(pilot)
        assert "broken.csv is not UTF-8 text" in str(screen.query_one("#import-status").render())
        preview = screen.query_one("#import-preview", DataTable)
        assert preview.row_count == 5 and str(preview.get_row_at(0)[0]) == "Company 0"
        assert screen.query_one("#import", Button).disabled
