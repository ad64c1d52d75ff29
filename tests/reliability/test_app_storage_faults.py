"""The app and its file: deleted, replaced, full or read-only under it, nothing typed is lost."""

from __future__ import annotations

import fcntl
import os
import pty
import sqlite3
import struct
import termios
from pathlib import Path

import pytest
from sqlalchemy import event

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.saving import storage_fault
from pursuit.tui.screens.unsaved import UnsavedOnQuit
from tests.support.processes import pursuit_argv
from tests.support.terminal import Terminal
from tests.tui.conftest import SIZE, settle
from tests.tui.test_application_and_interview import open_application
from tests.tui.test_write_retry import messages, notes_stored, wait_until, write_note

NOTE = "Ask about the on-call rota in the next round"


@pytest.fixture(autouse=True)
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PURSUIT_BUSY_TIMEOUT", "0.2")


@pytest.fixture
def demo_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, demo=True, tick_seconds=3600)


def recovery_of(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".unsaved.txt")


async def quit_keeping(pilot, app: PursuitApp) -> None:
    await pilot.press("q")
    await wait_until(pilot, lambda: isinstance(app.screen, UnsavedOnQuit))
    await pilot.press("y")
    await wait_until(pilot, lambda: app.return_code is not None)


async def test_a_deleted_file_is_noticed_nothing_more_is_written_and_the_note_is_kept(
    demo_app: PursuitApp, db_path: Path
):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        os.remove(db_path)
        demo_app.tick()
        await wait_until(
            pilot, lambda: any(f"{db_path} was deleted" in m for m in messages(demo_app))
        )
        await write_note(pilot, NOTE)
        await wait_until(pilot, lambda: any("your note is kept" in m for m in messages(demo_app)))
        assert "Noted" not in messages(demo_app)
        assert demo_app.is_running
        await quit_keeping(pilot, demo_app)
    assert NOTE in recovery_of(db_path).read_text()
    assert not db_path.exists()  # not made anew by a write


async def test_a_replaced_file_gets_none_of_the_writes_meant_for_the_old_one(
    demo_app: PursuitApp, db_path: Path, tmp_path: Path, clock: FixedClock
):
    newcomer = tmp_path / "other.db"
    Store.open(newcomer, clock).close()
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        os.replace(newcomer, db_path)  # a sync tool puts another copy in its place
        await write_note(pilot, NOTE)
        await wait_until(
            pilot,
            lambda: any(
                f"{db_path} was replaced by another file" in m and "your note is kept" in m
                for m in messages(demo_app)
            ),
        )
        assert "Noted" not in messages(demo_app)
        await quit_keeping(pilot, demo_app)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] == 0
    assert NOTE in recovery_of(db_path).read_text()


def limit_connections(store: Store, pragma: str) -> None:
    """Every connection of STORE from now on runs PRAGMA (the pool is emptied first)."""

    def on_connect(conn: sqlite3.Connection, _record: object) -> None:
        conn.execute(f"PRAGMA {pragma}")

    store.engine.dispose()
    event.listen(store.engine, "connect", on_connect)
    state["listener"] = on_connect


state: dict[str, object] = {}


def lift_limit(store: Store) -> None:
    event.remove(store.engine, "connect", state.pop("listener"))
    store.engine.dispose()


@pytest.mark.parametrize(
    ("pragma", "notice"),
    [
        # The file may not grow: what SQLite answers when the disk is full.
        ("max_page_count = 1", "is full; your note is kept"),
        ("query_only = ON", "cannot be written to (read-only); your note is kept"),
    ],
)
async def test_a_full_or_read_only_file_holds_the_note_until_it_can_be_written(
    demo_app: PursuitApp, db_path: Path, pragma: str, notice: str
):
    big = NOTE + " " + "x" * 50_000  # more than the free pages hold
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        assert demo_app.store is not None
        limit_connections(demo_app.store, pragma)
        await write_note(pilot, big)
        await wait_until(pilot, lambda: any(notice in m for m in messages(demo_app)))
        assert notes_stored(db_path, big) == 0 and demo_app.is_running
        lift_limit(demo_app.store)  # space freed, or the file made writable again
        await wait_until(pilot, lambda: notes_stored(db_path, big) == 1)
        await wait_until(pilot, lambda: not any(notice in m for m in messages(demo_app)))


def test_sqlite_errors_are_named_by_their_codes(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as read_only:
        ro.execute("INSERT INTO t VALUES (1)")
    ro.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.Error) as busy:
        other.execute("BEGIN IMMEDIATE")
    holder.close()
    other.close()
    gone = tmp_path / "gone" / "x.db"
    with pytest.raises(sqlite3.Error) as missing:
        sqlite3.connect(gone)
    assert storage_fault(read_only.value, path) == "read-only"
    assert storage_fault(busy.value, path) == "busy"
    assert storage_fault(missing.value, gone) == "missing"
    assert storage_fault(ValueError("a bad date"), path) is None


# --- the real app, in a pseudo-terminal ---------------------------------------------------


@pytest.mark.slow
def test_the_real_app_keeps_a_note_typed_while_another_program_writes(
    db_path: Path, children
) -> None:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    argv = pursuit_argv("app", str(db_path), "--demo", "--tick", "1")
    # A short wait per write attempt: a busy file is then seconds of the test, not minutes.
    env = {**os.environ, "TERM": "xterm-256color", "PURSUIT_BUSY_TIMEOUT": "0.5"}
    app = children.start(argv, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    screen = Terminal(leader)
    try:
        screen.wait_for(lambda: "Northwind" in screen.text(), "demo pipeline")
        screen.wait_for(lambda: "/ Filter" in screen.text(), "footer")  # the filter box is in
        at = screen.mark()
        screen.keys("/")
        screen.wait_for(lambda: "▔▔▔" in screen.text(at), "filter box")
        screen.keys("northwind")
        screen.wait_for(lambda: "1 shown" in screen.text(at), "filtered pipeline")
        at = screen.mark()
        screen.keys("\r")  # to the rows: the footer is drawn again with the table's keys
        screen.wait_for(lambda: "a Add" in screen.text(at), "the rows' keys")
        at = screen.mark()
        screen.keys("\r")
        screen.wait_for(lambda: "k Prepare" in screen.text(at), "application screen")
        # Its facts come from the store, which may still be opening behind the first rows.
        screen.wait_for(lambda: "Added as Applied" in screen.text(at), "the application, loaded")
        screen.keys("w")
        screen.wait_for(lambda: "Log · Northwind" in screen.text(at), "note form")
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another program is writing
        screen.keys(NOTE + "\x13")  # ctrl+s
        screen.wait_for(lambda: "is busy" in screen.text(), "busy notice")
        assert app.poll() is None
        assert notes_stored(db_path, NOTE) == 0
        holder.execute("ROLLBACK")
        holder.close()
        screen.wait_for(lambda: notes_stored(db_path, NOTE) == 1, "note stored")
        screen.wait_for(lambda: "Noted" in screen.text(), "Noted")
        assert app.poll() is None
        screen.keys("q")
        app.wait(timeout=30)
    finally:
        os.close(leader)
    assert app.returncode == 0
    assert "Traceback" not in screen.text()
