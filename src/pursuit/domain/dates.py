"""Reading the dates people type: `2026-12-01`, `Dec 1 2pm`, `tomorrow`, `+3d`, `in 2 weeks`.

Everything here is relative to a moment NOW that the caller passes in (the app's clock),
so the same text always means the same thing in tests.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

# Re-exported: the screens read the zone and parse dates from one place.
from pursuit.domain.days import exact_day as exact_day
from pursuit.domain.days import friendly_day as friendly_day
from pursuit.domain.days import short_day as short_day
from pursuit.domain.localzone import local_tz as local_tz


class BadDate(ValueError):
    """Text that cannot be read as a date; the message names the value."""


@dataclass(frozen=True)
class When:
    """A day, and the time of day when one was given."""

    day: date
    clock: time | None = None

    def at(self, tz: tzinfo, today: date | None = None) -> datetime:
        """The moment meant: the time given, or the start of the day.

        A time the clocks skip (02:30 on a spring-forward night) is refused rather than moved
        by an hour without a word. A repeated one (01:30 on the autumn night) is the first of
        the two, always (fold 0).
        """
        moment = datetime.combine(self.day, self.clock or time(0, 0), tzinfo=tz)
        if self.clock is not None:
            back = moment.astimezone(UTC).astimezone(tz)
            if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
                raise BadDate(
                    f"{self.clock:%H:%M} on {exact_day(self.day, today)} does not exist here: the "
                    "clocks go forward that night; give a time before or after the change"
                )
        return moment


_UNITS = {
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "m": "months",
    "mo": "months",
    "month": "months",
    "months": "months",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
}
_OFFSET = re.compile(r"^(?P<sign>[+-])\s*(?P<n>\d{1,4})\s*(?P<unit>[a-z]+)$")
_IN = re.compile(r"^in\s+(?P<n>\d{1,4}|a|an|one)\s+(?P<unit>[a-z]+)$")
_AGO = re.compile(r"^(?P<n>\d{1,4}|a|an|one)\s+(?P<unit>[a-z]+)\s+ago$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NEXT_DAY = re.compile(r"^(?:(?P<next>next|this|last)\s+)?(?P<day>[a-z]+)$")
_RELATIVE_WORD = re.compile(
    r"^(?P<word>today|tomorrow|yesterday|now)(?:\s+(?:at\s+)?(?P<rest>.+))?$"
)


def _count(text: str) -> int:
    return 1 if text in ("a", "an", "one") else int(text)


def _shift(now: datetime, n: int, unit: str, raw: str) -> When:
    name = _UNITS.get(unit)
    if name is None:
        raise BadDate(f"cannot read {raw!r} as a date: unknown unit {unit!r}")
    if name == "hours":
        # Real hours: across a change of the clocks "in 3 hours" is still three hours away.
        moment = (now.astimezone(UTC) + timedelta(hours=n)).astimezone(now.tzinfo)
        return When(moment.date(), moment.time().replace(second=0, microsecond=0))
    try:
        from dateutil.relativedelta import relativedelta

        shift = {
            "days": relativedelta(days=n),
            "weeks": relativedelta(weeks=n),
            "months": relativedelta(months=n),
            "years": relativedelta(years=n),
        }[name]
        return When((now + shift).date())
    except (OverflowError, ValueError) as exc:
        raise BadDate(f"cannot read {raw!r} as a date: out of range") from exc


def _weekday(now: datetime, name: str, which: str | None, future: bool) -> When | None:
    match = [d for d in _WEEKDAYS if len(name) >= 3 and d.startswith(name)]
    if len(match) != 1:
        return None
    target = _WEEKDAYS.index(match[0])
    today = now.date()
    if which == "last" or (which is None and not future):
        delta = (today.weekday() - target) % 7 or (7 if which == "last" else 0)
        return When(today - timedelta(days=delta))
    if which == "next":
        # "Next friday" said on a Tuesday is the Friday of next week (weeks start on Monday);
        # "friday" or "this friday" is the coming one.
        return When(today + timedelta(days=7 - today.weekday() + target))
    delta = (target - today.weekday()) % 7
    return When(today + timedelta(days=delta))


def _clock_of(text: str, raw: str) -> time:
    from dateutil import parser as du_parser  # slow to import: only when a time is typed

    try:
        a = du_parser.parse(text, default=datetime(2000, 1, 1, 0, 0))
        b = du_parser.parse(text, default=datetime(2001, 2, 2, 0, 0))
    except (ValueError, OverflowError) as exc:
        raise BadDate(f"cannot read {raw!r} as a time") from exc
    if a.date() != datetime(2000, 1, 1).date() or b.date() != datetime(2001, 2, 2).date():
        raise BadDate(f"cannot read {raw!r} as a time")
    return a.time()


#: How far ahead a year-less day for a thing done is taken as a slip rather than last year's.
SLIP = timedelta(days=31)


def parse_when(
    text: str, now: datetime, *, future: bool = True, nearest_to: date | None = None
) -> When:
    """Read TEXT as a day (and maybe a time), relative to NOW.

    FUTURE says what a month and day with no year mean: for things to come, the nearest such
    date (`Dec 1` said on Dec 2 is yesterday, not a year away; one about six months off goes
    to the nearer year); for things done, the latest past one unless the day is within SLIP
    ahead (a slip, refused: a date after NOW is).
    NEAREST_TO, when given, picks the year-less date nearest that day instead (a decision
    date is read against its interview).
    """
    when = _read_when(text, now, future=future, nearest_to=nearest_to)
    if not future:
        today, clock = now.date(), now.time().replace(second=0, microsecond=0)
        if when.day > today or (when.day == today and when.clock and when.clock > clock):
            shown = exact_day(when.day, today) + (f" {when.clock:%H:%M}" if when.clock else "")
            raise BadDate(f"{text.strip()!r} is {shown}, still to come; give when it happened")
    return when


_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {name[:3]: (number, name) for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_DAY = re.compile(
    r"^(?:(?P<m1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3,9}))\b"
    r"(?:,?\s+(?P<year>\d{4})\b)?"
)


def day_out_of_range(raw: str, month: int, day: int, year: int | None = None) -> BadDate | None:
    """`Feb 30`, `31/02/2026`: the error naming the month's days, or None if DAY is in it.

    Without a year, February 29 can be meant (it is checked against a leap year); the year is
    named only where it matters, for February.
    """
    longest = calendar.monthrange(year or 2024, month)[1]
    if 1 <= day <= longest:
        return None
    name = _MONTH_NAMES[month - 1].capitalize() + (f" {year}" if year and month == 2 else "")
    return BadDate(f"cannot read {raw!r} as a date: {name} has days 1 to {longest}")


def _check_day_of_month(text: str, raw: str) -> None:
    """`Feb 30`, `32 Dec`: say that the day is out of range for the month."""
    m = _MONTH_DAY.match(text)
    if not m:
        return
    month_word, day = (m["m1"], m["d1"]) if m["m1"] else (m["m2"], m["d2"])
    found = _MONTHS.get(month_word[:3])
    if found is None or not found[1].startswith(month_word):
        return
    problem = day_out_of_range(raw, found[0], int(day), int(m["year"]) if m["year"] else None)
    if problem is not None:
        raise problem


def _read_when(text: str, now: datetime, *, future: bool, nearest_to: date | None) -> When:
    raw = text
    text = " ".join(text.strip().lower().split())
    if not text:
        raise BadDate("a date is needed")
    if len(text) > 64:
        raise BadDate(f"cannot read {raw[:40]!r}... as a date: too long")

    if m := _RELATIVE_WORD.match(text):
        base = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}[m["word"]]
        day = now.date() + timedelta(days=base)
        if m["word"] == "now" and not m["rest"]:
            return When(day, now.time().replace(second=0, microsecond=0))
        return When(day, _clock_of(m["rest"], raw) if m["rest"] else None)
    if m := _OFFSET.match(text):
        n = int(m["n"]) * (-1 if m["sign"] == "-" else 1)
        return _shift(now, n, m["unit"], raw)
    if m := _IN.match(text):
        return _shift(now, _count(m["n"]), m["unit"], raw)
    if m := _AGO.match(text):
        return _shift(now, -_count(m["n"]), m["unit"], raw)
    if (m := _NEXT_DAY.match(text)) and (w := _weekday(now, m["day"], m["next"], future)):
        return w

    _check_day_of_month(text, raw)
    # Parse twice with different defaults: whatever differs between the two results
    # was not in the text (no year, no time), which tells us how to fill it in.
    from dateutil import parser as du_parser

    try:
        a = du_parser.parse(text, default=datetime(2000, 1, 1, 0, 0), dayfirst=False)
        b = du_parser.parse(text, default=datetime(2004, 2, 2, 1, 0), dayfirst=False)
    except (ValueError, OverflowError, TypeError) as exc:
        raise BadDate(f"cannot read {raw!r} as a date") from exc
    if a.month != b.month or a.day != b.day:
        if a.month == b.month or a.day == b.day:
            # "Nov" or "20": half a date (as it reads while being typed), not today.
            raise BadDate(
                f"cannot read {raw!r} as a date: give the day and the month, such as Dec 1"
            )
        if a.hour != b.hour or a.year == b.year:
            # No day, no month and no time (a year alone): not a date.
            raise BadDate(f"cannot read {raw!r} as a date: no day given")
        return When(now.date(), a.time())  # a time alone: today at that time
    has_time = a.hour == b.hour
    clock = a.time() if has_time else None
    if a.year == b.year:
        return When(a.date(), clock)
    # A month and day with no year: the nearest such date.
    today = now.date()
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, a.month, a.day))
        except ValueError:
            continue
    if not candidates:
        raise BadDate(f"cannot read {raw!r} as a date: February 29 needs a leap year; add one")
    if nearest_to is not None:
        chosen = min(candidates, key=lambda d: abs(d - nearest_to))
    elif future:
        # Nearest, not next: an interview typed a day late is yesterday's, not next year's
        # (the command line says so when it records one in the past). A tie goes forward.
        chosen = min(candidates, key=lambda d: (abs(d - today), d < today))
    else:
        # The latest past one, unless the day is only weeks ahead: `Dec 5` said on Dec 2 about
        # something done is a slip (refused as still to come), not a year ago, before the
        # application existed; `May 1` said in December is this May.
        past = max((d for d in candidates if d <= today), default=candidates[0])
        soon = [d for d in candidates if today < d <= today + SLIP]
        chosen = soon[0] if soon and soon[0] - today < today - past else past
    return When(chosen, clock)


def parse_day(text: str, now: datetime, *, future: bool = True) -> date:
    """Read TEXT as a calendar day (any time given is ignored)."""
    return parse_when(text, now, future=future).day


def parse_decision_day(text: str, now: datetime, interview_day: date | None = None) -> date:
    """A decision date the employer gave: a year-less one is the one nearest the interview,
    and one that falls before the interview is refused (a decision comes after it)."""
    day = parse_when(text, now, future=True, nearest_to=interview_day or now.date()).day
    if interview_day is not None and day < interview_day:
        raise BadDate(
            f"{text.strip()!r} is {exact_day(day, now.date())}, before the interview on "
            f"{exact_day(interview_day, now.date())}; the decision date comes after it"
        )
    return day


def parse_moment(text: str, now: datetime, *, future: bool = True) -> datetime:
    """Read TEXT as a moment in NOW's time zone; a day alone means its start."""
    tz = now.tzinfo or local_tz()
    return parse_when(text, now, future=future).at(tz, now.date())
