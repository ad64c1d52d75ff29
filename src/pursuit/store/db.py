"""Opening a pursuit database: engines, pragmas, checks and migrations.

Nothing here runs at import time; `open_store` makes the engine when it is asked to.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from pursuit.domain.localzone import local_tz
from pursuit.domain.zone_identity import zone_identity
from pursuit.store import files
from pursuit.store.errors import (
    DatabaseTooNew,
    MigrationFailed,
    NotAPursuitDatabase,
    StoreBusy,
    StoreError,
    StoreFull,
    StoreMissing,
    StoreReadOnly,
    busy_wait_seconds,
    cannot_write,
    disk_full,
    explain,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection as SAConnection
    from sqlalchemy.engine import Engine

__all__ = [
    "DatabaseTooNew",
    "MigrationFailed",
    "NotAPursuitDatabase",
    "StoreBusy",
    "StoreError",
    "StoreFull",
    "StoreMissing",
    "StoreReadOnly",
]

#: 'PRST': marks a SQLite file as a pursuit database.
APPLICATION_ID = 0x50525354
BUSY_TIMEOUT_MS = 15_000
#: The first 16 bytes of every SQLite file (an export must never be written over one).
SQLITE_HEADER = b"SQLite format 3\x00"
#: Faults of the place the file is kept, not of the file: said as they are, never "damaged".
PLACE_FAULTS = (StoreBusy, StoreFull, StoreMissing, StoreReadOnly)


def busy_timeout_ms() -> int:
    """How long a connection waits out another program's write ($PURSUIT_BUSY_TIMEOUT, s)."""
    return int(busy_wait_seconds() * 1000)


def _apply_pragmas(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    # We issue BEGIN ourselves (see make_engine), so the driver must not.
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def file_uri(path: Path, **params: str) -> str:
    """An SQLite URI for PATH (quoted: a `?` or `#` in a file name stays part of the name)."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path))}" + (f"?{query}" if query else "")


def make_engine(uri: str, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite URI given whose connections have pursuit's pragmas and whose
    writes lock early.

    SQLite's default deferred transaction takes the write lock only at the first write and
    fails with "database is locked" (whatever the timeout) if another process wrote in the
    meantime, so every ORM transaction starts with BEGIN IMMEDIATE and waits its turn instead.
    READ_ONLY engines (on a file that cannot be written) only read. The URI goes to SQLite as it
    is: an SQLAlchemy URL would decode a `%20` in a file name into another file's.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    timeout = busy_timeout_ms() / 1000
    engine = create_engine(
        "sqlite://",
        poolclass=QueuePool,
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=timeout),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        _apply_pragmas(dbapi_conn, read_only=read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: SAConnection) -> None:
        # A read-only file has no write lock to take; its writes fail as "read-only". A session
        # that only reads (Database.reader) must not wait for another program's write either.
        reads_only = conn.get_execution_options().get("pursuit_reads_only", False)
        conn.exec_driver_sql("BEGIN" if read_only or reads_only else "BEGIN IMMEDIATE")

    return engine


def check_file(path: Path) -> bool:
    """Refuse anything that is not a (possibly empty) plain file; True if it exists with data.

    By stat alone: SQLite's own first read says whether the bytes are a database.
    """
    return files.check_database_path(path)


def create_private_file(path: Path) -> None:
    files.create_private_file(path)


def read_header(conn: sqlite3.Connection, path: Path) -> tuple[int, int, int]:
    """(application_id, user_version, number of tables), or a clear error for a broken file."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) or NotAPursuitDatabase(
            f"{path} is damaged or not a pursuit database ({exc})"
        ) from exc
    return app_id, version, tables


def cannot_be_written(path: Path) -> bool:
    """True when pursuit can read PATH but not change it (read-only or full disk, folder, file)."""
    return cannot_write(path) or disk_full(path)


def _uncheckpointed(path: Path) -> bool:
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False


def reading_uris(path: Path) -> list[str]:
    """How to read PATH without writing to it, in order of preference.

    On a read-only disk or folder SQLite cannot make the -shm it reads a WAL file through;
    when there is no unsaved -wal, nothing can change the file under us and SQLite may read
    it as immutable (no locks, no -shm).
    """
    uris = [file_uri(path, mode="ro")]
    if not _uncheckpointed(path):
        uris.append(file_uri(path, mode="ro", immutable="1"))
    return uris


def _connect_and_read(
    path: Path, uris: Sequence[str]
) -> tuple[sqlite3.Connection, str, tuple[int, int, int]]:
    """The first of URIS that opens and reads PATH's header; the clearest error if none does."""
    first: StoreError | None = None
    for uri in uris:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                uri,
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                timeout=busy_timeout_ms() / 1000,
            )
            return conn, uri, read_header(conn, path)
        except sqlite3.Error as exc:
            found = explain(exc, path) or StoreError(f"cannot open {path}: {exc}")
        except StoreError as exc:
            found = exc
        if conn is not None:
            conn.close()
        first = first or found
        if not isinstance(found, (StoreReadOnly, StoreMissing, StoreFull)) or not path.exists():
            break
    assert first is not None
    raise first


def _check_header(path: Path, app_id: int, version: int, tables: int) -> None:
    if version > LATEST:
        raise DatabaseTooNew(
            f"{path} was written by a newer pursuit (schema {version}, this one knows "
            f"{LATEST}); upgrade pursuit to open it"
        )
    if (version or tables) and app_id != APPLICATION_ID:
        raise NotAPursuitDatabase(f"{path} is an SQLite database, but not a pursuit one")


def inspect_existing(path: Path) -> tuple[int, str | None]:
    """Read an existing file without changing a byte: (schema version, reading URI).

    The URI is None when the file can be written, else how the engine is to read it. Runs
    before the engine is made, because the engine's pragmas (WAL) write to the file.
    """
    conn, uri, header = _connect_and_read(path, reading_uris(path))
    conn.close()
    _check_header(path, *header)
    return header[1], (uri if cannot_be_written(path) else None)


# --- migrations ---------------------------------------------------------------------------

Step = Callable[["SAConnection"], None]


def _create_v1(conn: SAConnection) -> None:
    from pursuit.store.schema_v1 import STATEMENTS

    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)


def _index_first_page_v2(conn: SAConnection) -> None:
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


def _schedule_zone_v3(conn: SAConnection) -> None:
    # Waits counted in days fall due at midnight where the job seeker is: the file keeps the
    # zone its schedule was worked out in, and a process in another zone works it out again.
    # No row (a file from before): the first process to open it works it out in its own.
    conn.exec_driver_sql(
        "CREATE TABLE schedule_zone (id INTEGER PRIMARY KEY CHECK (id = 1), zone TEXT NOT NULL)"
    )


def _postings_and_invitations_v4(conn: SAConnection) -> None:
    # A captured posting keeps what vanishes with it (the description, its dates, the currency
    # of its range); its address finds the application that already holds it.
    for column in (
        "salary_currency VARCHAR NOT NULL DEFAULT ''",
        "description VARCHAR NOT NULL DEFAULT ''",
        "posted_on DATE",
        "closes_on DATE",
    ):
        conn.exec_driver_sql(f"ALTER TABLE application ADD COLUMN {column}")
    conn.exec_driver_sql("CREATE INDEX ix_application_url ON application (url)")
    # Company memory: the name as compared (domain.companies), kept by every write so that
    # "applied there before" is one indexed read.
    from pursuit.store.company_memory import fill_company_keys

    conn.exec_driver_sql(
        "ALTER TABLE application ADD COLUMN company_key VARCHAR NOT NULL DEFAULT ''"
    )
    conn.exec_driver_sql("CREATE INDEX ix_application_company_key ON application (company_key)")
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    fill_company_keys(raw)
    # An interview read from a calendar invitation is found again by the event's UID (and
    # RECURRENCE-ID); SEQUENCE, then DTSTAMP, says whether a later copy is newer. A cancelled
    # interview is kept, marked, rather than deleted.
    for column in (
        "link VARCHAR NOT NULL DEFAULT ''",
        "cancelled_at VARCHAR",
        "invite_uid VARCHAR NOT NULL DEFAULT ''",
        "invite_recurrence VARCHAR NOT NULL DEFAULT ''",
        "invite_sequence INTEGER NOT NULL DEFAULT 0",
        "invite_stamp VARCHAR",
    ):
        conn.exec_driver_sql(f"ALTER TABLE interview ADD COLUMN {column}")
    conn.exec_driver_sql(
        "CREATE INDEX ix_interview_invite ON interview (invite_uid, invite_recurrence)"
    )


