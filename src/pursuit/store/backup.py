"""Backups: copies of the database made with SQLite's backup API, the last seven kept.

A backup is copied into a hidden temporary file, checked, and only then renamed to its own
name (`backups/pursuit-2026-11-18T100000.db` for pursuit.db): a copy cut short never looks
like a backup, never counts among the seven and never passes for today's. Each database in a
folder has its own names, so two databases never prune each other's copies.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from pursuit.store.db import APPLICATION_ID, StoreError
from pursuit.store.safe_write import fsync_folder

KEEP = 7
STAMP = "%Y-%m-%dT%H%M%S"
#: Pages copied per step when someone watches the progress.
STEP_PAGES = 64
Progress = Callable[[int, int, int], object]


class BackupFailed(StoreError):
    pass


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _name(stem: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(stem)}-(\d{{4}}-\d\d-\d\dT\d{{6}})(?:-(\d+))?\.db")


def _partial(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"\.{re.escape(stem)}-\d{{4}}-\d\d-\d\dT\d{{6}}(?:-\d+)?\.db\.partial"
        r"(?:-journal|-wal|-shm)?"
    )


def _taken(path: Path, stem: str) -> tuple[datetime, int] | None:
    match = _name(stem).fullmatch(path.name)
    if match is None:
        return None
    try:
        when = datetime.strptime(match[1], STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return when, int(match[2] or 0)


def existing(folder: Path, stem: str = "pursuit") -> list[Path]:
    """The finished backups of the database named STEM in FOLDER, oldest first."""
    if not folder.is_dir():
        return []
    found = [(t, p) for p in folder.iterdir() if (t := _taken(p, stem)) is not None]
    return [p for _t, p in sorted(found)]


def backups_of(db_path: Path) -> list[Path]:
    return existing(backups_dir(db_path), db_path.stem)


def taken_at(path: Path, stem: str = "pursuit") -> datetime | None:
    """When a backup was made, from its name (UTC)."""
    taken = _taken(path, stem)
    return taken[0] if taken else None


def is_due(db_path: Path, now: datetime) -> bool:
    """True when the newest backup is more than a day old (or there is none)."""
    times = [t for p in backups_of(db_path) if (t := taken_at(p, db_path.stem)) is not None]
    return not times or now - max(times) > timedelta(days=1)


@contextmanager
def _one_at_a_time(folder: Path, stem: str) -> Iterator[None]:
    """Backups of one database take turns, so none clears a copy another is making."""
    fd = os.open(folder / f".{stem}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _clear_partials(folder: Path, stem: str) -> None:
    """Remove what a backup killed halfway left (its temporary copy and SQLite's journal)."""
    pattern = _partial(stem)
    for path in folder.iterdir():
        if pattern.fullmatch(path.name):
            path.unlink(missing_ok=True)


def _remove(partial: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _copy(db_path: Path, partial: Path, progress: Progress | None) -> None:
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlite3.connect(f"file:{quote(str(db_path))}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy, pages=STEP_PAGES if progress else -1, progress=progress)
            # A backup is one file: no -wal beside it to lose when it is copied elsewhere.
            copy.execute("PRAGMA journal_mode = DELETE")
            checked = copy.execute("PRAGMA integrity_check").fetchall()
            app_id = copy.execute("PRAGMA application_id").fetchone()[0]
        finally:
            copy.close()
    finally:
        source.close()
    if checked != [("ok",)]:
        raise BackupFailed(f"the copy of {db_path} did not pass SQLite's integrity check")
    if app_id != APPLICATION_ID:
        raise BackupFailed(f"{db_path} is not a pursuit database; nothing was backed up")
    fd = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup(
    db_path: Path, now: datetime, keep: int = KEEP, progress: Progress | None = None
) -> Path:
    """Copy the database (consistently, even while it is in use); prune to its newest KEEP.

    PROGRESS, when given, is called after each step of the copy (SQLite's backup callback).
    """
    folder = backups_dir(db_path)
    stem = db_path.stem
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with _one_at_a_time(folder, stem):
            _clear_partials(folder, stem)
            stamp = f"{now.astimezone(UTC):{STAMP}}"
            target = folder / f"{stem}-{stamp}.db"
            n = 1
            while target.exists():
                target = folder / f"{stem}-{stamp}-{n}.db"
                n += 1
            partial = folder / f".{target.name}.partial"
            try:
                _copy(db_path, partial, progress)
                os.replace(partial, target)
                fsync_folder(folder)
            except BaseException:
                _remove(partial)
                raise
            for old in existing(folder, stem)[:-keep]:
                old.unlink()
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise BackupFailed(
                f"backup of {db_path} failed: disk full; "
                "free some space and run pursuit backup again"
            ) from exc
        raise BackupFailed(f"backup of {db_path} failed: {exc.strerror or exc}") from exc
    except sqlite3.Error as exc:
        from pursuit.store.errors import StoreFull, explain

        # SQLite reports a full disk during the copy as an I/O error: say what it is.
        if isinstance(explain(exc, db_path), StoreFull):
            raise BackupFailed(
                f"backup of {db_path} failed: disk full; "
                "free some space and run pursuit backup again"
            ) from exc
        raise BackupFailed(f"backup of {db_path} failed: {exc}") from exc
    return target
