"""Which comes first in a spreadsheet's dates like 03/04/2026: the day or the month.

A file is written one way throughout. One date that can only be read one way (25/03/2026)
settles the order for the whole file; if every date reads both ways, and at least one means two
different days, the job seeker is asked once for the file.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from pursuit.domain.dates import BadDate, day_out_of_range
from pursuit.domain.days import exact_day

DMY: Final = "dmy"
MDY: Final = "mdy"
ORDER_WORDS: Final = {DMY: "day/month", MDY: "month/day"}

_NUMERIC = re.compile(r"^(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}|\d{2}))?$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _parts(text: str) -> tuple[int, int, str] | None:
    m = _NUMERIC.match(text.strip())
    return (int(m[1]), int(m[3]), m[4] or "") if m else None


def _valid(year: str, month: int, day: int) -> bool:
    # A year-less date is checked against a leap year: 29/02 can be meant.
    y = int(year) + (2000 if len(year) == 2 else 0) if year else 2024
    try:
        date(y, month, day)
    except ValueError:
        return False
    return True


def orders(text: str) -> frozenset[str] | None:
    """The orders TEXT can be read in (None if it is not a date of numbers like 03/04/2026)."""
    parts = _parts(text)
    if parts is None:
        return None
    first, second, year = parts
    ok = set()
    if _valid(year, second, first):
        ok.add(DMY)
    if _valid(year, first, second):
        ok.add(MDY)
    return frozenset(ok)


def is_ambiguous(text: str) -> bool:
    """TEXT reads both ways, as two different days (03/04, not 03/03)."""
    parts = _parts(text)
    return parts is not None and orders(text) == frozenset((DMY, MDY)) and parts[0] != parts[1]


def both_readings(text: str) -> str:
    """`Fri 3 Apr 2026 (day/month) or Wed 4 Mar 2026 (month/day)`, for asking which is meant."""
    parts = _parts(text)
    assert parts is not None
    first, second, year = parts
    full = _full_year(year)
    if full is not None:
        # Written as every day is (`Fri 3 Apr 2026`): both readings are real days here.
        dmy = exact_day(date(full, second, first), None)
        mdy = exact_day(date(full, first, second), None)
    else:
        dmy, mdy = f"{first} {_MONTHS[second - 1]}", f"{second} {_MONTHS[first - 1]}"
    return f"{dmy} (day/month) or {mdy} (month/day)"


def _full_year(year: str) -> int | None:
    return int(year) + (2000 if len(year) == 2 else 0) if year else None


def in_order(text: str, order: str) -> str:
    """TEXT written so that no parser can misread it (`4 Mar 2026`); other text is kept.

    A date that is no day at all (31/02/2026) is named as a day out of range for its month:
    it is not a matter of order.
    """
    parts = _parts(text)
    if parts is None:
        return text
    first, second, year = parts
    if not orders(text):
        raise _impossible(text.strip(), first, second, year, order)
    if not order:
        return text
    day, month = (first, second) if order == DMY else (second, first)
    if not _valid(year, month, day):
        raise BadDate(
            f"{text.strip()!r} cannot be a {ORDER_WORDS[order]} date, "
            "the order of this file's other dates"
        )
    return f"{day} {_MONTHS[month - 1]} {year}".strip()


def _impossible(text: str, first: int, second: int, year: str, order: str) -> BadDate:
    """Why TEXT reads as no day either way: the reading with a real month names its days."""
    readings = [(first, second), (second, first)]  # (day, month): day/month, then month/day
    if order == MDY:
        readings.reverse()
    for day, month in readings:
        if 1 <= month <= 12:
            found = day_out_of_range(text, month, day, _full_year(year))
            return found or BadDate(f"cannot read {text!r} as a date: no year {year}")
    return BadDate(f"cannot read {text!r} as a date: a month is numbered 1 to 12")
