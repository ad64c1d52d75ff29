"""The local zone read from the C library agrees with the tz database, DST changes included."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pursuit.domain.localzone import LocalZone
from pursuit.domain.moments import from_db, to_db

ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest) -> Iterator[ZoneInfo]:
    try:
        reference = ZoneInfo(request.param)
    except ZoneInfoNotFoundError:
        pytest.skip("no tz database on this machine")
    os.environ["TZ"] = request.param
    time.tzset()
    yield reference
    os.environ["TZ"] = "UTC"  # as conftest pins it
    time.tzset()


def test_every_twenty_minutes_of_a_year_reads_as_the_tz_database_says(zone: ZoneInfo) -> None:
    # Steps short enough to land inside each repeated hour (half an hour at Lord Howe).
    moment, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
    local, folds = LocalZone(), 0
    while moment < end:
        mine, theirs = moment.astimezone(local), moment.astimezone(zone)
        assert (mine.replace(tzinfo=None), mine.fold, mine.utcoffset()) == (
            theirs.replace(tzinfo=None),
            theirs.fold,
            theirs.utcoffset(),
        ), moment
        folds += mine.fold
        moment += timedelta(minutes=20)
    has_summer_time = zone.key in ("America/New_York", "Europe/London", "Australia/Lord_Howe")
    assert (folds > 0) == has_summer_time


# The zone is the same for every example: the fixture need not run again for each.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stamp=st.integers(1_500_000_000, 2_000_000_000), micro=st.integers(0, 999_999))
def test_a_moment_reads_as_the_tz_database_says(zone: ZoneInfo, stamp: int, micro: int) -> None:
    moment = datetime.fromtimestamp(stamp, UTC).replace(microsecond=micro)
    mine, theirs = moment.astimezone(LocalZone()), moment.astimezone(zone)
    assert mine.replace(tzinfo=None) == theirs.replace(tzinfo=None)
    assert (mine.fold, mine.utcoffset(), mine.tzname()) == (
        theirs.fold,
        theirs.utcoffset(),
        theirs.tzname(),
    )
    assert mine.timestamp() == moment.timestamp()


@pytest.mark.parametrize(
    "wall",
    [
        datetime(2026, 11, 1, 1, 30),  # New York's repeated hour
        datetime(2026, 3, 8, 2, 30),  # New York's skipped hour
        datetime(2026, 10, 25, 1, 30),  # London's repeated hour
        datetime(2026, 3, 29, 1, 30),  # London's skipped hour
        datetime(2026, 4, 5, 1, 45),  # Lord Howe's half hour back
        datetime(2026, 10, 4, 2, 15),  # and forward
        datetime(2026, 7, 1, 12, 0),
    ],
)
def test_a_wall_time_takes_the_offset_its_fold_says(zone: ZoneInfo, wall: datetime) -> None:
    for fold in (0, 1):
        mine = wall.replace(tzinfo=LocalZone(), fold=fold)
        theirs = wall.replace(tzinfo=zone, fold=fold)
        assert mine.utcoffset() == theirs.utcoffset(), fold
        assert mine.astimezone(UTC) == theirs.astimezone(UTC)


def test_the_zone_follows_a_changed_tz(zone: ZoneInfo) -> None:
    moment = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    local = LocalZone()
    assert moment.astimezone(local).utcoffset() == moment.astimezone(zone).utcoffset()
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    assert moment.astimezone(local).utcoffset() == timedelta(hours=9)


def test_stored_moments_read_back_in_utc() -> None:
    moment = datetime(2026, 11, 18, 10, 0, 0, 250, tzinfo=UTC)
    assert from_db(to_db(moment)) == moment and from_db(to_db(moment)).tzinfo is UTC
    # Text that carries its own offset (written by hand or another tool) is still read.
    assert from_db("2026-11-18 11:00:00+01:00") == datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
    with pytest.raises(ValueError):
        from_db("not a moment")
