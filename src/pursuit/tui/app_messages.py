"""What the app's workers tell it: the store open (or not), the ticker's reading, the file lost."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from pursuit.domain.records import DueRow, PrepRow


class StoreReady(Message):
    def __init__(self, settings: dict[str, str], changed: bool) -> None:
        super().__init__()
        self.settings = settings
        #: The open created, upgraded or seeded the file: what screens read early is stale.
        self.changed = changed


class StoreFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class Ticked(Message):
    """The ticker's reading: what fell overdue since the last one, and whether data changed."""

    def __init__(
        self,
        now: datetime,
        overdue: int,
        newly_overdue: list[DueRow],
        changed: bool,
        prepare: list[PrepRow],
        first: bool,
    ) -> None:
        super().__init__()
        self.now = now
        self.overdue = overdue
        self.newly_overdue = newly_overdue
        self.changed = changed
        self.prepare = prepare
        self.first = first


class FileLost(Message):
    """The ticker found the database file deleted or replaced (missing or replaced)."""

    def __init__(self, fault: str) -> None:
        super().__init__()
        self.fault = fault
