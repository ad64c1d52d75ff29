"""A wait counted in days falls due at midnight where the job seeker is now, not where the last
write happened: the schedule is worked out again by the first process in another zone."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.domain.localzone import local_tz
from pursuit.store import db
from pursuit.store.repo import Store

#: 10:00 UTC: 19:00 in Tokyo, 05:00 in New York, Tuesday 1 December in both.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
#: 14:00 in Tokyo, 00:00 in New York: the same day in both.
INTERVIEW = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    before = os.environ.get("TZ")

    def move_to(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    try:
        yield move_to
    finally:
        os.environ["TZ"] = before or "UTC"
        time.tzset()


def check_in(store: Store) -> datetime:
    [row] = [
        r for r in store.views.due(datetime(2027, 1, 1, tzinfo=UTC)) if r.action == "first-check-in"
    ]
    return row.due_at.astimezone(local_tz())


def written_in_tokyo(db_path: Path, zone: Callable[[str], None]) -> None:
    zone("Asia/Tokyo")
    store = Store.open(db_path, FixedClock(NOW))
    try:
        a = store.applications.add_application("Acme", "Engineer")
        # Decision by Wednesday the 9th: check in on Thursday the 10th.
        store.people.add_interview(
            a, INTERVIEW, interviewers=["Ann Lee"], decision_by=date(2026, 12, 9)
        )
        due = check_in(store)
        assert (due.date(), due.hour) == (date(2026, 12, 10), 0)
    finally:
        store.close()


def test_a_check_in_is_due_on_its_day_where_the_reader_is(
    db_path: Path, zone: Callable[[str], None]
) -> None:
    written_in_tokyo(db_path, zone)
    zone("America/New_York")
    # The quick read of the file sees the schedule is from elsewhere and asks for the full open.
    assert db.open_for_reading(db_path) is None
    store = Store.open(db_path, FixedClock(NOW))
    try:
        due = check_in(store)
        assert due.replace(tzinfo=None) == datetime(2026, 12, 10, 0, 0)  # not Dec 9, 10:00
        assert store.upgraded  # what the app read before the open is stale
        assert store.follow_ups.follow_zone() is False  # once per zone, not per open
    finally:
        store.close()
    quick = db.open_for_reading(db_path)
    assert quick is not None
    quick.close()
    zone("Asia/Tokyo")
    store = Store.open(db_path, FixedClock(NOW))
    try:
        assert check_in(store).replace(tzinfo=None) == datetime(2026, 12, 10, 0, 0)
    finally:
        store.close()


def test_the_command_line_in_new_york_says_the_10th(
    db_path: Path, zone: Callable[[str], None], capsys: pytest.CaptureFixture[str]
) -> None:
    written_in_tokyo(db_path, zone)
    zone("America/New_York")
    clock = FixedClock(NOW)
    assert main(["--db", str(db_path), "due", "--at", "Dec 31", "--json"], clock=clock) == 0
    due = json.loads(capsys.readouterr().out)
    [check] = [d for d in due if d["action"] == "first-check-in"]
    assert datetime.fromisoformat(check["due"]) == datetime(2026, 12, 10, 5, 0, tzinfo=UTC)


def test_working_it_out_again_goes_in_batches(db_path: Path, zone: Callable[[str], None]) -> None:
    zone("Asia/Tokyo")
    store = Store.open(db_path, FixedClock(NOW))
    for n in range(5):
        a = store.applications.add_application(f"Co {n}", "Engineer")
        store.people.add_interview(a, INTERVIEW, decision_by=date(2026, 12, 9))
    store.close()
    zone("America/New_York")
    # Not through Store.open, which would do it at once, in batches of 500.
    opened = Store(db_path, db.make_engine(db.database_url(db_path)), FixedClock(NOW))
    try:
        assert opened.follow_ups.follow_zone(batch=2) is True
        days = {
            r.due_at.astimezone(local_tz()).replace(tzinfo=None)
            for r in opened.views.due(datetime(2027, 1, 1, tzinfo=UTC))
            if r.action == "first-check-in"
        }
        assert days == {datetime(2026, 12, 10, 0, 0)}
    finally:
        opened.close()
