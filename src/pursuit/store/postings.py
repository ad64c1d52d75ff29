"""One posting, one application: the application that already holds a posting's address."""

from __future__ import annotations

import sqlite3


def application_holding(conn: sqlite3.Connection, url: str) -> int | None:
    """The application (archived or not) whose address is URL, the first added; None if none.

    URL is a posting's address as kept (postings.addresses.kept_address), so the same posting
    linked with other tracking parameters is found too.
    """
    if not url:
        return None
    row = conn.execute(
        "SELECT id FROM application WHERE url = ? ORDER BY id LIMIT 1", (url,)
    ).fetchone()
    return int(row[0]) if row is not None else None
