"""What an application keeps of its posting, for the form that edits it.

Apart from the pipeline's rows on purpose: a job description can run to pages, and the pipeline
reads every application at each change, so only the form that shows it reads it, for one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PostingFields:
    salary_currency: str = ""
    description: str = ""
    posted_on: date | None = None
    closes_on: date | None = None


def posting_fields(conn: sqlite3.Connection, app_id: int) -> PostingFields | None:
    """The posting fields of application APP_ID; None when there is no such application."""
    row = conn.execute(
        "SELECT salary_currency, description, posted_on, closes_on FROM application WHERE id = ?",
        (app_id,),
    ).fetchone()
    if row is None:
        return None
    currency, description, posted, closes = row
    return PostingFields(
        currency or "",
        description or "",
        date.fromisoformat(posted) if posted else None,
        date.fromisoformat(closes) if closes else None,
    )
