"""The user's settings as stored; changing a follow-up timing reschedules every application."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING

from pursuit.domain import followups as fu
from pursuit.store import rescheduling
from pursuit.store.writing import stored, transaction

if TYPE_CHECKING:
    from pursuit.store.database import Database


def set_settings(conn: sqlite3.Connection, now: datetime, values: dict[str, str]) -> None:
    """Store VALUES in one transaction (plain sqlite3, see writing.py); a follow-up timing
    among them rewrites every application's schedule in it."""
    with transaction(conn):
        conn.executemany(
            'INSERT INTO setting ("key", value) VALUES (?, ?) '
            'ON CONFLICT ("key") DO UPDATE SET value = excluded.value',
            [(stored("key", key), stored(key, value)) for key, value in values.items()],
        )
        if set(values) & fu.RULE_KEYS:
            rescheduling.reschedule_all(conn, now)


class Settings:
    def __init__(self, database: Database) -> None:
        self._db = database

    def values(self) -> dict[str, str]:
        """What is stored (`domain.settings.effective` adds the defaults)."""
        with self._db.connection() as conn:
            return dict(conn.execute("SELECT key, value FROM setting"))

    def set(self, key: str, value: str) -> None:
        self.set_many({key: value})

    def set_many(self, values: dict[str, str]) -> None:
        """Several settings in one transaction."""
        with self._db.connection() as conn:
            set_settings(conn, self._db.now(), values)

    def rules(self) -> fu.Rules:
        return fu.rules_from(self.values())
