"""The ways a date is written for a person: one short form, the same with a time, the long form."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from pursuit.domain.days import exact_day, exact_day_time, friendly_day, short_day, short_day_time

TODAY = date(2026, 12, 8)  # a Tuesday


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2026, 12, 8), "today"),
        (date(2026, 12, 9), "tomorrow"),
        (date(2026, 12, 7), "yesterday"),
        (date(2026, 12, 10), "Thu 10 Dec"),  # two days on: the day, not a word
        (date(2026, 12, 6), "Sun 6 Dec"),
        (date(2026, 12, 3), "Thu 3 Dec"),  # within the week: still with its month
        (date(2026, 1, 1), "Thu 1 Jan"),  # this year's first day: no year
        (date(2026, 12, 31), "Thu 31 Dec"),  # and its last
        (date(2027, 1, 1), "Fri 1 Jan 2027"),
        (date(2025, 12, 31), "Wed 31 Dec 2025"),
        (date(2028, 2, 29), "Tue 29 Feb 2028"),
    ],
)
def test_a_day_in_a_table(day: date, shown: str) -> None:
    assert short_day(day, TODAY) == shown


def test_the_relative_words_turn_with_the_year() -> None:
    # New Year's Eve: tomorrow is next year, and is still "tomorrow".
    assert short_day(date(2027, 1, 1), date(2026, 12, 31)) == "tomorrow"
    assert short_day(date(2026, 12, 31), date(2027, 1, 1)) == "yesterday"
    assert short_day(date(2027, 1, 2), date(2026, 12, 31)) == "Sat 2 Jan 2027"


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2026, 12, 8), "Tue 8 Dec"),
        (date(2026, 12, 9), "Wed 9 Dec"),
        (date(2027, 12, 8), "Wed 8 Dec 2027"),
    ],
)
def test_what_was_recorded_names_the_day(day: date, shown: str) -> None:
    assert exact_day(day, TODAY) == shown


def test_a_day_with_no_today_to_compare_with_has_its_year() -> None:
    assert exact_day(date(2026, 12, 8), None) == "Tue 8 Dec 2026"


def test_a_day_with_a_time() -> None:
    at = datetime(2026, 12, 9, 14, 0, tzinfo=UTC)
    assert short_day_time(at, TODAY) == "tomorrow 14:00"
    assert exact_day_time(at, TODAY) == "Wed 9 Dec 14:00"
    assert exact_day_time(at.replace(year=2027), TODAY) == "Thu 9 Dec 2027 14:00"
    assert short_day_time(datetime(2026, 12, 20, 9, 5, tzinfo=UTC), TODAY) == "Sun 20 Dec 09:05"


def test_a_time_the_clocks_show_twice_says_which() -> None:
    # 01:30 on the night New York's clocks go back: the first (EDT) and the second (EST).
    zone = ZoneInfo("America/New_York")
    first = datetime(2026, 11, 1, 1, 30, tzinfo=zone)
    second = first.replace(fold=1)
    assert exact_day_time(first, TODAY) == "Sun 1 Nov 01:30 (UTC-4)"
    assert exact_day_time(second, TODAY) == "Sun 1 Nov 01:30 (UTC-5)"


def test_the_long_form_is_for_messages() -> None:
    assert friendly_day(date(2026, 12, 8)) == "Tuesday, December 8"
