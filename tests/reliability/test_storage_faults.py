"""A busy file, a full disk, a read-only disk or folder: each named as what it is, never "damaged",
and what can still be read is read."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from pursuit.domain.clock import FixedClock
from pursuit.store import errors
from pursuit.store.repo import Store

from ..support.processes import MOMENT, run_pursuit

READING = (["list"], ["due"], ["export"])
WRITING = (["add", "Globex", "Analyst"], ["config", "set", "theme", "textual-light"])


def _seeded(path: Path) -> Path:
    store = Store.open(path, FixedClock(MOMENT))
    store.applications.add_application("Acme", "Engineer")
    store.close()
    return path


def _closed_cleanly(path: Path) -> None:
    """As a file is after its last user closed it: everything in the file, no -wal or -shm."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        pytest.skip(f"this machine does not let the tests mount file systems: {done.stderr}")


def _umount(folder: Path) -> None:
    # Lazily: a process still holding a file there must not leave the mount behind.
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def _assert_reads(db: Path) -> None:
    for command in READING:
        done = run_pursuit("--db", str(db), *command)
        assert done.returncode == 0, (command, done.stderr)
    listed = run_pursuit("--db", str(db), "list")
    assert "Acme" in listed.stdout
    assert "Acme" in run_pursuit("--db", str(db), "export").stdout


def _assert_refused(db: Path, words: str) -> None:
    for command in WRITING:
        done = run_pursuit("--db", str(db), *command)
        assert done.returncode == 2, (command, done.stderr)
        assert done.stderr.startswith("pursuit: error:"), done.stderr
        assert words in done.stderr and str(db) in done.stderr, done.stderr
        for wrong in ("damaged", "unexpected", "Traceback"):
            assert wrong not in done.stderr, done.stderr


# --- a busy file -------------------------------------------------------------------------


@pytest.mark.slow
def test_a_busy_file_is_waited_out_then_named_and_readers_still_read(tmp_path: Path) -> None:
    db = _seeded(tmp_path / "busy.db")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO setting (key, value) VALUES ('held', 'yes')")
    env = {**os.environ, "PURSUIT_BUSY_TIMEOUT": "1"}
    try:
        started = time.monotonic()
        done = run_pursuit("--db", str(db), "add", "Globex", "Analyst", env=env)
        waited = time.monotonic() - started
        assert done.returncode == 2, done.stderr
        assert f"another program is holding {db}" in done.stderr, done.stderr
        assert "unexpected" not in done.stderr and "Traceback" not in done.stderr
        assert 1.0 <= waited < 10, waited
        # In WAL mode a writer does not block readers.
        for command in (["list"], ["due"], ["list", "--json"], ["export"]):
            read = run_pursuit("--db", str(db), *command, env=env)
            assert read.returncode == 0, (command, read.stderr)
        assert "Acme" in run_pursuit("--db", str(db), "list", env=env).stdout
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run_pursuit("--db", str(db), "add", "Globex", "Analyst", env=env).returncode == 0


def test_the_wait_for_a_busy_file_can_be_set(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PURSUIT_BUSY_TIMEOUT", "2.5")
    store = Store.open(tmp_path / "wait.db", FixedClock(MOMENT))
    try:
        with store.reader() as conn:
            assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2500
    finally:
        store.close()
    monkeypatch.setenv("PURSUIT_BUSY_TIMEOUT", "soon")
    assert errors.busy_wait_seconds() == 15.0


# --- a full disk -------------------------------------------------------------------------


def test_a_real_sqlite_full_is_named_full(tmp_path: Path, clock) -> None:
    store = Store.open(tmp_path / "capped.db", clock)
    store.applications.add_application("Acme", "Engineer")
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _cap(conn, _record) -> None:
        # No page beyond those the file has: SQLite's own "database or disk is full".
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    try:
        # The writes are plain sqlite3's (store/writing.py): its error, as SQLite gave it.
        with pytest.raises(sqlite3.OperationalError) as raised:
            store.applications.add_application("Globex", "Analyst", notes="x" * 50_000)
        found = errors.explain(raised.value, store.path)
        assert isinstance(found, errors.StoreFull)
        assert str(found).startswith(f"the disk holding {store.path} is full")
        assert [a.company for a in store.views.applications()] == ["Acme"]
    finally:
        store.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 512, 1):
            try:
                while True:
                    os.write(fd, b"x" * size)
            except OSError:
                continue
    finally:
        os.close(fd)


