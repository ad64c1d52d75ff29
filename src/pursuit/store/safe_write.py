"""Writing a file whole or not at all, and never onto a database.

An export goes to a temporary file beside the target, is flushed to the disk, then renamed
over the target: a full disk or a crash leaves the earlier file as it was. The target is
checked first, because `-o` is typed by hand and a slip (`-o pursuit.db`) must not cost data.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from pursuit.store.db import SQLITE_HEADER, StoreError
from pursuit.store.files import SIDE_FILES


class WriteRefused(StoreError):
    """The target is not a plain file pursuit may replace, or it could not be written."""


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _database_files(database: Path) -> list[Path]:
    return [database, *(Path(f"{database}{side}") for side in SIDE_FILES)]


def check_target(target: Path, database: Path | None = None) -> None:
    """Refuse a link, a special file, the database, its side files, or any SQLite file.

    The database is compared by stat and by name, never opened: closing a descriptor of the
    file would drop the locks SQLite holds on it in this process.
    """
    for own in _database_files(database) if database is not None else []:
        if target.absolute() == own.absolute() or (
            target.parent.resolve() / target.name == own.resolve()
        ):
            raise WriteRefused(
                f"{target} is the database (or one of its own files); "
                "write the export to another file"
            )
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteRefused(f"cannot write {target}: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(found.st_mode):
        raise WriteRefused(
            f"{target} is a symbolic link; pursuit does not write through links. "
            "Give the path of the file itself, or a new file"
        )
    if stat.S_ISDIR(found.st_mode):
        raise WriteRefused(f"{target} is a folder; give a file name inside it")
    if not stat.S_ISREG(found.st_mode):
        raise WriteRefused(
            f"{target} is not a regular file (a pipe, socket or device); give a file name"
        )
    for own in _database_files(database) if database is not None else []:
        try:
            if _same(found, os.stat(own)):
                raise WriteRefused(
                    f"{target} is the database (or one of its own files); "
                    "write the export to another file"
                )
        except FileNotFoundError:
            continue
    try:
        with open(target, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise WriteRefused(f"cannot read {target} to check it: {exc.strerror or exc}") from exc
    if head == SQLITE_HEADER:
        raise WriteRefused(f"{target} is an SQLite database; pursuit will not write over it")


def fsync_folder(folder: Path) -> None:
    """Make a rename in FOLDER survive a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _message(target: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return (
            f"cannot write {target}: disk full; any earlier {target.name} "
            "is unchanged. Free some space and try again"
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {target}: {exc.strerror}; choose a folder you can write to"
    if exc.errno == errno.ENOENT:
        return f"cannot write {target}: its folder {target.parent} does not exist"
    return f"cannot write {target}: {exc.strerror or exc}"


def write_whole(target: Path, data: bytes, database: Path | None = None) -> None:
    """Write DATA to TARGET (mode 0600) whole or not at all; WriteRefused says why not."""
    check_target(target, database)
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.partial"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise WriteRefused(_message(target, exc)) from exc
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise WriteRefused(_message(target, exc)) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
