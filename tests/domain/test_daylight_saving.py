"""Deadlines across the changes of the clocks, in several zones, north and south.

A deadline counted in hours is a length of real time; a wall time the clocks skip is refused;
a repeated one is read one way, always.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pursuit.domain import followups as fu
from pursuit.domain.dates import BadDate, parse_moment
from pursuit.domain.followups import (
    ApplicationFacts,
    EventFact,
    InterviewFact,
    Person,
    Rules,
    StageFact,
)
from pursuit.domain.localzone import local_tz

#: (zone, the night the clocks go forward, a time skipped then, the night they go back, a
#: repeated time then), for 2026.
CHANGES = [
    ("America/New_York", date(2026, 3, 8), "02:30", date(2026, 11, 1), "01:30"),
    ("Europe/London", date(2026, 3, 29), "01:30", date(2026, 10, 25), "01:30"),
    ("Europe/Berlin", date(2026, 3, 29), "02:30", date(2026, 10, 25), "02:30"),
    ("Australia/Sydney", date(2026, 10, 4), "02:30", date(2026, 4, 5), "02:30"),
]
ANN = Person(1, "Ann Lee")
RULES = Rules()


def _facts(start: datetime, *, rejected_at: datetime | None = None) -> ApplicationFacts:
    stages = [StageFact(1, "applied", start - timedelta(days=20))]
    events = []
    if rejected_at is not None:
        stages.append(StageFact(2, "rejected", rejected_at))
        events.append(EventFact(1, "rejected", rejected_at))
    return ApplicationFacts(
        id=7,
        stage="rejected" if rejected_at else "interviewing",
        applied_on=(start - timedelta(days=20)).date(),
        interviews=[InterviewFact(10, start, (ANN,), None)],
        stage_changes=stages,
        events=events,
    )


def _deadlines(facts: ApplicationFacts, tz: ZoneInfo) -> dict[str, datetime]:
    return {a.kind: a.due_at for a in fu.schedule(facts, RULES, tz) if a.is_deadline}


def _around(day: date, tz: ZoneInfo) -> Iterator[datetime]:
    """Every half hour from the evening before the change to the morning after, in TZ."""
    start = datetime.combine(day - timedelta(days=1), datetime.min.time(), tzinfo=tz)
    for half_hours in range(0, 30 * 2 + 12):
        moment = (start.astimezone(UTC) + timedelta(minutes=30 * half_hours)).astimezone(tz)
        yield moment


@pytest.mark.parametrize(("zone", "spring", "_skipped", "autumn", "_repeated"), CHANGES)
def test_a_deadline_in_hours_is_that_many_real_hours_and_a_later_write_does_not_move_it(
    zone: str, spring: date, _skipped: str, autumn: date, _repeated: str
) -> None:
    tz = ZoneInfo(zone)
    for day in (spring, autumn):
        for start in _around(day, tz):
            rejected = start + timedelta(hours=3)
            for made in (
                lambda moment, rejection: _facts(moment),
                lambda moment, rejection: _facts(moment, rejected_at=rejection),
            ):
                local = _deadlines(made(start, rejected), tz)
                # The same facts as a later write reads them back from the file: in UTC.
                stored = _deadlines(made(start.astimezone(UTC), rejected.astimezone(UTC)), tz)
                assert local and local == stored, (zone, start)
                if "thank-you" in local:
                    assert local["thank-you"] - start == timedelta(hours=RULES.thank_you_hours)
                if "rejection-reply" in local:
                    assert local["rejection-reply"] - rejected == timedelta(hours=48)


def test_the_issue_s_case_new_york_spring_forward() -> None:
    tz = ZoneInfo("America/New_York")
    start = datetime(2026, 3, 8, 1, 30, tzinfo=tz)  # the clocks go forward at 02:00 that night
    [due] = [a.due_at for a in fu.schedule(_facts(start), RULES, tz) if a.kind == "thank-you"]
    assert due.astimezone(tz) == datetime(2026, 3, 9, 2, 30, tzinfo=tz)  # 24 real hours
    assert (due - start).total_seconds() == 24 * 3600


@pytest.mark.parametrize(("zone", "spring", "skipped", "_autumn", "_repeated"), CHANGES)
def test_a_time_the_clocks_skip_is_refused_with_a_message(
    zone: str, spring: date, skipped: str, _autumn: date, _repeated: str
) -> None:
    now = datetime(spring.year, 1, 2, 9, tzinfo=ZoneInfo(zone))
    with pytest.raises(BadDate, match="does not exist"):
        parse_moment(f"{spring.isoformat()} {skipped}", now)


@pytest.mark.parametrize(("zone", "_spring", "_skipped", "autumn", "repeated"), CHANGES)
def test_a_repeated_time_is_always_the_first_of_the_two(
    zone: str, _spring: date, _skipped: str, autumn: date, repeated: str
) -> None:
    tz = ZoneInfo(zone)
    now = datetime(autumn.year, 1, 2, 9, tzinfo=tz)
    first = parse_moment(f"{autumn.isoformat()} {repeated}", now)
    again = parse_moment(f"{autumn.isoformat()} {repeated}", now + timedelta(days=30))
    assert first == again and first.fold == 0
    # The first reading is the earlier instant: an hour before the same wall time after it.
    second = first.replace(fold=1)
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)


def test_in_hours_counts_real_hours_across_the_change() -> None:
    tz = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 3, 29, 1, 0, tzinfo=tz)
    later = parse_moment("in 3 hours", now)
    assert later.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=3)
    assert (later.hour, later.minute) == (5, 0)  # 01:00 CET plus three hours is 05:00 CEST


@pytest.fixture
def new_york() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        os.environ["TZ"] = before or "UTC"
        time.tzset()


def test_the_app_s_own_zone_refuses_a_skipped_time_too(new_york: None) -> None:
    now = datetime(2026, 3, 1, 9, tzinfo=local_tz())
    with pytest.raises(BadDate, match="02:30 on Sun 8 Mar does not exist"):
        parse_moment("Mar 8 2:30am", now)
    ok = parse_moment("Mar 8 3:30am", now)
    assert ok.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
