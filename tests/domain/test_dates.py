from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from pursuit.domain.dates import (
    BadDate,
    friendly_day,
    parse_day,
    parse_moment,
    parse_when,
    short_day,
)

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)  # a Saturday


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("2026-12-01", True, date(2026, 12, 1)),
        ("Dec 1", True, date(2026, 12, 1)),
        ("Nov 1", False, date(2026, 11, 1)),
        ("Jun 1", False, date(2026, 6, 1)),  # as far back as ahead: back, for a thing done
        ("May 1", False, date(2026, 5, 1)),  # nearer ahead, but months ahead: this May
        ("Dec 30", False, date(2025, 12, 30)),  # over a month ahead: last year's
        ("Nov 3", True, date(2026, 11, 3)),  # the nearest Nov 3 is this month's
        ("Nov 3", False, date(2026, 11, 3)),
        ("3 Nov 2026", True, date(2026, 11, 3)),
        ("11/3/2026", True, date(2026, 11, 3)),
        ("tomorrow", True, date(2026, 11, 22)),
        ("yesterday", False, date(2026, 11, 20)),
        ("today", True, date(2026, 11, 21)),
        ("+3d", True, date(2026, 11, 24)),
        ("-2w", False, date(2026, 11, 7)),
        ("in 2 weeks", True, date(2026, 12, 5)),
        ("in a week", True, date(2026, 11, 28)),
        ("2 days ago", False, date(2026, 11, 19)),
        ("friday", True, date(2026, 11, 27)),
        ("friday", False, date(2026, 11, 20)),
        ("next monday", True, date(2026, 11, 23)),
        ("next friday", True, date(2026, 11, 27)),  # said on a Saturday: next week's
        ("this friday", True, date(2026, 11, 27)),
        ("  DEC   1  ", True, date(2026, 12, 1)),
    ],
)
def test_days_people_type(text: str, future: bool, expected: date) -> None:
    assert parse_day(text, NOW, future=future) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 20", date(2026, 11, 20)),  # yesterday, not a year away
        ("Nov 21", date(2026, 11, 21)),
        ("Dec 1", date(2026, 12, 1)),
        ("Jan 5", date(2027, 1, 5)),
        ("May 21", date(2027, 5, 21)),  # 181 days on, 184 back
        ("May 24", date(2026, 5, 24)),  # 184 days on, 181 back
        ("Nov 20 10am", date(2026, 11, 20)),
    ],
)
def test_a_date_to_come_without_a_year_is_the_nearest_one(text: str, expected: date) -> None:
    assert parse_day(text, NOW, future=True) == expected
    from pursuit.domain.interview_input import read_interview

    values, errors = read_interview({"when": text}, NOW)
    assert not errors and values["starts_at"].date() == expected


def test_a_date_out_of_range_names_its_month() -> None:
    from pursuit.domain.date_order import DMY, MDY, in_order

    for text, order in (("31/02/2026", DMY), ("02/31/2026", MDY), ("31/02/2026", "")):
        with pytest.raises(BadDate, match="February 2026 has days 1 to 28"):
            in_order(text, order)
    with pytest.raises(BadDate, match="April has days 1 to 30"):
        in_order("31/04/2026", DMY)
    with pytest.raises(BadDate, match="February 2026 has days 1 to 28"):
        parse_day("Feb 29 2026", NOW, future=False)
    with pytest.raises(BadDate, match="cannot be a month/day date"):
        in_order("25/03/2026", MDY)  # a real day, only in the other order
    assert in_order("29/02/2028", DMY) == "29 Feb 2028"


def test_times_are_kept_and_a_bare_day_means_its_start() -> None:
    assert parse_when("Dec 1 2pm", NOW) == parse_when("2026-12-01 14:00", NOW)
    assert parse_when("Dec 1 2pm", NOW).clock == time(14, 0)
    assert parse_when("tomorrow 9:30am", NOW).clock == time(9, 30)
    assert parse_moment("Dec 1", NOW) == datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    assert parse_moment("in 3 hours", NOW) == datetime(2026, 11, 21, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "garbage",
        "2026-13-45",
        "Feb 30",
        "2026",
        "+3 parsecs",
        "x" * 500,
        "{company}",
        "'; DROP TABLE x",
    ],
)
def test_unreadable_dates_are_errors_naming_the_value(text: str) -> None:
    with pytest.raises(BadDate) as info:
        parse_when(text, NOW)
    if text.strip():
        assert repr(text[:40])[1:-1][:10] in str(info.value)


def test_friendly_and_short_days() -> None:
    assert friendly_day(date(2026, 12, 1)) == "Tuesday, December 1"
    today = date(2026, 11, 21)
    assert short_day(today, today) == "today"
    assert short_day(date(2026, 11, 22), today) == "tomorrow"
    assert short_day(date(2026, 11, 24), today) == "Tue 24 Nov"
    assert short_day(date(2026, 12, 25), today) == "Fri 25 Dec"
    assert short_day(date(2027, 1, 2), today) == "Sat 2 Jan 2027"


def test_next_friday_on_a_tuesday_is_next_weeks_and_friday_is_this_weeks() -> None:
    tuesday = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert parse_day("friday", tuesday, future=True) == date(2026, 12, 4)
    assert parse_day("this friday", tuesday, future=True) == date(2026, 12, 4)
    assert parse_day("next friday", tuesday, future=True) == date(2026, 12, 11)
    assert parse_day("next tuesday", tuesday, future=True) == date(2026, 12, 8)
    assert parse_day("next monday", tuesday, future=True) == date(2026, 12, 7)


@pytest.mark.parametrize("text", ["Nov", "Nov ", "dec", "2", "20", "2026"])
def test_half_a_date_as_it_reads_while_typed_is_refused_not_today(text: str) -> None:
    with pytest.raises(BadDate, match=r"give the day and the month|no day given"):
        parse_moment(text, NOW)


def test_a_time_alone_is_today_at_that_time() -> None:
    assert parse_moment("2pm", NOW) == NOW.replace(hour=14)


def test_a_thing_done_dated_days_ahead_without_a_year_is_a_slip_not_last_year() -> None:
    with pytest.raises(BadDate, match="'Nov 25' is Wed 25 Nov, still to come"):
        parse_day("Nov 25", NOW, future=False)
