"""The demo's database file: made beside its place and put there whole, and kept for the day.

    python -m pursuit.store.demo_file PATH ISO-MOMENT

makes the demo database at PATH as of that moment (the app runs it in a process of its own,
see tui/demo_maker.py); the data itself is `store/demo.py`'s.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from pursuit.domain.dates import local_tz

#: Endings of the file being made and of SQLite's own files beside it.
_UNFINISHED = (".making", ".making-wal", ".making-shm", ".making-journal")


def template_path(now: datetime) -> Path:
    """Where the demo made for NOW's day is kept, so that the next demo that day is a copy.

    Named by what the data depends on: the day and the time zone it is laid out in, and the
    code that writes it (pursuit's version, the schema, and the store's and rules' source
    files as installed), so that a changed rule never shows yesterday's results.
    """
    import hashlib

    from platformdirs import user_cache_path

    from pursuit import __version__
    from pursuit.store.db import LATEST

    local = now.astimezone(local_tz())
    package = Path(__file__).resolve().parent.parent
    code = sorted(
        (str(p.relative_to(package)), p.stat().st_mtime_ns, p.stat().st_size)
        for folder in ("store", "domain")
        for p in (package / folder).glob("*.py")
    )
    key = repr((__version__, LATEST, local.date().isoformat(), local.utcoffset(), code))
    name = hashlib.sha256(key.encode()).hexdigest()[:20]
    return user_cache_path("pursuit") / "demo" / f"demo-{name}.db"


def copy_template(path: Path, now: datetime) -> bool:
    """The demo at PATH copied from the one kept for NOW's day; False when there is none."""
    import sqlite3

    from pursuit.store.db import create_private_file, file_uri

    template = template_path(now)
    if not template.exists():
        return False
    making = path.with_name(path.name + ".making")
    try:
        create_private_file(making)
        source = sqlite3.connect(file_uri(template), uri=True)
        try:
            target = sqlite3.connect(making)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        os.link(making, path)
    except (sqlite3.Error, OSError):
        return False  # made afresh instead
    finally:
        remove_unfinished(path)
    return True


def _keep_as_template(made: Path, now: datetime) -> None:
    """A copy of MADE (no connection open to it) for the day's next demos; older ones go."""
    import shutil

    template = template_path(now)
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        for old in template.parent.glob("demo-*"):
            if old != template:
                old.unlink(missing_ok=True)
        partial = template.with_name(f"{template.name}.{os.getpid()}")
        shutil.copyfile(made, partial)
        try:
            os.link(partial, template)
        except FileExistsError:
            pass  # another demo kept the same day's data
        finally:
            partial.unlink(missing_ok=True)
    except OSError:
        pass  # no cache folder to be had: the next demo is made afresh, as this one was


def make_file(path: Path, now: datetime) -> None:
    """The demo database at PATH, made beside it and then put in place whole.

    Moved from the data made ahead (store/demo_ahead.py), or, when that does not fit this
    code, seeded through the store; made without waiting for the disk at each write (nothing
    in it matters until it is finished), then written out once; linked into place, so that a
    file that appeared at PATH meanwhile is never replaced.
    """
    from pursuit.store import demo_ahead
    from pursuit.store.db import LATEST, create_private_file

    making = path.with_name(path.name + ".making")
    try:
        create_private_file(making)
        if not demo_ahead.make(making, now, local_tz(), LATEST):
            remove_unfinished(path)
            _seed(making, now)
        # No connection is open now: this descriptor cannot drop anyone's locks.
        descriptor = os.open(making, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.link(making, path)
        _keep_as_template(making, now)
    finally:
        remove_unfinished(path)


def _seed(making: Path, now: datetime) -> None:
    """The demo at MAKING seeded through the store (the database layer's import and some
    fifty writes: over a second)."""
    from pursuit.domain.clock import FixedClock
    from pursuit.store.demo import seed
    from pursuit.store.repo import Store

    store = Store.open(making, FixedClock(now))
    try:
        with store.reader() as conn:
            conn.execute("PRAGMA synchronous = OFF")
        seed(store)
    finally:
        store.close()


def remove_unfinished(path: Path) -> None:
    for ending in _UNFINISHED:
        path.with_name(path.name + ending).unlink(missing_ok=True)


if __name__ == "__main__":
    make_file(Path(sys.argv[1]), datetime.fromisoformat(sys.argv[2]))
    # The app waits for this process to end: tidying away the database layer's modules
    # would add half a second, and everything it made is closed and on disk.
    os._exit(0)
