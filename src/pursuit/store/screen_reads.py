"""The reads behind the app's screens, as typed results: the screens never see a connection.

Each is called from a worker thread, never from the UI thread. The pipeline's two reads open
the file without the ORM (`open_for_reading`), so that its first rows come before SQLAlchemy is
imported (nor the record types, which cost milliseconds: `queries` is imported when used);
the others use the open store's reader.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

from pursuit.store import pipeline_reads
from pursuit.store.db import ReadError, StoreError, open_for_reading

if TYPE_CHECKING:
    from pursuit.domain.pipeline import Coming, Entry
    from pursuit.domain.records import ContactRow, DueRow, InterviewRow
    from pursuit.store.insights import Insights


#: A plain connection to the file (the ticker's), by a name the app can use without sqlite3.
PlainConnection: TypeAlias = sqlite3.Connection


class Readable(Protocol):
    def reader(self) -> AbstractContextManager[sqlite3.Connection]: ...


# --- Today ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TodayReading:
    interviews: list[InterviewRow]
    #: Each of those interviews' preparation: (settled, total) by interview id.
    prep: dict[int, tuple[int, int]]
    due: list[DueRow]
    #: Every open follow-up by its state (overdue, due) at AT, where `due` holds the first SHOWN.
    counts: dict[str, int]
    #: The moment it was read at: the rows' markers are drawn at it, as the counts were made.
    at: datetime


def today(
    store: Readable,
    now: datetime,
    *,
    since: datetime,
    until: datetime,
    shown: int,
) -> TodayReading:
    """Interviews from SINCE to UNTIL, and the first SHOWN open follow-ups at NOW."""
    from pursuit.store import queries

    with store.reader() as conn:
        interviews = queries.upcoming_interviews(conn, since, until)
        prep = {
            iv.id: (settled, total)
            for iv, settled, total in queries.preparation(conn, since, until)
        }
        due = queries.due(conn, now, limit=shown)
        counts = queries.state_counts(conn, now)
    return TodayReading(interviews, prep, due, counts, now)


def insights(store: Readable, now: datetime) -> Insights:
    """The figures of the Insights screen at NOW (a local time)."""
    from pursuit.store.insights import compute

    with store.reader() as conn:
        return compute(conn, now)


# --- the pipeline -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PipelinePage:
    entries: list[Entry]
    #: Each application's stage count (the whole file's, even on the first page).
    counts: dict[str, int] | None
    coming: dict[int, Coming]
    #: Everyone, read with every entry (None with the first page alone).
    contacts: list[ContactRow] | None


@contextmanager
def _plain(path: Path) -> Iterator[sqlite3.Connection | None]:
    try:
        # None for a new or older file: the store creates or upgrades it, then the screen loads.
        conn = open_for_reading(path)
    except (StoreError, ReadError, OSError):
        conn = None  # the store's own open reports what is wrong with the file
    try:
        yield conn
    finally:
        if conn is not None:
            conn.close()


def first_page(path: Path, now: datetime, limit: int, within: timedelta) -> PipelinePage | None:
    """The first LIMIT rows of the pipeline, read without the ORM (a few indexed reads).

    None when only the store can read the file (new, older, or not answering): the store's
    open reads it afterwards, or says what is wrong.
    """
    with _plain(path) as conn:
        if conn is None:
            return None
        try:
            first = pipeline_reads.first_entries(conn, limit)
            counts = pipeline_reads.stage_counts(conn)
            coming = pipeline_reads.coming(conn, now, now + within, [e.id for e in first])
        except ReadError:
            return None
    return PipelinePage(first, counts, coming, None)


def every_entry(
    path: Path, now: datetime, within: timedelta, *, archived: bool
) -> PipelinePage | None:
    """Every active (or ARCHIVED) application, their interviews coming, and everyone.

    None when the file does not answer: the ticker reports a file it cannot read.
    """
    from pursuit.store import queries

    with _plain(path) as conn:
        if conn is None:
            return None
        try:
            coming = pipeline_reads.coming(conn, now, now + within)
            entries = pipeline_reads.pipeline_entries(conn, archived=archived)
            contacts = queries.contacts(conn)
        except ReadError:
            return None
    return PipelinePage(entries, None, coming, contacts)
