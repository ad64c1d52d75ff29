"""Every main screen is usable on an 80x24 terminal: what matters is on screen, nothing wraps.

Read from what the app draws (its own screenshot), not from the widgets' data.
"""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot

from pursuit.domain.stages import STAGES, label
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.insights import InsightsScreen
from pursuit.tui.screens.key_help import KeyHelp
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.widgets.application_table import ApplicationTable
from pursuit.tui.widgets.stage_bar import StageBar
from tests.tour import SCREENS, quiet, screen_text

from .conftest import settle

SMALL = (80, 24)


def lines(pilot: Pilot) -> list[str]:
    """The screen's text a line at a time."""
    text = screen_text(pilot)
    rows = text.split("\n")
    assert len(rows) >= SMALL[1], "the screenshot's text has no line breaks"
    return rows


def footer(pilot: Pilot) -> str:
    return [row for row in lines(pilot) if row.strip()][-1]


async def test_the_pipeline_at_80x24(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        demo_app.clear_notifications()
        await pilot.pause()
        shown = screen_text(pilot)
        table = demo_app.screen.query_one("#pipeline", ApplicationTable)
        # A company reads in full up to 17 characters, and longer ones by their first 16.
        for entry in table.rows:
            assert entry.company[:16] in shown, entry.company
        # Every stage holding an application keeps its key and count on the stage bar.
        counts = demo_app.screen.query_one(StageBar).counts
        bar = lines(pilot)[1]
        for key, stage in enumerate(STAGES, start=1):
            if counts.get(stage):
                assert re.search(rf"{key}[A-Z][a-z.]* {counts[stage]}\b", bar), (stage, bar)
        keys = footer(pilot)
        for essential in ("a Add", "n Next stage", "/ Filter", "f1 Help", "t Today", "q Quit"):
            assert essential in keys, (essential, keys)


async def test_today_at_80x24(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        demo_app.clear_notifications()
        await pilot.pause()
        rows = lines(pilot)
        headers = [r for r in rows if "Countdown" in r or "Action" in r]
        assert len(headers) == 2, rows
        assert headers[0].split()[-1] == "Prep", headers[0]
        assert headers[1].split()[-1] == "Role", headers[1]
        # Each follow-up's role starts on its line, after its company.
        shown = screen_text(pilot)
        for row in demo_app.screen.due:
            assert row.role[:8] in shown, row.role
        keys = footer(pilot)
        for essential in ("esc Back", "s Mark sent", "f1 Help", "t Today", "q Quit"):
            assert essential in keys, (essential, keys)


async def test_insights_at_80x24(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(demo_app.screen, InsightsScreen)
        await pilot.pause()
        rows = lines(pilot)
        # The funnel's lines: a stage, its count, then its bar on the same line (not wrapped).
        stages = "|".join(label(s) for s in STAGES)
        funnel = [m for r in rows if (m := re.match(rf"\s*({stages})\s+(\d+)(.*)", r))]
        assert len(funnel) >= 4, rows
        for line in funnel:
            if int(line[2]):
                assert re.match(r"\s+█+", line[3]), line[0]


async def test_the_archive_footer_says_z_goes_back_at_80x24(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "z Archive" in footer(pilot)
        await pilot.press("z")
        await settle(pilot)
        demo_app.clear_notifications()
        await pilot.pause()
        keys = footer(pilot)
        assert "z Archive" not in keys, keys
        for essential in ("x Restore", "z Pipeline", "f1 Help", "t Today", "q Quit"):
            assert essential in keys, (essential, keys)
        await pilot.press("z")
        await settle(pilot)
        assert not demo_app.screen.show_archived  # type: ignore[attr-defined]
        assert "z Archive" in footer(pilot)


async def test_the_application_screen_at_80x24(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        demo_app.clear_notifications()
        await pilot.pause()
        # The left pane's lines, read down (the history pane is right of the "▏").
        left = re.sub(r"\s+", " ", " ".join(r.split("▏")[0] for r in lines(pilot)))
        assert "What's next (enter: write, s: mark sent, d: dismiss)" in left, left
        keys = footer(pilot)
        for essential in ("esc Back", "e Edit", "l Log", "n Next stage", "k Prepare"):
            assert essential in keys, (essential, keys)
        for essential in ("f1 Help", "t Today", "q Quit"):
            assert essential in keys, (essential, keys)


async def test_a_next_action_cut_at_80x24_keeps_its_count(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        demo_app.clear_notifications()
        await pilot.pause()
        table = demo_app.screen.query_one("#pipeline", ApplicationTable)
        rows = lines(pilot)
        preparing = [
            (cells[0], cells[3])
            for i in range(table.row_count)
            if (cells := table.cells(i))[3].startswith("Prepare ")
        ]
        assert preparing, "the demo has interviews to prepare"
        for company, action in preparing:
            count = re.search(r"\(\d+/\d+\)$", action)
            assert count, action
            line = next(r for r in rows if r.startswith(f"│ {company[:12]}"))
            assert re.search(rf"Prepare\S*( \S+)? {re.escape(count[0])}", line), (action, line)


HELP_HINT = "up/down, page up/down: scroll · escape: close"


async def _help_reaches_its_end(pilot: Pilot, where: str) -> None:
    """F1 then end shows the help's last key and its closing line, inside the terminal."""
    app = pilot.app
    await pilot.press("f1")
    await settle(pilot)
    assert isinstance(app.screen, KeyHelp), where
    await pilot.press("end")
    await settle(pilot)
    shown = lines(pilot)[: SMALL[1]]
    text = "\n".join(shown)
    assert HELP_HINT in text, (where, shown)
    last_key = app.screen.groups[-1][1][-1]
    assert last_key[1] in text, (where, last_key, shown)
    await pilot.press("escape")
    await settle(pilot)


@pytest.mark.parametrize("name", list(SCREENS))
async def test_f1_scrolls_to_its_end_at_80x24(demo_app: PursuitApp, name: str) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        stop = SCREENS[name]
        await settle(pilot)
        await stop.steps(pilot)
        await settle(pilot)
        assert isinstance(demo_app.screen, stop.screen), name
        quiet(pilot)
        await _help_reaches_its_end(pilot, name)


async def test_the_archives_f1_scrolls_to_its_end_at_80x24(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert demo_app.screen.show_archived  # type: ignore[attr-defined]
        quiet(pilot)
        await _help_reaches_its_end(pilot, "archive")
