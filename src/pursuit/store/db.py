"""Opening a pursuit database: engines, pragmas, checks and migrations.

Nothing here runs at import time; `open_store` makes the engine when it is asked to.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

#: 'PRST': marks a SQLite file as a pursuit database.
APPLICATION_ID = 0x50525354
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """A problem with the database that the user must hear about in plain words."""


class NotAPursuitDatabase(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class MigrationFailed(StoreError):
    pass


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    # We issue BEGIN ourselves (see make_engine), so the driver must not.
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def make_engine(url: str) -> Engine:
    """An engine whose every connection has pursuit's pragmas and whose writes lock early.

    SQLite's default deferred transaction takes the write lock only at the first write and
    fails with "database is locked" (whatever the timeout) if another process wrote in the
    meantime, so every ORM transaction starts with BEGIN IMMEDIATE and waits its turn instead.
    """
    from sqlalchemy import create_engine, event

    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        _apply_pragmas(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def check_file(path: Path) -> bool:
    """Refuse anything that is not a (possibly empty) SQLite file; True if it exists with data."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a pursuit database")
    if not path.exists():
        parent = path.parent
        if parent.exists() and not parent.is_dir():
            raise StoreError(f"cannot create {path}: {parent} is not a directory")
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not head:
        return False
    if not head.startswith(SQLITE_HEADER) or len(head) < 100:
        raise NotAPursuitDatabase(f"{path} is not a pursuit database (not an SQLite file)")
    return True


def create_private_file(path: Path) -> None:
    """Create PATH readable by its owner only, its folder too when we make it."""
    parent = path.parent
    if not parent.exists():
        try:
            parent.mkdir(mode=0o700, parents=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create {path}: its folder {parent} cannot be made ({exc.strerror or exc})"
            ) from exc
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror or exc}") from exc
    os.close(fd)


def read_header(conn: sqlite3.Connection, path: Path) -> tuple[int, int, int]:
    """(application_id, user_version, number of tables), or a clear error for a broken file."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise NotAPursuitDatabase(f"{path} is damaged or not a pursuit database ({exc})") from exc
    return app_id, version, tables


def inspect_existing(path: Path) -> int:
    """Read an existing file without changing a byte; return its schema version.

    Runs before the engine is made, because the engine's pragmas (WAL) write to the file.
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    try:
        app_id, version, tables = read_header(conn, path)
    finally:
        conn.close()
    if version > LATEST:
        raise DatabaseTooNew(
            f"{path} was written by a newer pursuit (schema {version}, this one knows "
            f"{LATEST}); upgrade pursuit to open it"
        )
    if (version or tables) and app_id != APPLICATION_ID:
        raise NotAPursuitDatabase(f"{path} is an SQLite database, but not a pursuit one")
    return version


# --- migrations ---------------------------------------------------------------------------

Step = Callable[["Connection"], None]


def _create_v1(conn: Connection) -> None:
    from sqlmodel import SQLModel

    from pursuit.store import tables  # noqa: F401  (registers the tables)

    SQLModel.metadata.create_all(conn)


def _index_first_page_v2(conn: Connection) -> None:
    # The pipeline's first page (soonest due) and the stage counts are read before the rest:
    # these keep those reads as quick at 100,000 applications as at ten.
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_application_live_next_due "
        "ON application (archived, next_due_at)"
    )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_application_live_stage ON application (archived, stage)"
    )
    # Today lists the open follow-ups soonest due first, a page at a time.
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_follow_up_due_at ON follow_up (due_at)")


#: Ordered steps; step N takes a database from version N-1 to N. Never edit a released step:
#: add a new one.
MIGRATIONS: Sequence[Step] = (_create_v1, _index_first_page_v2)
LATEST = len(MIGRATIONS)


def migrate(engine: Engine, path: Path, steps: Sequence[Step] = MIGRATIONS) -> int:
    """Bring the database up to date, one transaction per step; return the version reached."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        app_id, version, tables = read_header(raw, path)
    if version > len(steps):
        raise DatabaseTooNew(
            f"{path} was written by a newer pursuit (schema {version}, this one knows "
            f"{len(steps)}); upgrade pursuit to open it"
        )
    if (version or tables) and app_id != APPLICATION_ID:
        raise NotAPursuitDatabase(f"{path} is an SQLite database, but not a pursuit one")
    for number in range(version + 1, len(steps) + 1):
        try:
            with engine.begin() as conn:
                steps[number - 1](conn)
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version = {number}")
        except StoreError:
            raise
        except Exception as exc:
            raise MigrationFailed(
                f"could not upgrade {path} to schema {number}: {exc}; the file is unchanged"
            ) from exc
    return max(version, len(steps))


def database_url(path: Path) -> str:
    return f"sqlite:///{path}"


def open_for_reading(path: Path) -> sqlite3.Connection | None:
    """A plain connection for reading an up-to-date pursuit database, without the ORM.

    None when the full open is needed (a new file, or one to migrate); errors for files that
    are not pursuit databases, as `Store.open` gives. Used by the commands that only read, so
    that a shell prompt or cron job does not pay for importing SQLAlchemy.
    """
    if not check_file(path):
        return None
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    app_id, version, tables = read_header(conn, path)
    if version > LATEST:
        conn.close()
        raise DatabaseTooNew(
            f"{path} was written by a newer pursuit (schema {version}, this one knows "
            f"{LATEST}); upgrade pursuit to open it"
        )
    if (version or tables) and app_id != APPLICATION_ID:
        conn.close()
        raise NotAPursuitDatabase(f"{path} is an SQLite database, but not a pursuit one")
    if version != LATEST:
        conn.close()
        return None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn
