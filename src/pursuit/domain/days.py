"""How a day reads for a person: the one short form, the same with a time, and the long form.

- `short_day`: `today`, `tomorrow`, `yesterday`, otherwise `Tue 8 Dec` (`Tue 8 Dec 2027` in
  another year). For what is redrawn as the clock turns: tables, lists, an open screen's title.
- `exact_day`: always `Tue 8 Dec` (with the year when it is not this year). For what is said
  once and read later: what was recorded, a warning, an error, the history.
- `short_day_time` / `exact_day_time`: the same followed by `14:00`, or `01:30 (UTC-4)` for a
  time the clocks show twice (`wall_time.clock_time`).
- `friendly_day`: `Tuesday, December 8`, only inside drafted messages.

Machine formats (ISO in JSON, CSV, iCalendar, form fields, file names) are not written here.
Apart from the date parsing so that the pipeline's first frame can write days without it.
"""

from __future__ import annotations

from datetime import date, datetime

from pursuit.domain.wall_time import clock_time

# Fixed English names rather than strftime's %a/%b, which follow the process's locale.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_RELATIVE = {0: "today", 1: "tomorrow", -1: "yesterday"}


def friendly_day(day: date) -> str:
    """`Tuesday, December 1`: how a date reads in a message."""
    return f"{day.strftime('%A')}, {day.strftime('%B')} {day.day}"


def exact_day(day: date, today: date | None) -> str:
    """`Tue 8 Dec`, or `Tue 8 Dec 2027` when DAY is not in TODAY's year (or TODAY is unknown)."""
    text = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return text if today is not None and day.year == today.year else f"{text} {day.year}"


def short_day(day: date, today: date) -> str:
    """`today`, `tomorrow`, `yesterday`, or the exact day: a day in a table or a list."""
    return _RELATIVE.get((day - today).days) or exact_day(day, today)


def short_day_time(local: datetime, today: date) -> str:
    """`tomorrow 14:00`, `Tue 8 Dec 14:00`: LOCAL (a moment in the local zone) in a table."""
    return f"{short_day(local.date(), today)} {clock_time(local)}"


def exact_day_time(local: datetime, today: date | None) -> str:
    """`Tue 8 Dec 14:00`: LOCAL (a moment in the local zone) as a record of when."""
    return f"{exact_day(local.date(), today)} {clock_time(local)}"
