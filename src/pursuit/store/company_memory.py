"""Company memory: the earlier applications to the company an application is for."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import date, tzinfo
from typing import Any

from pursuit.domain.companies import EarlierApplication, ImportedBefore, company_key
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
        f"SELECT {_EARLIER} FROM application a WHERE a.company_key = ? AND a.id IS NOT ? "
        "ORDER BY a.id DESC LIMIT ?",
        (key, excluding, SHOWN),
    ).fetchall()
    return [e for e in (_earlier(row, zone) for row in rows) if e is not None]


#: An earlier application's columns, with the moment of its last stage change.
_EARLIER = (
    "a.id, a.company, a.role, a.stage, a.archived, a.applied_on, "
    "(SELECT max(at) FROM stage_event WHERE application_id = a.id)"
)


def _earlier(row: tuple[Any, ...], zone: tzinfo) -> EarlierApplication | None:
    app_id, name, role, stage, archived, applied_on, last = row
    if stage == "applied" and applied_on:
        # Still where it started: the day applied, which a typed-in application may give
        # as weeks before the day it was added.
        since = date.fromisoformat(applied_on)
    elif last is not None:
        since = from_db(last).astimezone(zone).date()
    elif applied_on:
        since = date.fromisoformat(applied_on)
    else:
        return None
    return EarlierApplication(app_id, name, role, stage, since, bool(archived))


def newest_earlier(conn: sqlite3.Connection, keys: Collection[str], up_to: int) -> dict[str, int]:
    """For each of KEYS (companies as compared) that an application of id UP_TO or lower was
    for, the newest such application's id: one query down the company_key index."""
    wanted = [k for k in set(keys) if k]
    if not wanted:
        return {}
    return dict(
        conn.execute(
            "SELECT company_key, max(id) FROM application "
            f"WHERE company_key IN ({', '.join('?' * len(wanted))}) AND id <= ? "
            "GROUP BY company_key",
            (*wanted, up_to),
        ).fetchall()
    )


class BeforeTheImport:
    """Which rows of an import are for a company applied to before it began.

    Told a batch at a time (one indexed query each), in memory that does not grow with the
    file: counts, and the first few companies with their newest earlier application.
    """

    NAMED = 3

    def __init__(self, conn: sqlite3.Connection, tz: tzinfo) -> None:
        # What the import adds comes after: a company twice in the file is not "before".
        self.up_to: int = conn.execute("SELECT coalesce(max(id), 0) FROM application").fetchone()[0]
        self.tz = tz
        self.rows = 0
        self.more = 0
        self.named: dict[str, EarlierApplication] = {}

    def batch(self, conn: sqlite3.Connection, keys: list[str]) -> None:
        """KEYS: the company (as compared) of each row of the batch just written."""
        found = newest_earlier(conn, keys, self.up_to)
        for key in keys:
            if key not in found:
                continue
            self.rows += 1
            if key in self.named:
                continue
            if len(self.named) < self.NAMED:
                earlier = _earlier(
                    conn.execute(
                        f"SELECT {_EARLIER} FROM application a WHERE a.id = ?", (found[key],)
                    ).fetchone(),
                    self.tz,
                )
                if earlier is not None:
                    self.named[key] = earlier
                    continue
            self.more += 1

    def result(self) -> ImportedBefore:
        return ImportedBefore(self.rows, tuple(self.named.values()), self.more)
