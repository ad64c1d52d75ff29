"""Files on disk: the database's path checked with stat alone, private files, safe reads.

While a process holds an SQLite connection, closing any other descriptor of the same file
drops every POSIX lock the process holds on it, SQLite's included; the next program to close
the database then thinks it was the last, checkpoints and deletes the -wal under us. So nothing
here opens an existing database file: stat, chmod and SQLite are the only things that touch it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from pursuit.store.errors import StoreError, StoreFull, StoreReadOnly, UnreadableFile, explain

#: (device, inode) of every database this process has opened: never to be opened as a plain
#: file (an import or a restore of the database itself would drop its locks when closed).
DATABASES_IN_USE: set[tuple[int, int]] = set()
#: The files SQLite keeps beside a database.
SIDE_FILES = ("-wal", "-shm", "-journal")

#: A restore reads the whole export at once: far above any real one, far below running out.
MAX_RESTORE = 512 * 1024 * 1024
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"


def check_database_path(path: Path) -> bool:
    """True when PATH is a file with data in it; False when it is to be created (or is empty).

    Anything but a plain file is refused at once: a named pipe would hang the open, a device
    reads forever, and a symbolic link to nothing would be followed into a new file.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise StoreError(
                f"{path} is a symbolic link to {os.readlink(path)}, which does not exist; "
                "pursuit will not create a database through it. Fix or remove the link"
            ) from None
        parent = path.parent
        if parent.exists() and not parent.is_dir():
            raise StoreError(f"cannot create {path}: {parent} is not a directory") from None
        return False
    except NotADirectoryError:
        raise StoreError(f"cannot create {path}: a folder on its path is a file") from None
    except OSError as exc:
        raise explain(exc, path) or StoreError(f"cannot read {path}: {exc.strerror}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a directory, not a pursuit database")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(
            f"{path} is {_kind(info.st_mode)}, not a pursuit database; give the path of a file"
        )
    keep_private(path, info.st_mode)
    return info.st_size > 0


def check_could_be_made(path: Path) -> None:
    """StoreError naming why no database could be made at PATH, which is not there yet (a
    folder on its path is a file, or the nearest folder there is takes no new file); checked
    by making and removing a folder beside it, so nothing is left behind."""
    check_database_path(path)
    folder = path.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    if not folder.is_dir():
        raise StoreError(f"cannot create {path}: {folder} is not a directory")
    import tempfile

    try:
        probe = tempfile.mkdtemp(prefix=".pursuit-probe-", dir=folder)
    except OSError as exc:
        why = "" if exc.errno == errno.ENOENT else f" ({exc.strerror or exc})"
        raise StoreError(f"cannot create {path}: nothing can be made in {folder}{why}") from exc
    os.rmdir(probe)


def keep_private(path: Path, mode: int) -> None:
    """Take away what others may do with the database and its journals (by path: no descriptor)."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            current = stat.S_IMODE(mode) if name == path else stat.S_IMODE(os.stat(name).st_mode)
            if current & 0o077:
                os.chmod(name, current & 0o700)
        except OSError:
            # Gone, not ours or on a read-only disk: what the open does next will say so.
            continue


def _make_folders(folder: Path) -> None:
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for made in reversed(missing):
        try:
            made.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue
        # mkdir's mode passes through the umask (which may take the owner's bits too).
        os.chmod(made, PRIVATE_FOLDER)


def create_private_file(path: Path) -> None:
    """Create PATH readable by its owner only, each folder we make too, whatever the umask.

    Runs before the first connection to PATH: the descriptor it opens is of a file no
    connection holds yet.
    """
    try:
        _make_folders(path.parent)
    except OSError as exc:
        found = explain(exc, path)
        if not isinstance(found, (StoreFull, StoreReadOnly)):
            found = None
        raise found or StoreError(
            f"cannot create {path}: its folder {path.parent} cannot be made ({exc.strerror or exc})"
        ) from exc
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
    except FileExistsError:
        return
    except OSError as exc:
        found = explain(exc, path)
        raise found or StoreError(f"cannot create {path}: {exc.strerror or exc}") from exc
    try:
        os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)


def remember_database(path: Path) -> None:
    try:
        info = os.stat(path)
    except OSError:
        return
    DATABASES_IN_USE.add((info.st_dev, info.st_ino))


def open_regular(path: Path, limit: int | None) -> BinaryIO:
    """PATH opened to read, once it is known to be a plain file of at most LIMIT bytes (any
    size for None: a reader that streams it, such as the import, holds none of it for long).

    Opened without blocking, then checked on the descriptor: a named pipe cannot hang us, a
    device cannot feed us forever, and a folder is named as one. (`open_regular_file` reads
    it whole.)
    """
    try:
        before = os.stat(path)
    except FileNotFoundError as exc:
        raise UnreadableFile(f"{path} does not exist") from exc
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path}: {exc.strerror or exc}") from exc
    refusal = refused_to_read(path)
    if refusal is not None:
        raise UnreadableFile(refusal)
    if not stat.S_ISREG(before.st_mode):
        raise UnreadableFile(f"{path} is {_kind(before.st_mode)}, not a file; give a saved file")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path}: {exc.strerror or exc}") from exc
    fh = os.fdopen(fd, "rb")
    info = os.fstat(fd)
    problem = None
    if not stat.S_ISREG(info.st_mode):  # swapped for something else since the stat
        problem = f"{path} is {_kind(info.st_mode)}, not a file; give a saved file"
    elif limit is not None and info.st_size > limit:
        problem = f"{path} is larger than {limit // 1024 // 1024} MB"
    if problem is not None:
        fh.close()
        raise UnreadableFile(problem)
    return fh


def refused_to_read(path: Path) -> str | None:
    """Why PATH may not be opened by this process (it is the open database or one of
    SQLite's files beside it), or None. For a reader outside the store (a saved posting)."""
    try:
        info = os.stat(path)
    except OSError:
        return None  # the reader names what is missing or unreadable
    if (info.st_dev, info.st_ino) in DATABASES_IN_USE or _beside_a_database(path):
        return f"{path} is the pursuit database itself; give another file"
    return None


def _beside_a_database(path: Path) -> bool:
    # SQLite's own files beside an open database hold its locks and pages just the same.
    name = str(path)
    for side in SIDE_FILES:
        if name.endswith(side):
            try:
                info = os.stat(name[: -len(side)])
            except OSError:
                return False
            return (info.st_dev, info.st_ino) in DATABASES_IN_USE
    return False


def open_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the plain file at PATH (an import, a restore), at most LIMIT of them."""
    with open_regular(path, limit) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise UnreadableFile(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > limit:  # it grew since it was measured
        raise UnreadableFile(f"{path} is larger than {limit // 1024 // 1024} MB")
    return data
