"""Writes that meet a busy file wait in memory, with a notice, and are stored once it is free."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.draft import DraftEditor
from pursuit.tui.screens.log_event import LogEvent
from pursuit.tui.screens.unsaved import UnsavedOnQuit

from .conftest import SIZE, settle
from .test_application_and_interview import open_application

NOTE = "Recruiter said the team lead is back on Monday"


@pytest.fixture(autouse=True)
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each write waits this long for the lock before it counts as busy (15 s in use).
    monkeypatch.setenv("PURSUIT_BUSY_TIMEOUT", "0.2")


@pytest.fixture
def lock_holder(db_path: Path) -> Iterator[Callable[[], sqlite3.Connection]]:
    """Another program's connection; calling it takes the write lock (BEGIN IMMEDIATE)."""
    conns: list[sqlite3.Connection] = []

    def hold() -> sqlite3.Connection:
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conns.append(conn)
        return conn

    yield hold
    for conn in conns:
        conn.close()


def messages(app: PursuitApp) -> list[str]:
    return [n.message for n in app._notifications]


def notes_stored(db_path: Path, text: str) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM activity WHERE note = ?", (text,)).fetchone()[0]


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 8.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not come true in time")
        await pilot.pause(0.05)


async def write_note(pilot: Pilot, text: str) -> None:
    await pilot.press("w")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, LogEvent))
    pilot.app.screen.query_one("#f-note", TextArea).insert(text)
    await pilot.press("ctrl+s")


def busy_notice(app: PursuitApp) -> bool:
    return any("is busy (another program is writing to it)" in m for m in messages(app))


async def test_a_note_typed_while_the_file_is_busy_is_kept_then_stored(
    demo_app: PursuitApp, db_path: Path, lock_holder
):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        other = lock_holder()
        await write_note(pilot, NOTE)
        await wait_until(pilot, lambda: busy_notice(demo_app))
        assert "your note is kept and will be saved when it is free" in " ".join(messages(demo_app))
        assert "Noted" not in messages(demo_app)  # not before it is committed
        assert demo_app.is_running and demo_app.return_code is None
        assert notes_stored(db_path, NOTE) == 0
        other.execute("ROLLBACK")  # the other program is done
        await wait_until(pilot, lambda: notes_stored(db_path, NOTE) == 1)
        await wait_until(pilot, lambda: "Noted" in messages(demo_app))
        assert not busy_notice(demo_app)
        assert demo_app.pending_writes == []


async def test_writes_held_by_a_busy_file_are_stored_in_order_and_the_draft_once(
    demo_app: PursuitApp, db_path: Path, lock_holder
):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        await pilot.press("r")  # a message: pick a template, then type into the draft
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(demo_app.screen, DraftEditor))
        editor = demo_app.screen
        await wait_until(pilot, lambda: editor.opened is not None)
        other = lock_holder()
        body = editor.query_one("#draft-body", TextArea)
        body.insert("Early words. ")
        editor.action_save()
        body.insert("Later words.")
        editor.action_save()
        await pilot.press("escape")  # leaving hands over the rest
        await write_note(pilot, "first")
        await wait_until(pilot, lambda: busy_notice(demo_app))
        await write_note(pilot, "second")
        await wait_until(pilot, lambda: len(demo_app.pending_writes) >= 3)
        assert "Noted" not in messages(demo_app)
        other.execute("ROLLBACK")
        await wait_until(pilot, lambda: demo_app.pending_writes == [])
        with sqlite3.connect(db_path) as conn:
            notes = [
                r[0]
                for r in conn.execute(
                    "SELECT note FROM activity WHERE note IN ('first', 'second') ORDER BY id"
                )
            ]
            drafts = [
                r[0] for r in conn.execute("SELECT body FROM draft WHERE body LIKE '%Early%'")
            ]
        assert notes == ["first", "second"]
        assert len(drafts) == 1 and "Early words. Later words." in drafts[0]
        await wait_until(pilot, lambda: not busy_notice(demo_app))


async def test_quitting_while_busy_asks_and_keeps_the_note_in_a_recovery_file(
    demo_app: PursuitApp, db_path: Path, lock_holder
):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        lock_holder()
        await write_note(pilot, NOTE)
        await wait_until(pilot, lambda: busy_notice(demo_app))
        await pilot.press("q")
        # One more try, then the question: the app does not leave on its own.
        await wait_until(pilot, lambda: isinstance(demo_app.screen, UnsavedOnQuit))
        assert demo_app.is_running
        await pilot.press("n")  # keep waiting
        assert not isinstance(demo_app.screen, UnsavedOnQuit)
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(demo_app.screen, UnsavedOnQuit))
        await pilot.press("y")
        await wait_until(pilot, lambda: demo_app.return_code is not None)
    recovery = db_path.with_name(db_path.name + ".unsaved.txt")
    assert NOTE in recovery.read_text()
    assert notes_stored(db_path, NOTE) == 0


