"""A dismissed follow-up stays in the history and can be brought back."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import NotFound, Store


def panel(store: Store) -> int:
    a = store.applications.add_application("Acme", "Engineer", applied_on=date(2026, 11, 1))
    store.people.add_interview(
        a, datetime(2026, 11, 18, 9, tzinfo=UTC), kind="panel", interviewers=["Ann Lee", "Bo Chen"]
    )
    return a


def owed(store: Store) -> list[tuple[str, str | None]]:
    return [(r.action, r.contact_name) for r in store.views.due(datetime(2026, 11, 19, tzinfo=UTC))]


def test_a_dismissal_is_in_the_history(store: Store, clock: FixedClock) -> None:
    a = panel(store)
    clock.advance(hours=1)
    store.follow_ups.dismiss(a, "thank-you", "bo chen")
    timeline = store.views.detail(a).timeline
    assert (timeline[0].at, timeline[0].text) == (
        datetime(2026, 11, 18, 11, tzinfo=UTC),
        "Dismissed: send thank-you (Bo Chen)",
    )


def test_undo_brings_back_the_last_dismissed_and_reschedules(store: Store) -> None:
    a = panel(store)
    assert owed(store) == [("thank-you", "Ann Lee"), ("thank-you", "Bo Chen")]
    store.follow_ups.dismiss(a, "thank-you", "Bo Chen")
    assert owed(store) == [("thank-you", "Ann Lee")]
    assert store.follow_ups.undo_dismiss(a, "thank-you", "bo chen") == 1
    assert owed(store) == [("thank-you", "Ann Lee"), ("thank-you", "Bo Chen")]
    assert store.views.application(a).next_contact == "Ann Lee"
    assert not any("Dismissed" in t.text for t in store.views.detail(a).timeline)
    with pytest.raises(NotFound, match="no dismissed thank-you for Bo Chen"):
        store.follow_ups.undo_dismiss(a, "thank-you", "Bo Chen")


def test_undo_takes_back_one_dismissal_whole_and_only_the_last(
    store: Store, clock: FixedClock
) -> None:
    a = panel(store)
    store.follow_ups.dismiss(a, "thank-you", "Ann Lee")
    clock.advance(minutes=5)
    assert store.follow_ups.dismiss(a, "thank-you") == 1  # Bo Chen, the one still pending
    assert owed(store) == []
    assert store.follow_ups.undo_dismiss(a, "thank-you") == 1
    assert owed(store) == [("thank-you", "Bo Chen")]
    assert store.follow_ups.undo_dismiss(a, "thank-you") == 1
    assert owed(store) == [("thank-you", "Ann Lee"), ("thank-you", "Bo Chen")]


def test_the_csv_report_lists_dismissals(store: Store, clock: FixedClock) -> None:
    a = panel(store)
    clock.advance(days=1)
    store.follow_ups.dismiss(a, "thank-you", "Ann Lee")
    (row,) = csv.DictReader(io.StringIO(store.transfer.export_csv()))
    assert row["dismissed"] == "2026-11-19 thank-you (Ann Lee)"
