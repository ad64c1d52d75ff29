"""The ticker and the Today view, with time moved by hand (nothing sleeps)."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Label

from pursuit.domain.clock import FixedClock
from pursuit.domain.moments import from_db, to_db
from pursuit.store import queries
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.screens.today import TodayScreen, countdown
from pursuit.tui.widgets.application_table import ApplicationTable

from .conftest import SIZE, settle


def messages(app: PursuitApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


def row_of(app: PursuitApp, table_id: str, text: str) -> list[str]:
    table = app.screen.query_one(table_id)
    for i in range(table.row_count):  # type: ignore[attr-defined]
        if isinstance(table, ApplicationTable):
            cells = table.cells(i)
        else:
            assert isinstance(table, DataTable)
            cells = [str(c) for c in table.get_row_at(i)]
        if any(text in c for c in cells):
            return cells
    raise AssertionError(f"no row with {text!r}")


async def test_rows_turn_overdue_as_time_passes_with_a_toast(
    demo_app: PursuitApp, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        before = demo_app.overdue
        assert row_of(demo_app, "#pipeline", "Northwind")[4].startswith("•")
        clock.advance(hours=4, minutes=1)  # the panel's thank-yous were due at 14:00
        demo_app.tick()
        await settle(pilot)
        assert demo_app.overdue == before + 2
        assert row_of(demo_app, "#pipeline", "Northwind")[4].startswith("!")
        toasts = messages(demo_app)
        assert any("Now overdue" in t and "Hannah Lee" in t for t in toasts)
        assert any("Now overdue" in t and "Tomás Ortega" in t for t in toasts)
        assert f"{before + 2} overdue" in demo_app.sub_title


async def test_the_ticker_is_a_timer_at_the_set_interval(db_path: Path, clock: FixedClock):
    # The timer is Textual's; what pursuit decides is its interval and what it calls.
    app = PursuitApp(db_path, clock, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.store is not None
        ticker = app._ticker
        assert ticker is not None and ticker.name == "ticker"
        assert ticker._interval == 30.0 and ticker._callback == app.tick
        app.store.settings.set_many({"ticker_seconds": "5"})
        app.apply_settings(app.store.settings.values())
        assert app._ticker is not ticker and app._ticker._interval == 5.0


async def test_another_process_changes_show_up_on_the_next_tick(
    demo_app: PursuitApp, db_path: Path, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = Store.open(db_path, clock)
        other.applications.add_application("Written Elsewhere", "From the command line")
        other.close()
        demo_app.tick()
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)
        assert row_of(demo_app, "#pipeline", "Written Elsewhere")


async def test_today_lists_interviews_and_follow_ups_and_marks_one_sent(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        onsite = row_of(demo_app, "#today-interviews", "Lumen Health")
        assert onsite[1] == "in 1d 3h" and "Omar Haddad" in onsite[4]
        table = demo_app.screen.query_one("#today-due", DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert cells[0][0] == "!"  # most overdue first
        hannah = next(i for i, c in enumerate(cells) if c[3] == "Hannah Lee")
        table.move_cursor(row=hannah)
        await pilot.press("s")
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        assert all(
            c[3] != "Hannah Lee"
            for c in ([str(x) for x in table.get_row_at(i)] for i in range(table.row_count))
        )
        assert any(str(table.get_row_at(i)[3]) == "Tomás Ortega" for i in range(table.row_count))


async def test_dismiss_from_today(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = demo_app.screen.query_one("#today-due", DataTable)
        cobalt = next(
            i for i in range(table.row_count) if str(table.get_row_at(i)[4]) == "Cobalt Systems"
        )
        table.move_cursor(row=cobalt)
        await pilot.press("d")
        await settle(pilot)
        assert all(str(table.get_row_at(i)[4]) != "Cobalt Systems" for i in range(table.row_count))
        await pilot.press("escape")
        assert isinstance(demo_app.screen, PipelineScreen)


async def test_quitting_while_a_tick_reads_waits_for_it(
    demo_app: PursuitApp, monkeypatch: pytest.MonkeyPatch
):
    # Closing the ticker's connection under a running query crashed the process on quit.
    reading, release = threading.Event(), threading.Event()
    finished: list[int] = []
    real = queries.preparation

    def slow(*args: Any, **kwargs: Any) -> Any:
        reading.set()
        release.wait(5)  # a query still running when the app closes
        rows = real(*args, **kwargs)
        finished.append(len(rows))
        return rows

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(queries, "preparation", slow)
        demo_app.tick()
        assert await asyncio.to_thread(reading.wait, 5)
        threading.Timer(0.2, release.set).start()
    assert finished, "the tick's query ran on a closed connection"
    assert demo_app._tick_conn is not None and demo_app._closing


def test_countdown_words() -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 11, 18, 10, tzinfo=UTC)
    assert countdown(now + timedelta(minutes=42), now) == "in 42m"
    assert countdown(now + timedelta(hours=3, minutes=5), now) == "in 3h 05m"
    assert countdown(now + timedelta(days=2, hours=6), now) == "in 2d 6h"
    assert countdown(now - timedelta(minutes=1), now) == "started"


async def test_a_tick_reads_only_the_interviews_that_came_within_a_day(
    demo_app: PursuitApp, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    from datetime import timedelta

    windows: list[tuple[Any, Any]] = []
    real = queries.preparation

    def spy(conn: Any, start: Any, end: Any, **kwargs: Any) -> Any:
        windows.append((start, end))
        return real(conn, start, end, **kwargs)

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(queries, "preparation", spy)
        flagged: list[int] = []
        for hours in (4, 20, 30):  # one comes within a day, then it starts, then is past
            before = clock.now()
            clock.advance(hours=hours)
            demo_app.tick()
            await settle(pilot)
            # Only the slice that came in reach was read...
            assert windows[-1] == (before + timedelta(hours=24), clock.now() + timedelta(hours=24))
            # ...and the list is what a full read gives.
            assert demo_app.store is not None
            with demo_app.store.reader() as conn:
                fresh = [
                    (iv.id, settled, total)
                    for iv, settled, total in real(
                        conn, clock.now(), clock.now() + timedelta(hours=24)
                    )
                    if settled < total
                ]
            assert [(p.interview.id, p.settled, p.total) for p in demo_app.prepare_rows] == fresh
            flagged.append(len(fresh))
    assert flagged[0] > 0 and flagged[-1] == 0  # the onsite came within a day, then passed


def _what(action: str) -> str:
    """The follow-up an action names: "Prepare onsite (0/17)" and "Prepare (0/17)" alike."""
    words = action.split(" · ")[0].split(" (")[0]
    return "Prepare" if words.startswith("Prepare") else words


def _pipeline_markers(app: PursuitApp) -> dict[tuple[str, str], str]:
    """(company, next action) -> the marker in front of its Due day, line by line."""
    table = app.screen.query_one(ApplicationTable)
    found = {}
    for i in range(table.row_count):
        company, _role, _stage, action, due, _contact = table.cells(i)
        if due:
            found[(company, _what(action))] = due[0]
    return found


async def test_a_follow_up_has_the_same_marker_on_the_pipeline_and_in_today(
    demo_app: PursuitApp, clock: FixedClock
) -> None:
    """Issue 19 item 7: "Answer the offer" was `•` on the pipeline and `·` in Today, and a
    Prepare was `•` on one and `!` on the other."""
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Lumen's onsite within a day: its preparation is listed in Today too.
        clock.advance(hours=4)
        demo_app.tick()
        await settle(pilot)
        on_pipeline = _pipeline_markers(demo_app)
        await pilot.press("t")
        await settle(pilot)
        table = demo_app.screen.query_one("#today-due", DataTable)
        compared = []
        for i in range(table.row_count):
            marker, _due, action, _who, company, _role = (str(c) for c in table.get_row_at(i))
            key = (company, _what(action))
            if key in on_pipeline:
                assert on_pipeline[key] == marker, (key, on_pipeline[key], marker)
                compared.append(key[1])
        assert "Answer the offer" in compared and "Prepare" in compared, compared


def today_counts_and_markers(app: PursuitApp) -> tuple[str, dict[str, int]]:
    """Today's follow-ups title, and how many of its follow-up rows carry each marker."""
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    title = str(screen.query_one("#follow-ups-title", Label).render())
    table = screen.query_one("#today-due", DataTable)
    markers = [str(table.get_row_at(i)[0]) for i in range(len(screen.prepare), table.row_count)]
    return title, {m: markers.count(m) for m in set(markers)}


async def test_todays_counts_are_of_the_rows_markers_as_time_passes(
    demo_app: PursuitApp, clock: FixedClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        title, marked = today_counts_and_markers(demo_app)
        # The demo holds a deadline whose row says due (•) and whose date is a later day.
        assert f"{marked['!']} overdue (!), {marked['•']} due (•)" in title, (title, marked)
        assert demo_app.store is not None
        with demo_app.store.reader() as conn:
            (opens,) = conn.execute(
                "SELECT min(opens_at) FROM follow_up WHERE opens_at > ?", (to_db(clock.now()),)
            ).fetchone()
        # The ticker reads the clock just after the next follow-up opened.
        clock.moment = from_db(opens) + timedelta(minutes=1)
        demo_app.tick()
        await settle(pilot)
        title, now_marked = today_counts_and_markers(demo_app)
        assert sum(now_marked.values()) > sum(marked.values())  # it is among the rows
        assert f"{now_marked['!']} overdue (!), {now_marked['•']} due (•)" in title, title