async def test_quitting_once_the_file_is_free_stores_what_waited_and_leaves(
    demo_app: PursuitApp, db_path: Path, lock_holder
):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        other = lock_holder()
        await write_note(pilot, NOTE)
        await wait_until(pilot, lambda: busy_notice(demo_app))
        other.execute("ROLLBACK")
        await pilot.press("q")
        await wait_until(pilot, lambda: demo_app.return_code is not None)
    assert notes_stored(db_path, NOTE) == 1
    assert not db_path.with_name(db_path.name + ".unsaved.txt").exists()


async def test_an_app_opened_on_a_busy_file_keeps_running(
    db_path: Path, clock: FixedClock, lock_holder
):
    app = PursuitApp(db_path, clock, demo=True, tick_seconds=3600)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        other = lock_holder()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await wait_until(pilot, lambda: busy_notice(app))
        other.execute("ROLLBACK")
        await wait_until(pilot, lambda: app.pending_writes == [] and not busy_notice(app))
        assert app.return_code is None


async def test_a_write_waiting_for_the_lock_says_so_before_the_wait_runs_out(
    demo_app: PursuitApp, db_path: Path, lock_holder, monkeypatch: pytest.MonkeyPatch
):
    from pursuit.tui import saving

    monkeypatch.setenv("PURSUIT_BUSY_TIMEOUT", "20")  # as in use: far longer than the test
    monkeypatch.setattr(saving, "SLOW_SECONDS", 0.2)
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        other = lock_holder()
        await write_note(pilot, NOTE)
        waiting = "is taking a while (another program may be writing to it); your note is kept"
        await wait_until(pilot, lambda: any(waiting in m for m in messages(demo_app)))
        assert "Noted" not in messages(demo_app)
        other.execute("ROLLBACK")  # the write, still waiting inside SQLite, goes through
        await wait_until(pilot, lambda: "Noted" in messages(demo_app))
        assert notes_stored(db_path, NOTE) == 1
        assert not any(waiting in m for m in messages(demo_app))


async def test_when_the_recovery_file_cannot_be_written_either_quitting_asks_again(
    demo_app: PursuitApp, db_path: Path, lock_holder
):
    recovery = db_path.with_name(db_path.name + ".unsaved.txt")
    recovery.mkdir()  # in the way: the copy cannot be written
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        lock_holder()
        await write_note(pilot, NOTE)
        await wait_until(pilot, lambda: busy_notice(demo_app))
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(demo_app.screen, UnsavedOnQuit))
        await pilot.press("y")
        await wait_until(
            pilot,
            lambda: (
                isinstance(demo_app.screen, UnsavedOnQuit)
                and "could not be written either" in demo_app.screen.question
            ),
        )
        await pilot.press("n")  # stay: the note is still waiting
        assert demo_app.is_running and len(demo_app.pending_writes) == 1
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(demo_app.screen, UnsavedOnQuit))
        await pilot.press("y")
        await wait_until(
            pilot, lambda: "could not be written either" in getattr(demo_app.screen, "question", "")
        )
        await pilot.press("y")  # quit and lose it, knowingly
        await wait_until(pilot, lambda: demo_app.return_code is not None)
    assert demo_app.return_code == 1


async def test_a_tick_and_a_note_on_a_busy_checklist_are_kept_then_stored(
    demo_app: PursuitApp, db_path: Path, lock_holder
):
    from textual.widgets import OptionList

    from pursuit.tui.screens.checklist import ChecklistScreen
    from pursuit.tui.screens.text_prompt import TextPrompt

    from .conftest import open_interview

    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        await open_interview(pilot)
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(demo_app.screen, ChecklistScreen))
        screen = demo_app.screen
        assert isinstance(screen, ChecklistScreen)
        await wait_until(pilot, lambda: bool(screen.rows))
        row = screen.selected()
        assert row is not None and row.state == "open"
        other = lock_holder()
        await pilot.press("space")
        await pilot.press("up")  # back to the ticked item, for its notes
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(demo_app.screen, TextPrompt))
        demo_app.screen.query_one(TextArea).insert("Ask about the on-call rota")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: busy_notice(demo_app))
        assert demo_app.screen is screen and demo_app.is_running
        # What was done is on screen and waiting in memory, not lost.
        assert next(r for r in screen.rows if r.id == row.id).state == "done"
        items = screen.query_one(OptionList)
        assert any(
            "[x]" in str(items.get_option_at_index(i).prompt)
            and row.text in str(items.get_option_at_index(i).prompt)
            for i in range(items.option_count)
        )
        assert any("Ask about the on-call rota" in p.kept for p in demo_app.pending_writes)
        with sqlite3.connect(db_path) as conn:
            assert conn.execute(
                "SELECT state FROM checklist_item WHERE id = ?", (row.id,)
            ).fetchone() == ("open",)
        other.execute("ROLLBACK")
        await wait_until(pilot, lambda: demo_app.pending_writes == [])
        with sqlite3.connect(db_path) as conn:
            assert conn.execute(
                "SELECT state, notes FROM checklist_item WHERE id = ?", (row.id,)
            ).fetchone() == ("done", "Ask about the on-call rota")
        assert not busy_notice(demo_app)
