"""Backups: a copy cut short leaves nothing that counts; each database keeps its own seven."""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store import backup
from pursuit.store.repo import Store
from tests.support.processes import CHILD_TIMEOUT, MOMENT, Children, run_pursuit

CHILD = Path(__file__).with_name("backup_child.py")


def _big_database(path: Path, clock: FixedClock) -> int:
    """A database of many pages, so that a copy in steps has a middle to be killed in."""
    store = Store.open(path, clock)
    for n in range(12):
        store.applications.add_application(f"Company {n}", "Engineer", notes=f"{n} " + "x" * 90_000)
    count = len(store.views.applications())
    store.close()
    return count


def _applications_in(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT count(*) FROM application").fetchone()[0]
    finally:
        conn.close()


def _read_line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    ready, _w, _x = select.select([child.stdout], [], [], CHILD_TIMEOUT)
    assert ready, "the backup never started copying"
    return child.stdout.readline().strip()


@pytest.mark.slow
def test_a_backup_killed_mid_copy_leaves_nothing_that_counts(
    db_path: Path, clock: FixedClock, children: Children
) -> None:
    count = _big_database(db_path, clock)
    child = children.start(
        [sys.executable, str(CHILD), str(db_path), MOMENT.isoformat()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert _read_line(child) == "copying"
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=CHILD_TIMEOUT)
    folder = backup.backups_dir(db_path)
    leftovers = [p.name for p in folder.iterdir() if ".partial" in p.name]
    assert leftovers, "the kill should have landed while the copy was being written"
    # Half a copy is not a backup: not listed, not counted, and the day's backup is still due.
    assert backup.backups_of(db_path) == []
    assert backup.is_due(db_path, MOMENT)

    done = run_pursuit("--db", str(db_path), "backup")
    assert done.returncode == 0, done.stderr
    made = Path(done.stdout.strip())
    assert backup.backups_of(db_path) == [made]
    assert sorted(p.name for p in folder.iterdir()) == [".pursuit.lock", made.name]
    assert _applications_in(made) == count
    assert not backup.is_due(db_path, MOMENT)


def test_a_backup_is_named_after_its_database_private_and_one_file(
    store: Store, db_path: Path, clock: FixedClock
) -> None:
    store.applications.add_application("Acme", "Engineer")
    made = backup.backup(db_path, clock.now())
    assert made.name == "pursuit-2026-11-18T100000.db"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert made.read_bytes()[18:20] == b"\x01\x01"  # not WAL: no side file to lose
    assert _applications_in(made) == 1
    again = backup.backup(db_path, clock.now())
    assert again.name == "pursuit-2026-11-18T100000-1.db"
    assert backup.backups_of(db_path) == [made, again]


def test_two_databases_in_one_folder_keep_their_own_seven(
    tmp_path: Path, clock: FixedClock
) -> None:
    paths = [tmp_path / "pursuit.db", tmp_path / "work.db"]
    for path in paths:
        Store.open(path, clock).close()
    for day in range(9):
        for path in paths:
            backup.backup(path, clock.now() + timedelta(days=day))
    for path in paths:
        kept = backup.backups_of(path)
        assert len(kept) == 7 and all(p.name.startswith(f"{path.stem}-2026-") for p in kept)
        assert kept[0].name == f"{path.stem}-2026-11-20T100000.db"
    assert not backup.is_due(paths[1], clock.now() + timedelta(days=8, hours=1))


def test_a_copy_that_fails_halfway_leaves_nothing(
    store: Store, db_path: Path, clock: FixedClock
) -> None:
    for n in range(6):
        store.applications.add_application(f"Company {n}", "Engineer", notes="x" * 90_000)

    def fail(_status: int, remaining: int, _total: int) -> None:
        if remaining:
            raise OSError(28, "No space left on device")

    with pytest.raises(backup.BackupFailed, match="disk full"):
        backup.backup(db_path, clock.now(), progress=fail)
    folder = backup.backups_dir(db_path)
    assert [p.name for p in folder.iterdir()] == [".pursuit.lock"]
    assert backup.is_due(db_path, clock.now())


def test_a_copy_that_is_not_a_pursuit_database_is_not_kept(
    tmp_path: Path, clock: FixedClock
) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(backup.BackupFailed, match="not a pursuit database"):
        backup.backup(other, clock.now())
    assert backup.backups_of(other) == []
    assert [p.name for p in backup.backups_dir(other).iterdir()] == [".other.lock"]


def test_what_an_earlier_killed_backup_left_is_cleared_and_only_that(
    store: Store, db_path: Path, clock: FixedClock
) -> None:
    folder = backup.backups_dir(db_path)
    folder.mkdir(mode=0o700)
    stale = [
        folder / ".pursuit-2026-11-17T100000.db.partial",
        folder / ".pursuit-2026-11-17T100000.db.partial-journal",
    ]
    others = [folder / ".work-2026-11-17T100000.db.partial", folder / "notes.txt"]
    for path in stale + others:
        path.write_bytes(b"")
    backup.backup(db_path, clock.now())
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in others)


@pytest.mark.slow
def test_the_command_reports_a_failed_backup_in_one_sentence(
    db_path: Path, clock: FixedClock
) -> None:
    Store.open(db_path, clock).close()
    backup.backups_dir(db_path).write_text("not a folder")
    done = run_pursuit("--db", str(db_path), "backup")
    assert done.returncode == 2
    assert done.stderr.startswith(f"pursuit: error: backup of {db_path} failed")
    assert "Traceback" not in done.stderr
