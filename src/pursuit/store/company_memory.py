"""Company memory: the earlier applications to the company an application is for."""

from __future__ import annotations

import sqlite3
from datetime import date, tzinfo

from pursuit.domain.companies import EarlierApplication, company_key
from pursuit.domain.moments import from_db


def fill_company_keys(conn: sqlite3.Connection) -> None:
    """Work out every application's company key again, in the caller's transaction: one
    statement over the table (the function belongs to this connection only)."""
    conn.create_function("pursuit_company_key", 1, company_key, deterministic=True)
    conn.execute("UPDATE application SET company_key = pursuit_company_key(company)")


#: Named at most, most recent first: enough to remember, short enough to read.
SHOWN = 5


def earlier_applications(
    conn: sqlite3.Connection,
    company: str,
    *,
    excluding: int | None = None,
    tz: tzinfo | None = None,
) -> list[EarlierApplication]:
    """Applications to COMPANY (compared as domain.companies does), newest first, but EXCLUDING.

    Archived ones count: a rejection in the spring is what the job seeker wants remembered.
    """
    from pursuit.domain.dates import local_tz

    zone = tz or local_tz()
    key = company_key(company)
    if not key:
        return []
    rows = conn.execute(
        "SELECT a.id, a.company, a.role, a.stage, a.archived, a.applied_on, "
        "(SELECT max(at) FROM stage_event WHERE application_id = a.id) "
        "FROM application a WHERE a.company_key = ? AND a.id IS NOT ? "
        "ORDER BY a.id DESC LIMIT ?",
        (key, excluding, SHOWN),
    ).fetchall()
    out = []
    for app_id, name, role, stage, archived, applied_on, last in rows:
        if last is not None:
            since = from_db(last).astimezone(zone).date()
        elif applied_on:
            since = date.fromisoformat(applied_on)
        else:
            continue
        out.append(EarlierApplication(app_id, name, role, stage, since, bool(archived)))
    return out
