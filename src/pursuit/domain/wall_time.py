"""The time of day an interview is shown at, with its UTC offset when the clock reads it twice.

On the night the clocks go back, 01:30 happens twice; pursuit reads a typed 01:30 as the first
(fold 0), and says which one it is wherever the interview is shown, so the two can be told apart.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def is_repeated(local: datetime) -> bool:
    """LOCAL's wall time happens twice that night (the hour the clocks go back over)."""
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset()


def utc_offset(local: datetime) -> str:
    """`UTC-4`, `UTC+5:30`, `UTC`."""
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def clock_time(local: datetime) -> str:
    """`14:00`, or `01:30 (UTC-4)` for a time the clocks show twice."""
    text = f"{local:%H:%M}"
    return f"{text} ({utc_offset(local)})" if is_repeated(local) else text
