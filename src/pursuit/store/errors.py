"""Errors the store raises; each message is a sentence the user can act on.

`explain` is the one place that turns what SQLite or the system said (a busy file, a full disk,
a read-only folder) into one of these, for the command line and the app alike. It imports
nothing heavy: the command line's fast paths use it too.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A problem with the database that the user must hear about in plain words."""


class NotAPursuitDatabase(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class MigrationFailed(StoreError):
    pass


class StoreBusy(StoreError):
    """Another program held the file's write lock for longer than we wait."""


class StoreFull(StoreError):
    """The disk (or the database's size limit) has no room left."""


class StoreReadOnly(StoreError):
    """The file, its folder or its disk cannot be written."""


class StoreMissing(StoreError):
    """The file (or a folder on its path) is not there, or cannot be opened at all."""


class UnreadableFile(StoreError):
    """A file given to read (an import, a restore) that is not a plain file we can read."""


class NotFound(StoreError):
    pass


class InvalidValue(StoreError):
    pass


class UnknownPerson(InvalidValue):
    """A name that is none of the application's people: most often a slip of the keys."""


# SQLite's primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_PERM = 3


def _causes(exc: BaseException) -> list[BaseException]:
    """EXC and what it wraps: SQLAlchemy's `.orig`, then the `raise ... from` chain."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        todo += [getattr(item, "orig", None), item.__cause__, item.__context__]
    return seen


def cannot_write(path: Path) -> bool:
    """True when neither the file nor its folder can be written (a read-only disk or folder)."""
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def disk_full(path: Path) -> bool:
    """True when the disk holding PATH has (next to) no room left for us."""
    try:
        room = os.statvfs(path.parent)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < 16 * 1024


def _from_sqlite(exc: sqlite3.Error, path: Path) -> StoreError | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (_BUSY, _LOCKED):
        return busy(path)
    # With no room for its -shm, SQLite says "disk I/O error" or "unable to open", and a file
    # read without writing (for want of room) refuses writes as "read-only": all mean full.
    if primary == _FULL or (primary in (_IOERR, _CANTOPEN, _READONLY) and disk_full(path)):
        return full(path)
    if primary in (_READONLY, _PERM):
        return read_only(path)
    if primary == _CANTOPEN:
        if not path.exists():
            return missing(path)
        if cannot_write(path):
            return read_only(path)
        return StoreMissing(f"cannot open {path}: SQLite could not open it or its journal files")
    if primary == _NOTADB:
        return NotAPursuitDatabase(f"{path} is not a pursuit database (not an SQLite file)")
    if primary == _CORRUPT:
        return NotAPursuitDatabase(f"{path} is damaged or not a pursuit database ({exc})")
    if primary == _IOERR:
        return StoreError(
            f"{path} could not be read or written (a disk error: {exc}); nothing more was "
            "changed. Check the disk, then try again"
        )
    return None


def _from_os(exc: OSError, path: Path) -> StoreError | None:
    named = Path(exc.filename) if isinstance(exc.filename, str) else path
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return full(named)
    if exc.errno == errno.EROFS:
        return read_only(named)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StoreReadOnly(
            f"you do not have permission to use {named} this way ({exc.strerror}); "
            "nothing was changed. Check the file's owner and mode"
        )
    if exc.errno == errno.ENOENT:
        return missing(named)
    return None


def explain(exc: BaseException, path: Path | str) -> StoreError | None:
    """The StoreError that says in plain words what went wrong with the database at PATH.

    EXC may be a StoreError (returned as it is), an sqlite3 error, one wrapped by SQLAlchemy,
    or an OSError; None when it is none of the faults we can name (a bug, then).
    """
    path = Path(path)
    for cause in _causes(exc):
        if isinstance(cause, StoreError):
            return cause
        if isinstance(cause, sqlite3.Error):
            found = _from_sqlite(cause, path)
        elif isinstance(cause, OSError):
            found = _from_os(cause, path)
        else:
            continue
        if found is not None:
            return found
    return None


def busy_wait_seconds() -> float:
    """How long to wait for another program's write to finish: $PURSUIT_BUSY_TIMEOUT or 15 s."""
    try:
        value = float(os.environ.get("PURSUIT_BUSY_TIMEOUT", ""))
    except ValueError:
        return 15.0
    return value if 0 <= value <= 3600 else 15.0


def busy(path: Path) -> StoreBusy:
    return StoreBusy(
        f"another program is holding {path} (it kept the file locked for over "
        f"{busy_wait_seconds():g} s); nothing was changed. Try again when it has finished"
    )


def full(path: Path) -> StoreFull:
    return StoreFull(
        f"the disk holding {path} is full; nothing was changed. Free some space and try again"
    )


def read_only(path: Path) -> StoreReadOnly:
    if not path.exists():
        # Nothing to list or export yet: the file could not be made.
        return StoreReadOnly(
            f"{path} cannot be created: its folder or its disk cannot be written; nothing was "
            "changed"
        )
    return StoreReadOnly(
        f"{path} is read-only (the file, its folder or its disk cannot be written); nothing was "
        "changed. It can still be listed and exported"
    )


def missing(path: Path) -> StoreMissing:
    return StoreMissing(f"{path} not found (or a folder on its path is missing)")


def clean_text(value: str, name: str, *, required: bool = False, limit: int = 10_000) -> str:
    """VALUE without surrounding blanks, or InvalidValue naming the field."""
    text = value.strip()
    if required and not text:
        raise InvalidValue(f"{name} is required")
    if len(text) > limit:
        raise InvalidValue(f"{name} is too long ({len(text)} characters; at most {limit:,})")
    return text
