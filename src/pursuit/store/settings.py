"""The user's settings as stored; changing a follow-up timing reschedules every application."""

from __future__ import annotations

from pursuit.domain import followups as fu
from pursuit.store.database import Database
from pursuit.store.follow_ups import FollowUps
from pursuit.store.tables import Setting


class Settings:
    def __init__(self, database: Database, follow_ups: FollowUps) -> None:
        self._db = database
        self._follow_ups = follow_ups

    def values(self) -> dict[str, str]:
        """What is stored (`domain.settings.effective` adds the defaults)."""
        with self._db.connection() as conn:
            return dict(conn.execute("SELECT key, value FROM setting"))

    def set(self, key: str, value: str) -> None:
        with self._db.writer() as s:
            s.merge(Setting(key=key, value=value))
            if key in fu.RULE_KEYS:
                self._follow_ups.reschedule_all(s)

    def set_many(self, values: dict[str, str]) -> None:
        """Several settings in one transaction."""
        with self._db.writer() as s:
            for key, value in values.items():
                s.merge(Setting(key=key, value=value))
            if set(values) & fu.RULE_KEYS:
                self._follow_ups.reschedule_all(s)

    def rules(self) -> fu.Rules:
        return fu.rules_from(self.values())
