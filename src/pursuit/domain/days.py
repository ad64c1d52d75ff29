"""How a day reads: in a table (`tomorrow`, `Mon 3`) and in a message (`Tuesday, December 1`).

Apart from the date parsing so that the pipeline's first frame can write days without it.
"""

from __future__ import annotations

from datetime import date


def friendly_day(day: date) -> str:
    """`Tuesday, December 1`: how a date reads in a message."""
    return f"{day.strftime('%A')}, {day.strftime('%B')} {day.day}"


def short_day(day: date, today: date) -> str:
    """A compact day for tables: `today`, `tomorrow`, `Mon 3`, or `Dec 1` / `Dec 1 2025`."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if 1 < delta < 7:
        return f"{day.strftime('%a')} {day.day}"
    if day.year == today.year:
        return f"{day.strftime('%b')} {day.day}"
    return f"{day.strftime('%b')} {day.day} {day.year}"
