"""The pipeline's reads: its rows, its stage counts and its applications' coming interviews.

Apart from the other queries so that the first frame (drawn before the store opens) needs
neither the record types nor the ORM: these build only the pipeline's light `Entry` rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import NamedTuple

from pursuit.domain.moments import from_db, to_db
from pursuit.domain.pipeline import Coming, Entry, searchable


def stage_counts(conn: sqlite3.Connection, *, archived: bool = False) -> dict[str, int]:
    sql = "SELECT stage, count(*) FROM application WHERE archived = ? GROUP BY stage"
    return {stage: n for stage, n in conn.execute(sql, (1 if archived else 0,))}


class ReadyInterview(NamedTuple):
    """An interview, with how many of its checklist's items for before it are settled (done or
    skipped) out of how many."""

    id: int
    application_id: int
    company: str
    role: str
    kind: str
    round_name: str
    starts_at: datetime
    decision_by: date | None
    location: str
    settled: int
    total: int


def interviews_with_checklists(
    conn: sqlite3.Connection,
    start: datetime,
    end: datetime,
    application_ids: Sequence[int] | None = None,
) -> list[ReadyInterview]:
    """Interviews starting in [START, END), soonest first, with their checklists' readiness
    (not the cancelled ones: nothing to prepare)."""
    sql = (
        "SELECT i.id, i.application_id, a.company, a.role, i.kind, i.round_name, i.starts_at, "
        "i.decision_by, i.location, "
        "(SELECT count(*) FROM checklist_item c WHERE c.interview_id = i.id "
        " AND c.phase = 'before' AND c.state != 'open'), "
        "(SELECT count(*) FROM checklist_item c WHERE c.interview_id = i.id "
        " AND c.phase = 'before') "
        "FROM interview i JOIN application a ON a.id = i.application_id "
        "WHERE i.starts_at >= ? AND i.starts_at < ? AND +a.archived = 0 "
        "AND i.cancelled_at IS NULL"
    )
    params: list[object] = [to_db(start), to_db(end)]
    if application_ids is not None:
        sql += f" AND i.application_id IN ({', '.join('?' * len(application_ids))})"
        params.extend(application_ids)
    sql += " ORDER BY i.starts_at"
    return [
        ReadyInterview(
            iid,
            app_id,
            company,
            role,
            kind,
            round_name,
            from_db(starts_at),
            date.fromisoformat(decision_by) if decision_by else None,
            location,
            settled,
            total,
        )
        for (
            iid,
            app_id,
            company,
            role,
            kind,
            round_name,
            starts_at,
            decision_by,
            location,
            settled,
            total,
        ) in conn.execute(sql, params)
    ]


def coming(
    conn: sqlite3.Connection,
    start: datetime,
    end: datetime,
    application_ids: Sequence[int] | None = None,
) -> dict[int, Coming]:
    """Each application's soonest interview in [START, END), with how ready it is."""
    rows = interviews_with_checklists(conn, start, end, application_ids)
    # Soonest last, so that it wins.
    return {
        r.application_id: Coming(r.kind, r.starts_at, r.settled, r.total) for r in reversed(rows)
    }


_ENTRY_COLUMNS = (
    "id, company, role, stage, next_action, next_contact, next_opens_at, next_due_at, "
    "next_overdue_at, last_contact_at, location, notes"
)
#: A row of _ENTRY_COLUMNS as SQLite gives it (moments as stored: `Entry` keeps them so).
_EntryColumns = tuple[
    int,
    str,
    str,
    str,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str,
    str,
]


def pipeline_entries(conn: sqlite3.Connection, *, archived: bool = False) -> list[Entry]:
    """Every (archived or active) application as the pipeline holds it, roughly soonest due
    first (`PipelineView` makes the exact orders)."""
    # Read soonest due first (down the index): the entries and their filter text are then
    # made in the order the pipeline first shows, and a filter walks them through memory in
    # order. Scattered, a first keystroke's scan of 100,000 took four times as long.
    sql = f"SELECT {_ENTRY_COLUMNS} FROM application WHERE archived = ? ORDER BY next_due_at"
    return _entries(conn.execute(sql, (1 if archived else 0,)))


def first_entries(conn: sqlite3.Connection, limit: int, *, archived: bool = False) -> list[Entry]:
    """About the first LIMIT lines of the pipeline in its first order (soonest due), at once.

    Served by the (archived, next_due_at) index, so its cost does not grow with the file;
    `PipelineView` puts them in the exact order, and the full read replaces them a moment later.
    """
    flag = 1 if archived else 0
    sql = (
        f"SELECT {_ENTRY_COLUMNS} FROM application WHERE archived = ? "
        "AND next_due_at IS NOT NULL ORDER BY next_due_at LIMIT ?"
    )
    entries = _entries(conn.execute(sql, (flag, limit)))
    if len(entries) < limit:
        sql = (
            f"SELECT {_ENTRY_COLUMNS} FROM application WHERE archived = ? "
            "AND next_due_at IS NULL ORDER BY lower(company), id LIMIT ?"
        )
        entries += _entries(conn.execute(sql, (flag, limit - len(entries))))
    return entries


def _entries(rows: Iterable[_EntryColumns]) -> list[Entry]:
    # The same few stages and actions on every row: share one string object for each.
    shared: dict[str, str] = {}
    share = shared.setdefault
    return [
        Entry(
            app_id,
            company,
            role,
            share(stage, stage),
            share(action, action) if action else None,
            contact,
            opens_at,
            due_at,
            overdue_at,
            last_contact_at,
            searchable(f"{company}\n{role}\n{location}\n{notes}"),
        )
        for (
            app_id,
            company,
            role,
            stage,
            action,
            contact,
            opens_at,
            due_at,
            overdue_at,
            last_contact_at,
            location,
            notes,
        ) in rows
    ]
