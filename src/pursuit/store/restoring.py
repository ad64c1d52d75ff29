"""Restoring a JSON export into a file, checked first (see restore.py) and written whole.

A new database is built under a temporary name beside the target and linked into place only
when complete, so a restore cut short leaves no half-filled database behind.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pursuit.domain.clock import Clock
from pursuit.store.errors import InvalidValue
from pursuit.store.repo import Store
from pursuit.store.restore import check_dump
from pursuit.store.safe_write import fsync_folder


def restore_file(text: str, target: Path, clock: Clock, name: str) -> int:
    """Restore the dump TEXT (read from NAME) into TARGET; the number of applications.

    An existing TARGET must be empty of everything, settings included. A new one is built
    under a temporary name and linked into place when complete.
    """
    checked = check_dump(text, name)
    if target.exists():
        store = Store.open(target, clock)
        try:
            return store.transfer.restore_tables(checked)
        finally:
            store.close()
    folder = target.parent
    # What a restore killed before its end left beside the target: never linked in, so stale.
    for stale in folder.glob(f".{target.name}.restoring-*"):
        stale.unlink(missing_ok=True)
    building = folder / f".{target.name}.restoring-{secrets.token_hex(4)}"
    try:
        store = Store.open(building, clock)
        try:
            count = store.transfer.restore_tables(checked)
        finally:
            store.close()
        fd = os.open(building, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            # A link, not a rename: it never replaces a file that appeared meanwhile.
            os.link(building, target)
        except FileExistsError as exc:
            raise InvalidValue(f"{target} appeared while restoring; it was left alone") from exc
        fsync_folder(folder)
        return count
    except OSError as exc:
        raise InvalidValue(f"cannot restore into {target}: {exc.strerror or exc}") from exc
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
