"""A key that needs the store, typed while the store is still opening, acts once it is open.

The opening is held on an event, so the keys always arrive before the store is there.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from pursuit.domain.clock import FixedClock
from pursuit.domain.records import DueRow
from pursuit.store import queries
from pursuit.store.demo import seed
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.widgets.application_table import ApplicationTable

from .conftest import SIZE, settle


@pytest.fixture
def held_open(
    db_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[threading.Event, threading.Event]]:
    """A demo file already made, and the app's opening of it held until `release` is set."""
    store = Store.open(db_path, clock)
    seed(store)
    store.close()
    opening, release = threading.Event(), threading.Event()
    real = Store.open.__func__  # type: ignore[attr-defined]

    def held(cls: type[Store], *args: Any, **kwargs: Any) -> Store:
        opening.set()
        release.wait(10)
        return real(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(Store, "open", classmethod(held))
    yield opening, release
    release.set()  # never leave the worker waiting


def open_follow_ups(db_path: Path, clock: FixedClock) -> list[DueRow]:
    """What is open now, most overdue first (Today's order), read beside the app."""
    with closing(sqlite3.connect(db_path)) as conn:
        return queries.due(conn, clock.now())


async def until(pilot: Pilot, done: Any) -> None:
    """Let the app run until DONE() (never a sleep: a frame at a time, for at most 5 s)."""
    for _ in range(500):
        if done():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app did not get there")


async def test_t_then_d_typed_while_the_store_opens_dismisses_the_first_follow_up(
    db_path: Path, clock: FixedClock, held_open: tuple[threading.Event, threading.Event]
) -> None:
    opening, release = held_open
    first = open_follow_ups(db_path, clock)[0]
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        assert await asyncio.to_thread(opening.wait, 5)
        await pilot.press("t", "d")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert app.store is None, "the store opened before the keys: the test proves nothing"
        release.set()
        await settle(pilot)
        assert app.last_dismissed is not None
        assert (app.last_dismissed.application_id, app.last_dismissed.action) == (
            first.application_id,
            first.action,
        )
        after = open_follow_ups(db_path, clock)
        assert (first.application_id, first.action, first.contact_name) not in {
            (r.application_id, r.action, r.contact_name) for r in after
        }


async def test_d_typed_on_an_application_while_the_store_opens_dismisses_its_follow_up(
    db_path: Path, clock: FixedClock, held_open: tuple[threading.Event, threading.Event]
) -> None:
    opening, release = held_open
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        assert await asyncio.to_thread(opening.wait, 5)
        # The pipeline's first rows come straight from the file, before the store.
        await until(pilot, lambda: app.screen.query("#pipeline").first().row_count > 0)  # type: ignore[attr-defined]
        chosen = app.screen.query_one("#pipeline").selected  # type: ignore[attr-defined]
        await pilot.press("enter", "d")
        await until(pilot, lambda: isinstance(app.screen, ApplicationScreen))
        assert app.store is None, "the store opened before the keys: the test proves nothing"
        release.set()
        await settle(pilot)
        assert app.last_dismissed is not None
        assert app.last_dismissed.application_id == chosen.id


async def test_x_typed_on_the_first_rows_while_the_store_opens_archives_that_row(
    db_path: Path, clock: FixedClock, held_open: tuple[threading.Event, threading.Event]
) -> None:
    opening, release = held_open
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        assert await asyncio.to_thread(opening.wait, 5)
        table = app.screen.query_one(ApplicationTable)
        await until(pilot, lambda: table.row_count > 0)
        chosen = table.selected
        assert chosen is not None
        await pilot.press("x")
        await pilot.pause()
        assert app.store is None, "the store opened before the key: the test proves nothing"
        release.set()
        await settle(pilot)
        assert chosen.id not in {e.id for e in table.rows}
        with closing(sqlite3.connect(db_path)) as conn:
            (archived,) = conn.execute(
                "SELECT archived FROM application WHERE id = ?", (chosen.id,)
            ).fetchone()
        assert archived == 1
