"""Pictures of the screens on demo data at a fixed moment (pytest-textual-snapshot).

Regenerate after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp

from .conftest import SIZE, open_interview, settle


def _app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, demo=True, tick_seconds=3600)


def test_pipeline_snapshot(snap_compare, db_path: Path, clock: FixedClock) -> None:
    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=settle)


def test_today_snapshot(snap_compare, db_path: Path, clock: FixedClock) -> None:
    async def open_today(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)

    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=open_today)


def test_application_snapshot(snap_compare, db_path: Path, clock: FixedClock) -> None:
    async def open_northwind(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"northwind", "enter", "enter")
        await settle(pilot)

    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=open_northwind)


def test_form_snapshot(snap_compare, db_path: Path, clock: FixedClock) -> None:
    async def bad_date(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("a", *"Acme", "tab", *"Engineer")
        pilot.app.screen.query_one("#f-applied").value = "someday"
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=bad_date)


def test_interview_snapshot(snap_compare, db_path: Path, clock: FixedClock) -> None:
    async def open_panel(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"northwind", "enter", "enter")
        await settle(pilot)
        await open_interview(pilot)
        await settle(pilot)

    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=open_panel)


def test_draft_editor_snapshot(snap_compare, db_path: Path, clock: FixedClock) -> None:
    async def open_draft(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = pilot.app.screen.query_one("#today-due", DataTable)
        row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[3]) == "Hannah Lee")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=open_draft)


def test_checklist_and_walk_snapshots(snap_compare, db_path: Path, clock: FixedClock) -> None:
    async def open_checklist(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"lumen", "enter", "enter")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("space", "space")
        await settle(pilot)

    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=open_checklist)


def test_walk_snapshot(snap_compare, db_path: Path, clock: FixedClock) -> None:
    async def walk(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"lumen", "enter", "enter")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("w", "space", "s")
        await settle(pilot)

    assert snap_compare(_app(db_path, clock), terminal_size=SIZE, run_before=walk)
