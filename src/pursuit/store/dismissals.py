"""Dismissing a pending follow-up, and bringing it back: plain sqlite3 (see writing.py)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from pursuit.domain import actions
from pursuit.domain.moments import from_db
from pursuit.store import rescheduling
from pursuit.store.errors import InvalidValue, NotFound
from pursuit.store.writing import application_stage, insert, marks, transaction


def dismiss(
    conn: sqlite3.Connection, now: datetime, app_id: int, action: str, contact: str | None = None
) -> int:
    """Dismiss the pending ACTION (for CONTACT); returns how many were dismissed."""
    if action not in actions.ACTION_KINDS:
        raise InvalidValue(
            f"unknown action {action!r}; known actions: {', '.join(actions.ACTION_KINDS)}"
        )
    with transaction(conn):
        application_stage(conn, app_id)
        pending = conn.execute(
            "SELECT contact_id, source, contact_name FROM follow_up "
            "WHERE application_id = ? AND action = ? ORDER BY id",
            (app_id, action),
        ).fetchall()
        if contact:
            wanted = contact.strip().lower()
            pending = [p for p in pending if (p[2] or "").lower() == wanted]
        if not pending:
            who = f" for {contact}" if contact else ""
            raise NotFound(f"application {app_id} has no pending {action}{who}")
        # One moment for the lot: undo takes back what one dismissal hid, together.
        for contact_id, source, _name in pending:
            insert(
                conn,
                "follow_up_dismissal",
                {
                    "application_id": app_id,
                    "action": action,
                    "contact_id": contact_id,
                    "source": source,
                    "at": now,
                },
            )
        rescheduling.reschedule(conn, [app_id], now)
    return len(pending)


def undo_dismiss(
    conn: sqlite3.Connection, now: datetime, app_id: int, action: str, contact: str | None = None
) -> int:
    """Bring back the last dismissed ACTION (for CONTACT) and reschedule; returns how many."""
    with transaction(conn):
        application_stage(conn, app_id)
        dismissed = conn.execute(
            "SELECT id, contact_id, at FROM follow_up_dismissal "
            "WHERE application_id = ? AND action = ?",
            (app_id, action),
        ).fetchall()
        if contact:
            wanted = contact.strip().lower()
            ids = [d[1] for d in dismissed if d[1] is not None]
            names = {
                cid: str(name).lower()
                for cid, name in conn.execute(
                    f"SELECT id, name FROM contact WHERE id IN ({marks(ids)})", ids
                )
            }
            dismissed = [d for d in dismissed if names.get(d[1]) == wanted]
        if not dismissed:
            who = f" for {contact}" if contact else ""
            raise NotFound(f"application {app_id} has no dismissed {action}{who} to bring back")
        last = max(from_db(d[2]) for d in dismissed)
        taken_back = [d[0] for d in dismissed if from_db(d[2]) == last]
        conn.execute(
            f"DELETE FROM follow_up_dismissal WHERE id IN ({marks(taken_back)})", taken_back
        )
        rescheduling.reschedule(conn, [app_id], now)
    return len(taken_back)
