"""At the turn of the year, Today's days carry their year (`Fri 1 Jan 2027 16:00`): at 80x24
the names give way to them, and no table runs past the screen's edge."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.widgets import DataTable

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.today import TodayScreen

from .conftest import settle

SMALL = (80, 24)


async def test_next_years_days_fit_todays_tables_at_80x24(db_path: Path) -> None:
    clock = FixedClock(datetime(2026, 12, 30, 10, 0, tzinfo=UTC))
    store = Store.open(db_path, clock)
    try:
        app_id = store.applications.add_application(
            "Northwind Analytics International",
            "Senior Data Platform Engineer",
            applied_on=date(2026, 12, 28),
        )
        store.people.add_interview(
            app_id,
            datetime(2027, 1, 1, 16, 0, tzinfo=UTC),
            kind="onsite",
            round_name="Onsite with the whole platform team",
            interviewers=["Alexandra Longname-Smythe", "Bartholomew Okonkwo"],
        )
        store.people.add_interview(
            app_id, datetime(2026, 12, 31, 9, 0, tzinfo=UTC), interviewers=["Ann Lee"]
        )
    finally:
        store.close()
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        interviews = app.screen.query_one("#today-interviews", DataTable)
        due = app.screen.query_one("#today-due", DataTable)
        whens = [str(interviews.get_row_at(i)[0]) for i in range(interviews.row_count)]
        assert "Fri 1 Jan 2027 16:00" in whens
        assert due.row_count  # the Dec 31 interview to prepare
        for table in (interviews, due):
            assert table.virtual_size.width <= table.scrollable_content_region.width, (
                table.id,
                table.virtual_size.width,
                table.scrollable_content_region.width,
            )


def test_a_long_day_takes_its_cells_from_the_names_in_order_none_below_six() -> None:
    from pursuit.tui.screens.today import NARROW_DUE, making_room

    assert making_room(NARROW_DUE, ["tomorrow 13:00"], ("role", "who")) == NARROW_DUE
    wider = making_room(NARROW_DUE, ["Wed 30 Dec 2027 16:00"], ("role", "who"))
    assert wider == {**NARROW_DUE, "role": 6, "who": 10}
    widest = making_room(NARROW_DUE, ["x" * 30], ("role", "who"))
    assert widest == {**NARROW_DUE, "role": 6, "who": 6}
