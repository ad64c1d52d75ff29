"""What every command shares: the user's mistakes, opening the file, reading dates given."""

from __future__ import annotations

import argparse
import gc
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pursuit.domain.clock import Clock
from pursuit.domain.dates import parse_day, parse_moment
from pursuit.paths import ENV_DB, resolve_db_path

if TYPE_CHECKING:
    from pursuit.store.repo import Store

EXIT_USAGE = 2

#: A command: its parsed arguments and the clock in, the exit code out.
Command = Callable[[argparse.Namespace, Clock], int]


class UserError(Exception):
    """Something the user can fix; printed as it is."""


def open_store(args: argparse.Namespace, clock: Clock) -> Store:
    # Importing the ORM makes some hundred thousand long-lived objects and no garbage: the
    # collections it would set off cost a sixth of the import and find nothing.
    importing = "pursuit.store.repo" not in sys.modules
    collecting = gc.isenabled()
    gc.disable()
    try:
        from pursuit.store.repo import Store
    finally:
        if collecting:
            if importing:
                gc.freeze()
            gc.enable()
    return Store.open(resolve_db_path(args.db), clock)


@contextmanager
def reading(args: argparse.Namespace, clock: Clock) -> Iterator[sqlite3.Connection]:
    """A connection for a command that only reads: plain sqlite3 when the file is up to date
    (fast enough for a shell prompt), else the full open, which upgrades it; a file not there
    yet reads as empty, and is not made."""
    from pursuit.store.db import open_for_reading

    if not _there(args):
        with store_for_reading(args, clock) as store, store.reader() as conn:
            yield conn
        return
    with _plain_or_full(args, clock, open_for_reading, lambda store: store.reader()) as conn:
        yield conn


@contextmanager
def store_for_reading(args: argparse.Namespace, clock: Clock) -> Iterator[Store]:
    """The store, for a command that only reads. A database not there yet is read as an empty
    one and not made: a mistyped --db must leave no file behind."""
    if _there(args):
        store = open_store(args, clock)
        try:
            yield store
        finally:
            store.close()
        return
    import tempfile

    from pursuit.store.files import check_could_be_made
    from pursuit.store.repo import Store

    path = resolve_db_path(args.db)
    # A path no database could ever be made at is a mistake to name, not an empty search.
    check_could_be_made(path)
    if args.db or os.environ.get(ENV_DB):
        print(
            f"note: there is no database at {path}; read as empty, and not made "
            "(the first pursuit add makes it)",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="pursuit-none-yet-") as folder:
        store = Store.open(Path(folder) / "pursuit.db", clock)
        try:
            yield store
        finally:
            store.close()


def _there(args: argparse.Namespace) -> bool:
    return os.path.lexists(resolve_db_path(args.db))


@contextmanager
def writing(args: argparse.Namespace, clock: Clock) -> Iterator[sqlite3.Connection]:
    """A connection for a command that writes (store/writing.py's functions begin and commit
    its transaction): plain sqlite3 when the file is up to date, else the full open, which
    creates or upgrades it first."""
    from pursuit.store.db import open_for_writing

    with _plain_or_full(
        args, clock, open_for_writing, lambda store: store.database.connection()
    ) as conn:
        yield conn


@contextmanager
def _plain_or_full(
    args: argparse.Namespace,
    clock: Clock,
    plain: Callable[[Path], sqlite3.Connection | None],
    full: Callable[[Store], AbstractContextManager[sqlite3.Connection]],
) -> Iterator[sqlite3.Connection]:
    """PLAIN's connection to the file, or, when it cannot serve (a new file, one to upgrade),
    FULL's on the store opened as the app opens it."""
    conn = plain(resolve_db_path(args.db))
    if conn is not None:
        try:
            yield conn
        finally:
            conn.close()
        return
    store = open_store(args, clock)
    try:
        with full(store) as conn:
            yield conn
    finally:
        store.close()


def given_moment(text: str | None, clock: Clock, *, future: bool) -> datetime | None:
    return parse_moment(text, clock.now(), future=future) if text else None


def given_day(text: str | None, clock: Clock, *, future: bool) -> date | None:
    return parse_day(text, clock.now(), future=future) if text else None
