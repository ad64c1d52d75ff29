"""The currency an application's salary is in: the one fact of it `ApplicationRow` leaves out."""

from __future__ import annotations

import sqlite3


def salary_currency(conn: sqlite3.Connection, app_id: int) -> str:
    """APP_ID's salary currency (`EUR`); "" when none was given, or there is no such one."""
    row = conn.execute("SELECT salary_currency FROM application WHERE id = ?", (app_id,)).fetchone()
    return str(row[0] or "") if row else ""