@pytest.mark.slow
def test_a_full_disk_is_named_full_and_can_still_be_read(small_disk: Path) -> None:
    db = _seeded(small_disk / "pursuit.db")
    _closed_cleanly(db)
    _fill(small_disk)
    before = db.read_bytes()
    _assert_reads(db)
    _assert_refused(db, "is full")
    assert db.read_bytes() == before


# --- read-only -----------------------------------------------------------------------------


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    source = tmp_path / "source"
    source.mkdir()
    _closed_cleanly(_seeded(source / "pursuit.db"))
    view = tmp_path / "read-only"
    view.mkdir()
    _mount("--bind", "-o", "ro", str(source), str(view))
    try:
        yield view
    finally:
        _umount(view)


@pytest.mark.slow
def test_a_read_only_disk_is_named_and_can_be_listed_and_exported(read_only_folder) -> None:
    db = read_only_folder / "pursuit.db"
    _assert_reads(db)
    _assert_refused(db, "is read-only")


@pytest.mark.slow
def test_a_new_file_on_a_read_only_disk_is_said_to_be_impossible_to_create(
    read_only_folder,
) -> None:
    db = read_only_folder / "new.db"
    _assert_refused(db, "cannot be created")
    done = run_pursuit("--db", str(db), "add", "Acme", "Dev")
    assert "listed and exported" not in done.stderr, done.stderr  # there is nothing to list
    assert not db.exists()


def test_the_store_reads_a_read_only_disk_and_names_a_write(read_only_folder, clock) -> None:
    store = Store.open(read_only_folder / "pursuit.db", clock)
    try:
        assert [a.company for a in store.views.applications()] == ["Acme"]
        with pytest.raises(sqlite3.OperationalError) as raised:
            store.applications.add_application("Globex", "Analyst")
        assert isinstance(errors.explain(raised.value, store.path), errors.StoreReadOnly)
    finally:
        store.close()


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed here")
    db = _seeded(tmp_path / "pursuit.db")
    _closed_cleanly(db)
    done = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        pytest.skip(f"this file system cannot mark a file immutable: {done.stderr}")
    try:
        yield db
    finally:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True, timeout=30)


@pytest.mark.slow
def test_a_file_that_cannot_be_changed_is_named_read_only(immutable: Path) -> None:
    _assert_reads(immutable)
    _assert_refused(immutable, "is read-only")


# --- missing -------------------------------------------------------------------------------


def test_a_missing_file_is_named_not_found(tmp_path: Path) -> None:
    gone = tmp_path / "gone" / "pursuit.db"
    with pytest.raises(sqlite3.Error) as raised:
        sqlite3.connect(f"file:{gone}?mode=ro", uri=True)
    found = errors.explain(raised.value, gone)
    assert isinstance(found, errors.StoreMissing) and str(found).startswith(f"{gone} not found")
    lost = FileNotFoundError(2, "No such file or directory", str(gone))
    assert isinstance(errors.explain(lost, gone), errors.StoreMissing)
    assert errors.explain(ValueError("a bug"), gone) is None


def _real_sqlite_full() -> sqlite3.Error:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("SQLite took a row bigger than its page limit")


def test_the_app_stopped_by_a_full_disk_says_so(monkeypatch, tmp_path: Path, capsys) -> None:
    from pursuit import launch
    from pursuit.tui.app import PursuitApp

    monkeypatch.setenv("PURSUIT_DB", str(tmp_path / "p.db"))
    full = _real_sqlite_full()

    def stopped(self: PursuitApp) -> None:
        raise full

    monkeypatch.setattr(PursuitApp, "run", stopped)
    assert launch.main([]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"pursuit: error: the disk holding {tmp_path / 'p.db'} is full; nothing was "
        "changed. Free some space and try again\n"
    )
