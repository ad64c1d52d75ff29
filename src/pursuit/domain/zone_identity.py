"""Which time zone a schedule was worked out in, as a short text to compare.

A wait counted in days falls due at midnight where the job seeker is. The file keeps the zone its
schedule was worked out in; a process in another zone works it out again in its own.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, tzinfo

#: The years whose offsets identify a zone: its rules as far as anyone plans a job search.
#: (Mid-month readings tell summer time apart, and keep this quick enough for a shell prompt.)
_YEARS = range(2026, 2028)


def zone_identity(tz: tzinfo) -> str:
    """Two zones with the same offsets in the middle of every month of 2026 and 2027 are the same
    here; the name is kept in front for a person reading the file."""
    offsets = []
    for year in _YEARS:
        for month in range(1, 13):
            offset = datetime(year, month, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset()
            offsets.append(str(int(offset.total_seconds()) if offset else 0))
    digest = hashlib.sha1(",".join(offsets).encode()).hexdigest()[:16]
    name = datetime(2026, 1, 1, 12, tzinfo=UTC).astimezone(tz).tzname() or "?"
    return f"{name} {digest}"
