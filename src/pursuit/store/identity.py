"""Is the file at the database's path still the one that was opened?

A file deleted or replaced under an open connection does not stop SQLite: its connections
go on writing to the old file (now unlinked, or renamed away), or a new connection writes into
the newcomer. The app remembers which file it opened and checks before it writes. Only
`os.stat` touches the path: opening the file with anything but SQLite would drop SQLite's
locks on it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class _Readable(Protocol):
    @property
    def path(self) -> Path: ...

    def reader(self) -> object: ...


@dataclass(frozen=True)
class FileIdentity:
    device: int
    inode: int
    application_id: int


def _application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def identify(path: Path, conn: sqlite3.Connection) -> FileIdentity:
    """The identity of the file at PATH, read through CONN (a connection to it)."""
    st = os.stat(path)
    return FileIdentity(st.st_dev, st.st_ino, _application_id(conn))


def path_change(path: Path, known: FileIdentity) -> str | None:
    """ "missing" or "replaced" when the path no longer names the file KNOWN was read from."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return None  # unreadable folder: the write itself will say what is wrong
    if (st.st_dev, st.st_ino) != (known.device, known.inode):
        return "replaced"
    return None


def content_change(conn: sqlite3.Connection, known: FileIdentity) -> str | None:
    """ "replaced" when the file was overwritten in place by another database."""
    try:
        app_id = _application_id(conn)
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return None  # someone is writing to it: it is still a database
        return "replaced"  # no longer a database at all
    return "replaced" if app_id != known.application_id else None


def file_change(store: _Readable, known: FileIdentity) -> str | None:
    """What happened to the store's file since KNOWN was read, or None if it is the same."""
    lost = path_change(store.path, known)
    if lost is not None:
        return lost
    with store.reader() as conn:  # type: ignore[attr-defined]
        return content_change(conn, known)
