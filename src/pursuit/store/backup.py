"""Backups: copies of the database made with SQLite's backup API, the last seven kept."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

KEEP = 7
PREFIX = "pursuit-"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def existing(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{PREFIX}*.db")) if folder.is_dir() else []


def taken_at(path: Path) -> datetime | None:
    """When a backup was made, from its name (UTC)."""
    stem = path.stem.removeprefix(PREFIX)[:15]
    try:
        return datetime.strptime(stem, "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def is_due(db_path: Path, now: datetime) -> bool:
    """True when the newest backup is more than a day old (or there is none)."""
    times = [t for t in map(taken_at, existing(backups_dir(db_path))) if t is not None]
    return not times or now - max(times) > timedelta(days=1)


def backup(db_path: Path, now: datetime, keep: int = KEEP) -> Path:
    """Copy the database (consistently, even while it is in use); prune to the newest KEEP."""
    folder = backups_dir(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = f"{now.astimezone(UTC):%Y%m%d-%H%M%S}"
    target = folder / f"{PREFIX}{stamp}.db"
    n = 1
    while target.exists():
        target = folder / f"{PREFIX}{stamp}-{n}.db"
        n += 1
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    for old in existing(folder)[:-keep]:
        old.unlink()
    return target
