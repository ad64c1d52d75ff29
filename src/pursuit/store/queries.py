"""Read queries in plain SQL over a DB-API connection.

Reads go through `sqlite3` directly rather than the ORM: they are the hot paths (the pipeline,
the ticker, `pursuit due` from a shell prompt) and building ORM objects for thousands of rows
costs more than the query. Every query here is served by an index on the big tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from pursuit.domain.moments import from_db, to_db
from pursuit.domain.records import (
    ApplicationRow,
    ContactRow,
    DueRow,
    InterviewRow,
    JobDescription,
)

# The pipeline's own reads are in pipeline_reads, so that its first frame needs no records.
from pursuit.store.pipeline_reads import interviews_with_checklists

_APP_COLUMNS = (
    "a.id, a.company, a.role, a.stage, a.applied_on, a.url, a.notes, a.source, a.location, "
    "a.sector, a.salary_min, a.salary_max, a.archived, a.last_contact_at, a.next_action, "
    "a.next_contact, a.next_opens_at, a.next_due_at, a.next_overdue_at"
)


def _moment(value: str | None) -> datetime | None:
    return from_db(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _app_row(r: tuple[Any, ...]) -> ApplicationRow:
    (
        app_id,
        company,
        role,
        stage,
        applied_on,
        url,
        notes,
        source,
        location,
        sector,
        salary_min,
        salary_max,
        archived,
        last_contact_at,
        next_action,
        next_contact,
        next_opens_at,
        next_due_at,
        next_overdue_at,
    ) = r
    return ApplicationRow(
        id=app_id,
        company=company,
        role=role,
        stage=stage,
        applied_on=_day(applied_on),
        url=url,
        notes=notes,
        source=source,
        location=location,
        sector=sector,
        salary_min=salary_min,
        salary_max=salary_max,
        archived=bool(archived),
        last_contact_at=_moment(last_contact_at),
        next_action=next_action,
        next_contact=next_contact,
        next_opens_at=_moment(next_opens_at),
        next_due_at=_moment(next_due_at),
        next_overdue_at=_moment(next_overdue_at),
    )


def applications(
    conn: sqlite3.Connection, *, stage: str | None = None, archived: bool = False
) -> list[ApplicationRow]:
    """Applications, newest first; archived ones only when asked for."""
    sql = f"SELECT {_APP_COLUMNS} FROM application a WHERE a.archived = ?"
    params: list[object] = [1 if archived else 0]
    if stage:
        sql += " AND a.stage = ?"
        params.append(stage)
    sql += " ORDER BY a.id DESC"
    return [_app_row(r) for r in conn.execute(sql, params)]


def application(conn: sqlite3.Connection, app_id: int) -> ApplicationRow | None:
    r = conn.execute(f"SELECT {_APP_COLUMNS} FROM application a WHERE a.id = ?", (app_id,))
    row = r.fetchone()
    return _app_row(row) if row else None


def job_description(
    conn: sqlite3.Connection, *, interview_id: int | None = None, application_id: int | None = None
) -> JobDescription | None:
    """The description of APPLICATION_ID (or of INTERVIEW_ID's application); None when none
    is kept (or blank)."""
    if interview_id is not None:
        row = conn.execute(
            "SELECT a.id, a.company, a.role, a.description FROM interview i "
            "JOIN application a ON a.id = i.application_id WHERE i.id = ?",
            (interview_id,),
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT id, company, role, description FROM application WHERE id = ?",
            (application_id,),
        ).fetchone()
    if row is None or not (row[3] or "").strip():
        return None
    return JobDescription(*row)


_DUE_COLUMNS = (
    "f.application_id, a.company, a.role, f.action, f.contact_id, f.contact_name, "
    "f.interview_id, f.source, f.opens_at, f.due_at, f.overdue_at"
)


def _due_row(r: tuple[Any, ...]) -> DueRow:
    (
        app_id,
        company,
        role,
        action,
        contact_id,
        contact_name,
        interview_id,
        source,
        opens_at,
        due_at,
        overdue_at,
    ) = r
    return DueRow(
        application_id=app_id,
        company=company,
        role=role,
        action=action,
        contact_id=contact_id,
        contact_name=contact_name,
        interview_id=interview_id,
        source=source,
        opens_at=from_db(opens_at),
        due_at=from_db(due_at),
        overdue_at=from_db(overdue_at),
    )


class DueBrief(NamedTuple):
    """A follow-up open now, as the command line's JSON gives it: moments as stored."""

    application_id: int
    company: str
    role: str
    action: str
    due_at: str
    overdue_at: str
    contact: str | None


def due(
    conn: sqlite3.Connection,
    at: datetime,
    *,
    application_id: int | None = None,
    limit: int | None = None,
) -> list[DueRow]:
    """Follow-ups open at AT, most overdue first (the first LIMIT of them when given)."""
    return [_due_row(r) for r in _due(conn, _DUE_COLUMNS, at, application_id, limit)]


def due_brief(
    conn: sqlite3.Connection, at: datetime, *, application_id: int | None = None
) -> list[DueBrief]:
    """As `due`, with only what the command line's JSON says (none of the moments parsed)."""
    columns = (
        "f.application_id, a.company, a.role, f.action, f.due_at, f.overdue_at, f.contact_name"
    )
    return list(map(DueBrief._make, _due(conn, columns, at, application_id, None)))


def _due(
    conn: sqlite3.Connection,
    columns: str,
    at: datetime,
    application_id: int | None,
    limit: int | None,
) -> list[tuple[Any, ...]]:
    # Down the due_at index: rows come in the order asked for, so only ties are sorted (a
    # range on opens_at would sort every open one: half again as long at 10,000).
    sql = (
        f"SELECT {columns} FROM follow_up f JOIN application a ON a.id = f.application_id "
        "WHERE +f.opens_at <= ? AND +a.archived = 0"
    )
    params: list[object] = [to_db(at)]
    if application_id is not None:
        sql += " AND f.application_id = ?"
        params.append(application_id)
    sql += " ORDER BY f.due_at, a.company, f.action, f.contact_name"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return conn.execute(sql, params).fetchall()


def due_counts(conn: sqlite3.Connection, at: datetime, tomorrow: datetime) -> dict[str, int]:
    """How many open follow-ups are overdue, due before TOMORROW, and due later."""
    now, day = to_db(at), to_db(tomorrow)
    # Overdue ones are opened too; the others are the few not yet overdue.
    overdue = _live_count(conn, "f.overdue_at <= ?", (now,))
    waiting = _live_count(conn, "f.overdue_at > ? AND +f.opens_at <= ?", (now, now))
    today = _live_count(
        conn, "f.overdue_at > ? AND +f.opens_at <= ? AND +f.due_at < ?", (now, now, day)
    )
    return {"overdue": overdue, "today": today, "later": waiting - today}


def state_counts(conn: sqlite3.Connection, at: datetime) -> dict[str, int]:
    """How many open follow-ups are in each state at AT (`domain.pipeline.state_at`'s)."""
    now = to_db(at)
    overdue = _live_count(conn, "f.overdue_at <= ?", (now,))
    due = _live_count(conn, "f.overdue_at > ? AND +f.opens_at <= ?", (now, now))
    return {"overdue": overdue, "due": due}


def pending(conn: sqlite3.Connection, application_id: int) -> list[DueRow]:
    """Every scheduled follow-up of one application, open or not, soonest first."""
    sql = (
        f"SELECT {_DUE_COLUMNS} FROM follow_up f JOIN application a ON a.id = f.application_id "
        "WHERE f.application_id = ? ORDER BY f.due_at, f.action, f.contact_name"
    )
    return [_due_row(r) for r in conn.execute(sql, (application_id,))]


def overdue_between(conn: sqlite3.Connection, after: datetime, until: datetime) -> list[DueRow]:
    """Follow-ups that fell overdue in (AFTER, UNTIL]: what a tick has to announce."""
    sql = (
        f"SELECT {_DUE_COLUMNS} FROM follow_up f JOIN application a ON a.id = f.application_id "
        "WHERE f.overdue_at > ? AND f.overdue_at <= ? AND +a.archived = 0 "
        "ORDER BY f.overdue_at, a.company"
    )
    return [_due_row(r) for r in conn.execute(sql, (to_db(after), to_db(until)))]


def _live_count(conn: sqlite3.Connection, where: str, params: tuple[str, ...]) -> int:
    """Follow-ups matching WHERE, less those of archived applications.

    Counted on the follow-up indexes alone, then corrected by the archived applications
    (usually few): joining every follow-up to its application costs a lookup per row.
    """
    total = conn.execute(f"SELECT count(*) FROM follow_up f WHERE {where}", params).fetchone()[0]
    archived = conn.execute(
        "SELECT count(*) FROM application a JOIN follow_up f ON f.application_id = a.id "
        f"WHERE a.archived = 1 AND {where}",
        params,
    ).fetchone()[0]
    return int(total - archived)


def overdue_count(conn: sqlite3.Connection, at: datetime) -> int:
    return _live_count(conn, "f.overdue_at <= ?", (to_db(at),))


def upcoming_interviews(
    conn: sqlite3.Connection, start: datetime, end: datetime
) -> list[InterviewRow]:
    sql = (
        "SELECT i.id, i.application_id, a.company, a.role, i.kind, i.round_name, i.starts_at, "
        "i.decision_by, i.location, i.link, i.cancelled_at IS NOT NULL, "
        "(SELECT group_concat(c.name, '\x1f') FROM interview_contact ic "
        " JOIN contact c ON c.id = ic.contact_id WHERE ic.interview_id = i.id) "
        "FROM interview i JOIN application a ON a.id = i.application_id "
        "WHERE i.starts_at >= ? AND i.starts_at < ? AND +a.archived = 0 ORDER BY i.starts_at"
    )
    return [_interview_row(r) for r in conn.execute(sql, (to_db(start), to_db(end)))]


def interviews_of(conn: sqlite3.Connection, application_id: int) -> list[InterviewRow]:
    sql = (
        "SELECT i.id, i.application_id, a.company, a.role, i.kind, i.round_name, i.starts_at, "
        "i.decision_by, i.location, i.link, i.cancelled_at IS NOT NULL, "
        "(SELECT group_concat(c.name, '\x1f') FROM interview_contact ic "
        " JOIN contact c ON c.id = ic.contact_id WHERE ic.interview_id = i.id) "
        "FROM interview i JOIN application a ON a.id = i.application_id "
        "WHERE i.application_id = ? ORDER BY i.starts_at DESC"
    )
    return [_interview_row(r) for r in conn.execute(sql, (application_id,))]


def _interview_row(r: tuple[Any, ...]) -> InterviewRow:
    (iid, app_id, company, role, kind, round_name, starts_at, decision_by, location) = r[:9]
    link, cancelled, names = r[9:]
    return InterviewRow(
        id=iid,
        application_id=app_id,
        company=company,
        role=role,
        kind=kind,
        round_name=round_name,
        starts_at=from_db(starts_at),
        decision_by=_day(decision_by),
        location=location,
        interviewers=tuple(sorted(names.split("\x1f"))) if names else (),
        link=link,
        cancelled=bool(cancelled),
    )


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits to the file (SQLite's own counter)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def contacts(conn: sqlite3.Connection, application_id: int | None = None) -> list[ContactRow]:
    """Everyone (with the companies they are linked to), or one application's people."""
    companies = (
        "(SELECT group_concat(DISTINCT a.company) FROM application_contact x "
        " JOIN application a ON a.id = x.application_id WHERE x.contact_id = c.id)"
    )
    if application_id is None:
        sql = (
            f"SELECT c.id, c.name, c.title, c.email, c.phone, c.linkedin, c.notes, '', "
            f"{companies} FROM contact c ORDER BY lower(c.name)"
        )
        params: tuple[object, ...] = ()
    else:
        sql = (
            f"SELECT c.id, c.name, c.title, c.email, c.phone, c.linkedin, c.notes, ac.role, "
            f"{companies} FROM application_contact ac JOIN contact c ON c.id = ac.contact_id "
            "WHERE ac.application_id = ? ORDER BY lower(c.name)"
        )
        params = (application_id,)
    return [
        ContactRow(
            id=r[0],
            name=r[1],
            title=r[2],
            email=r[3],
            phone=r[4],
            linkedin=r[5],
            notes=r[6],
            role=r[7] or "",
            companies=tuple(sorted(r[8].split(","))) if r[8] else (),
        )
        for r in conn.execute(sql, params)
    ]


def preparation(
    conn: sqlite3.Connection,
    start: datetime,
    end: datetime,
    *,
    application_ids: Sequence[int] | None = None,
) -> list[tuple[InterviewRow, int, int]]:
    """Interviews starting in [START, END) with their checklist: (interview, settled, total).
    A cancelled interview has nothing to prepare: it is not among them.

    Settled items are done or skipped; only the items for before the interview count.
    APPLICATION_IDS, when given, limits them to those applications.
    """
    return [
        (
            InterviewRow(
                id=r.id,
                application_id=r.application_id,
                company=r.company,
                role=r.role,
                kind=r.kind,
                round_name=r.round_name,
                starts_at=r.starts_at,
                decision_by=r.decision_by,
                location=r.location,
                interviewers=(),
            ),
            r.settled,
            r.total,
        )
        for r in interviews_with_checklists(conn, start, end, application_ids)
    ]
