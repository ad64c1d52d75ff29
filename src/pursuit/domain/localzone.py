"""The machine's time zone, as the C library reads it (TZ, /etc/localtime).

dateutil's `tzlocal` does the same job, but importing dateutil.tz costs about 10 ms, and the
pipeline needs the zone for its first frame (a follow-up's day is a local day). This reads
the offset of each moment from `time.localtime`, so summer time and a changed TZ are followed.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, tzinfo

_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)
_ZERO = timedelta(0)


class LocalZone(tzinfo):
    """The local zone; ambiguous wall times (the hour repeated in autumn) follow `fold`."""

    @staticmethod
    def _stamp(dt: datetime) -> int:
        # A naive datetime's timestamp() is read in local time, with PEP 495's rules for the
        # repeated hour (fold) and the skipped one (fold 0 takes the offset from before).
        return int(dt.replace(tzinfo=None, microsecond=0).timestamp())

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=-time.timezone)
        wall = dt.replace(tzinfo=None, microsecond=0)
        return (wall - _EPOCH) - timedelta(seconds=self._stamp(dt))

    def dst(self, dt: datetime | None) -> timedelta:
        if dt is None or time.localtime(self._stamp(dt)).tm_isdst <= 0:
            return _ZERO
        return self.utcoffset(dt) - timedelta(seconds=-time.timezone)

    def tzname(self, dt: datetime | None) -> str:
        if dt is None:
            return time.tzname[0]
        return time.localtime(self._stamp(dt)).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        utc = dt.replace(tzinfo=None)
        stamp = (utc - _EPOCH) // _SECOND
        local = utc + timedelta(seconds=time.localtime(stamp).tm_gmtoff)
        # The first reading of a repeated wall time is a different instant: this is the second.
        fold = 0 if self._stamp(local) == stamp else 1
        return local.replace(tzinfo=self, fold=fold)

    def __repr__(self) -> str:
        return "LocalZone()"


def local_tz() -> tzinfo:
    """The machine's time zone; every reading follows the current TZ."""
    return LocalZone()
