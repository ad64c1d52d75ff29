"""One open pursuit database: its engine, how to read and write it, and the clock it runs on.

Every part of the store (applications, people, drafts, ...) is given this and nothing more of
the others than it uses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlmodel import Session

from pursuit.domain.clock import Clock
from pursuit.domain.safe_text import TextNotAllowed, check_stored_text
from pursuit.store.errors import InvalidValue, NotFound
from pursuit.store.tables import Application

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def _refuse_what_no_field_may_hold(session: Session, _context: object, _objects: object) -> None:
    """The ORM writes' door: text is stored as given, except what no field may hold (NUL).
    The plain writes pass the same check in `writing.stored`."""
    for row in (*session.new, *session.dirty):
        for name, value in vars(row).items():
            if isinstance(value, str):
                try:
                    check_stored_text(name.replace("_", " "), value)
                except TextNotAllowed as exc:
                    raise InvalidValue(str(exc)) from None


class Database:
    """The file at PATH, opened on ENGINE (see db.make_engine), telling the time by CLOCK."""

    def __init__(self, path: Path, engine: Engine, clock: Clock) -> None:
        self.path = path
        self.engine = engine
        self.clock = clock
        #: The same pool, with sessions that begin as readers (see make_engine's begin hook).
        self._read_engine = engine.execution_options(pursuit_reads_only=True)

    def now(self) -> datetime:
        return self.clock.now()

    @contextmanager
    def writer(self) -> Iterator[Session]:
        """A session that writes: BEGIN IMMEDIATE, so it waits its turn for the write lock
        instead of failing halfway; committed when the block ends, rolled back on an error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            event.listen(session, "before_flush", _refuse_what_no_field_may_hold)
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session that only reads: a plain BEGIN, so it never waits for another program's
        write lock (in WAL mode a reader is not blocked by a writer) and never holds one."""
        with Session(self._read_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A plain connection for the quick read queries (autocommit: no lock is held between
        them) and for the plain writes, which begin their own transactions (writing.py)."""
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            yield conn
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()


def raw_connection(s: Session) -> sqlite3.Connection:
    """The session's own connection, its pending changes flushed: a plain write made on it
    is part of the session's transaction."""
    s.flush()
    conn = s.connection().connection.dbapi_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def application_in(s: Session, app_id: int) -> Application:
    """The application of this id, or NotFound saying so."""
    app = s.get(Application, app_id)
    if app is None:
        raise NotFound(f"no application with id {app_id}")
    return app
