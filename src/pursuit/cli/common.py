"""What every command shares: the user's mistakes, opening the file, reading dates given."""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING

from pursuit.domain.clock import Clock
from pursuit.domain.dates import parse_day, parse_moment
from pursuit.paths import resolve_db_path

if TYPE_CHECKING:
    from pathlib import Path

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
    (fast enough for a shell prompt), else the full open, which creates or upgrades it."""
    from pursuit.store.db import open_for_reading

    with _plain_or_full(args, clock, open_for_reading, lambda store: store.reader()) as conn:
        yield conn


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
