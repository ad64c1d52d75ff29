"""The store: one open database and its parts, each named for what the job seeker does.

`Store.open` makes the `Database` (engine, reader and writer sessions, clock) and hands each part
what it uses, explicitly: the follow-up schedule to every part whose writes change it, the
applications (which log events) to drafts and people. Every write is one transaction.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from pursuit.domain.clock import Clock, SystemClock
from pursuit.paths import user_path
from pursuit.store import db, files
from pursuit.store.applications import Applications
from pursuit.store.database import Database
from pursuit.store.errors import InvalidValue, NotFound, explain
from pursuit.store.follow_ups import FollowUps
from pursuit.store.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from pursuit.store.checklists import Checklists
    from pursuit.store.drafts import Drafts
    from pursuit.store.people import People
    from pursuit.store.transfer import Transfer
    from pursuit.store.views import Views

__all__ = ["InvalidValue", "NotFound", "Store"]


class Store:
    """A pursuit database, opened and up to date, and the parts that read and write it."""

    def __init__(self, path: Path, engine: Engine, clock: Clock | None = None) -> None:
        self.database = Database(path, engine, clock or SystemClock())
        #: The follow-ups owed, kept in step with every write that changes them.
        self.follow_ups = FollowUps(self.database)
        self.settings = Settings(self.database)
        self.applications = Applications(self.database, self.follow_ups)
        #: The open created or upgraded the file: what was read from it before is stale.
        self.upgraded = False

    # The other parts are made (and their modules imported) on first use: a command-line
    # write pays for its own part, not for the import, drafts and checklist code as well.

    @cached_property
    def checklists(self) -> Checklists:
        from pursuit.store.checklists import Checklists

        return Checklists(self.database)

    @cached_property
    def people(self) -> People:
        """Contacts and interviews."""
        from pursuit.store.people import People

        return People(self.database, self.follow_ups, self.applications, self.checklists)

    @cached_property
    def drafts(self) -> Drafts:
        """Drafts, message templates and the user's own details."""
        from pursuit.store.drafts import Drafts

        return Drafts(self.database, self.settings, self.applications)

    @cached_property
    def transfer(self) -> Transfer:
        """Import, the JSON dump and restore, the CSV report, the calendar."""
        from pursuit.store.transfer import Transfer

        return Transfer(self.database, self.follow_ups)

    @cached_property
    def views(self) -> Views:
        """The reads screens and the command line show."""
        from pursuit.store.views import Views

        return Views(self.database, self.drafts)

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def engine(self) -> Engine:
        return self.database.engine

    @property
    def clock(self) -> Clock:
        return self.database.clock

    def now(self) -> datetime:
        return self.database.now()

    def reader(self) -> AbstractContextManager[sqlite3.Connection]:
        """A plain connection for the read queries in queries.py (autocommit)."""
        return self.database.connection()

    @classmethod
    def open(cls, path: Path | str, clock: Clock | None = None) -> Store:
        """Open (creating if needed) the database at PATH; StoreError says what is wrong."""
        path = user_path(path)
        reading_uri = None
        if db.check_file(path):
            version, reading_uri = db.inspect_existing(path)
        else:
            db.create_private_file(path)
            version = 0
        engine = db.make_engine(
            reading_uri or db.database_url(path), read_only=reading_uri is not None
        )
        try:
            db.migrate(engine, path)
        except (sqlite3.DatabaseError, DBAPIError) as exc:
            engine.dispose()
            raise explain(exc, path) or db.NotAPursuitDatabase(
                f"{path} is damaged or not a pursuit database ({exc})"
            ) from exc
        except BaseException:
            engine.dispose()
            raise
        files.remember_database(path)
        store = cls(path, engine, clock)
        store.upgraded = version != db.LATEST
        if reading_uri is None:
            try:
                store.upgraded |= store.follow_ups.follow_zone()
            except (sqlite3.DatabaseError, DBAPIError) as exc:
                engine.dispose()
                found = explain(exc, path)
                if found is None:
                    raise
                raise found from exc
            except BaseException:
                engine.dispose()
                raise
        return store

    def close(self) -> None:
        self.database.close()
