"""A time the clocks show twice (the night they go back) is shown with its UTC offset."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pursuit.domain.dates import parse_moment
from pursuit.domain.localzone import local_tz
from pursuit.domain.wall_time import clock_time, utc_offset

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def in_new_york() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        os.environ["TZ"] = before or "UTC"
        time.tzset()


def _night(tz, day: datetime) -> list[str]:
    """clock_time every half hour from 23:00 the evening before, in real time, for 5 hours."""
    start = day.astimezone(UTC)
    return [clock_time((start + timedelta(minutes=30 * i)).astimezone(tz)) for i in range(10)]


@pytest.mark.parametrize("zone", ["fixed", "local"])
def test_only_the_repeated_hour_shows_its_offset(zone: str, in_new_york: None) -> None:
    tz = NEW_YORK if zone == "fixed" else local_tz()
    fall_back = datetime(2026, 10, 31, 23, 0, tzinfo=NEW_YORK)
    assert _night(tz, fall_back) == [
        "23:00",
        "23:30",
        "00:00",
        "00:30",
        "01:00 (UTC-4)",
        "01:30 (UTC-4)",
        "01:00 (UTC-5)",
        "01:30 (UTC-5)",
        "02:00",
        "02:30",
    ]
    spring_forward = datetime(2026, 3, 7, 23, 0, tzinfo=NEW_YORK)
    assert all("UTC" not in text for text in _night(tz, spring_forward))


@pytest.mark.parametrize("zone", ["fixed", "local"])
def test_a_typed_repeated_time_is_the_first_and_says_so(zone: str, in_new_york: None) -> None:
    tz = NEW_YORK if zone == "fixed" else local_tz()
    now = datetime(2026, 10, 20, 9, tzinfo=tz)
    for typed in ("Nov 1 1:30am", "2026-11-01 01:30", "Nov 1 2026 01:30"):
        moment = parse_moment(typed, now)
        assert moment.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC), typed
        assert clock_time(moment.astimezone(tz)) == "01:30 (UTC-4)"


def test_offsets_read_plainly() -> None:
    assert utc_offset(datetime(2026, 1, 1, tzinfo=ZoneInfo("Asia/Kolkata"))) == "UTC+5:30"
    assert utc_offset(datetime(2026, 1, 1, tzinfo=UTC)) == "UTC"
    assert utc_offset(datetime(2026, 1, 1, tzinfo=NEW_YORK)) == "UTC-5"
