"""An interview at 01:30 on the night New York's clocks go back says which 01:30 it is."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable, OptionList, Static

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.interview import InterviewScreen

from .conftest import SIZE, open_interview, settle

NEW_YORK = ZoneInfo("America/New_York")
#: Thursday before the night of Sat 31 Oct - Sun 1 Nov 2026, when 01:00-01:59 happens twice.
THURSDAY = datetime(2026, 10, 29, 9, 0, tzinfo=NEW_YORK)


def after_day(text: str) -> str:
    """`Sun 1 Nov 01:30 (UTC-4)` without its day."""
    return " ".join(text.split()[3:])


@pytest.fixture
def in_new_york() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        os.environ["TZ"] = before or "UTC"
        time.tzset()


def test_the_command_line_says_which_one_it_recorded(
    db_path: Path, in_new_york: None, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FixedClock(THURSDAY)
    assert main(["--db", str(db_path), "add", "Acme", "Dev"], clock=clock) == 0
    capsys.readouterr()
    argv = ["--db", str(db_path), "interview", "1", "--at", "Nov 1 1:30am"]
    assert main(argv, clock=clock) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "1"
    assert "01:30 on Sun 1 Nov happens twice" in err and "01:30 (UTC-4)" in err
    assert main([*argv[:-1], "Nov 1 3:30am"], clock=clock) == 0
    assert capsys.readouterr().err == ""
    store = Store.open(db_path, clock)
    try:
        starts = sorted(iv.starts_at.astimezone(UTC) for iv in store.views.detail(1).interviews)
    finally:
        store.close()
    assert starts == [
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        datetime(2026, 11, 1, 8, 30, tzinfo=UTC),
    ]


async def test_the_screens_show_the_offset_of_a_repeated_time_only(
    db_path: Path, in_new_york: None
) -> None:
    clock = FixedClock(THURSDAY)
    store = Store.open(db_path, clock)
    app_id = store.applications.add_application("Acme", "Dev")
    for hour in (5, 6, 9):  # 01:30 EDT, 01:30 EST, 04:30 EST
        store.people.add_interview(app_id, datetime(2026, 11, 1, hour, 30, tzinfo=UTC))
    store.close()
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = app.screen.query_one("#today-interviews", DataTable)
        times = sorted(after_day(str(table.get_row_at(i)[0])) for i in range(table.row_count))
        assert times == ["01:30 (UTC-4)", "01:30 (UTC-5)", "04:30"]
        await pilot.press("escape")
        app.open_application(app_id)
        await settle(pilot)
        listed = app.screen.query_one("#app-interviews", OptionList)
        shown = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert [after_day(s.split("  ")[0]) for s in shown] == [
            "04:30",
            "01:30 (UTC-5)",
            "01:30 (UTC-4)",
        ]
        await open_interview(pilot, 2)
        assert isinstance(app.screen, InterviewScreen)
        title = str(app.screen.query_one("#iv-title", Static).render())
        assert "01:30 (UTC-4)" in title