#: Ordered steps; step N takes a database from version N-1 to N. Never edit a released step:
#: add a new one.
MIGRATIONS: Sequence[Step] = (
    _create_v1,
    _index_first_page_v2,
    _schedule_zone_v3,
    _postings_and_invitations_v4,
)
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
            found = explain(exc, path)
            if isinstance(found, PLACE_FAULTS):
                raise found from exc
            raise MigrationFailed(
                f"could not upgrade {path} to schema {number}: {exc}; the file is unchanged"
            ) from exc
    return max(version, len(steps))


def database_url(path: Path) -> str:
    """The URI the engine opens PATH by, to read and write."""
    return file_uri(path)


#: What a plain read of the file raises, named here so that the app, which never imports
#: sqlite3, can catch it. `DatabaseError` is the narrower kind (the file, not the call).
Connection = sqlite3.Connection
ReadError = sqlite3.Error
DatabaseError = sqlite3.DatabaseError


def open_for_ticks(path: Path) -> sqlite3.Connection:
    """The ticker's own plain connection, kept for the life of the app.

    PRAGMA data_version only tells about commits made by *other* connections since this one
    last looked, so it must be one connection throughout. It waits for another program's
    write as long as every other connection does.
    """
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    return conn


def open_for_reading(path: Path) -> sqlite3.Connection | None:
    """A plain connection for reading an up-to-date pursuit database, without the ORM.

    None when the full open is needed (a new file, or one to migrate); errors for files that
    are not pursuit databases, as `Store.open` gives. Used by the commands that only read, so
    that a shell prompt or cron job does not pay for importing SQLAlchemy. A file on a
    read-only disk or folder is read without writing to it.
    """
    if not check_file(path):
        return None
    uris = [file_uri(path)]
    if cannot_be_written(path):
        uris += reading_uris(path)
    conn, _uri, (app_id, version, tables) = _connect_and_read(path, uris)
    files.remember_database(path)
    try:
        _check_header(path, app_id, version, tables)
    except StoreError:
        conn.close()
        raise
    if version != LATEST or (
        schedule_zone(conn) != zone_identity(local_tz()) and not cannot_be_written(path)
    ):
        # The full open brings the schedule into this process's zone (see FollowUps).
        conn.close()
        return None
    return conn


def open_for_writing(path: Path) -> sqlite3.Connection | None:
    """A plain connection for the command line's writes (see writing.py), without the ORM.

    None when the full open is needed: a new file, one to migrate or whose schedule was
    worked out in another zone, or one that cannot be written (the full open says why).
    """
    if not check_file(path) or cannot_be_written(path):
        return None
    conn, _uri, (app_id, version, tables) = _connect_and_read(path, [file_uri(path)])
    try:
        _check_header(path, app_id, version, tables)
        if version != LATEST or schedule_zone(conn) != zone_identity(local_tz()):
            conn.close()
            return None
        _apply_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    files.remember_database(path)
    return conn


def schedule_zone(conn: sqlite3.Connection) -> str | None:
    """The zone the file's schedule was worked out in (None: not yet known)."""
    row = conn.execute("SELECT zone FROM schedule_zone WHERE id = 1").fetchone()
    return str(row[0]) if row else None
