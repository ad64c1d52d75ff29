"""The clock the app, the ticker and the command line read; tests pass a fixed one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from pursuit.domain.localzone import local_tz


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(local_tz())


class FixedClock:
    """A clock that moves only when told to."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=local_tz())
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment
