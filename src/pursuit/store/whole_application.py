"""Everything about one application, read for `pursuit show` in plain sqlite3 (a few reads,
each on an index: the application by its id, the rest by application_id)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, tzinfo

from pursuit.domain.moments import from_db
from pursuit.domain.records import InterviewFacts, WholeApplication
from pursuit.store import queries
from pursuit.store.history import history


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def whole_application(
    conn: sqlite3.Connection, app_id: int, now: datetime, tz: tzinfo
) -> WholeApplication | None:
    """APP_ID's facts, interviews, people and history at NOW; None when there is no such one."""
    row = queries.application(conn, app_id)
    if row is None:
        return None
    currency, description, posted_on, closes_on = conn.execute(
        "SELECT salary_currency, description, posted_on, closes_on FROM application WHERE id = ?",
        (app_id,),
    ).fetchone()
    contacts = queries.contacts(conn, app_id)
    names = {c.id: c.name for c in contacts}
    return WholeApplication(
        row=row,
        salary_currency=currency or "",
        description=description or "",
        posted_on=_day(posted_on),
        closes_on=_day(closes_on),
        interviews=_interviews(conn, app_id),
        contacts=contacts,
        history=history(conn, app_id, names, row.applied_on, now, tz),
    )


def _interviews(conn: sqlite3.Connection, app_id: int) -> list[InterviewFacts]:
    sql = (
        "SELECT i.id, i.starts_at, i.kind, i.round_name, i.location, i.link, i.decision_by, "
        "i.cancelled_at, "
        "(SELECT group_concat(c.name, '\x1f') FROM interview_contact ic "
        " JOIN contact c ON c.id = ic.contact_id WHERE ic.interview_id = i.id) "
        "FROM interview i WHERE i.application_id = ? ORDER BY i.starts_at DESC, i.id DESC"
    )
    return [
        InterviewFacts(
            id=iid,
            starts_at=from_db(starts_at),
            kind=kind,
            round_name=round_name,
            location=location,
            link=link,
            interviewers=tuple(sorted(names.split("\x1f"))) if names else (),
            decision_by=_day(decision_by),
            cancelled_at=from_db(cancelled_at) if cancelled_at else None,
        )
        for iid, starts_at, kind, round_name, location, link, decision_by, cancelled_at, names in (
            conn.execute(sql, (app_id,))
        )
    ]
