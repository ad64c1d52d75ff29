"""The store's writes and reads, through the same methods the app and command line use."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.db import StoreError
from pursuit.store.repo import InvalidValue, NotFound, Store


def test_add_defaults_to_applied_today_and_records_the_stage(store: Store) -> None:
    app_id = store.applications.add_application(
        "Acme", "Engineer", url="https://acme.example/jobs/1"
    )
    row = store.views.application(app_id)
    assert (row.stage, row.applied_on, row.url) == (
        "applied",
        date(2026, 11, 18),
        "https://acme.example/jobs/1",
    )
    detail = store.views.detail(app_id)
    assert [t.text for t in detail.timeline] == ["Added as Applied"]


def test_every_stage_change_is_a_dated_event(store: Store, clock: FixedClock) -> None:
    app_id = store.applications.add_application("Acme", "Engineer")
    clock.advance(days=2)
    assert store.applications.set_stage(app_id, "screening")
    assert not store.applications.set_stage(app_id, "screening")
    clock.advance(days=3)
    store.applications.set_stage(app_id, "interviewing")
    texts = [(t.at, t.text) for t in store.views.detail(app_id).timeline]
    assert texts == [
        (datetime(2026, 11, 23, 10, tzinfo=UTC), "Screening → Interviewing"),
        (datetime(2026, 11, 20, 10, tzinfo=UTC), "Applied → Screening"),
        (datetime(2026, 11, 18, 10, tzinfo=UTC), "Added as Applied"),
    ]


def test_bad_values_are_refused_with_the_field_named(store: Store) -> None:
    with pytest.raises(InvalidValue, match="company is required"):
        store.applications.add_application("  ", "Engineer")
    with pytest.raises(InvalidValue, match="sector"):
        store.applications.add_application("Acme", "Engineer", sector="space")
    with pytest.raises(InvalidValue, match="backwards"):
        store.applications.add_application("Acme", "Engineer", salary_min=10, salary_max=5)
    with pytest.raises(InvalidValue, match="stage"):
        store.applications.set_stage(
            store.applications.add_application("Acme", "Engineer"), "hired"
        )
    with pytest.raises(NotFound):
        store.applications.set_stage(999, "offer")
    assert len(store.views.applications()) == 1


def test_text_is_stored_exactly(store: Store) -> None:
    odd = "Ünïcødé ✨ 'quotes' \"double\" {braces} [brackets] ; DROP TABLE application; --"
    app_id = store.applications.add_application(odd, "עברית role", notes="line one\nline two")
    row = store.views.application(app_id)
    assert (row.company, row.role, row.notes) == (odd, "עברית role", "line one\nline two")


def test_interviews_make_thank_yous_and_the_same_person_is_one_contact(
    store: Store, clock: FixedClock
) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    b = store.applications.add_application("Bolt", "Engineer")
    start = clock.now() + timedelta(hours=2)
    store.people.add_interview(
        a, start, kind="panel", interviewers=["Ann Lee", "Bo Chen"], decision_by=date(2026, 11, 27)
    )
    store.people.add_interview(b, start, interviewers=["ann lee"])
    with store.reader() as conn:
        assert conn.execute("SELECT count(*) FROM contact").fetchone()[0] == 2
    assert store.views.application(a).stage == "interviewing"
    assert store.views.due() == []
    later = clock.advance(hours=3)
    due = [(r.company, r.action, r.contact_name) for r in store.views.due(later)]
    assert due == [
        ("Acme", "thank-you", "Ann Lee"),
        ("Acme", "thank-you", "Bo Chen"),
        ("Bolt", "thank-you", "Ann Lee"),
    ]
    store.applications.log_event(a, "sent-thank-you", contact="Ann Lee")
    due = [(r.company, r.contact_name) for r in store.views.due(later)]
    assert due == [("Acme", "Bo Chen"), ("Bolt", "Ann Lee")]
    # The first check-in follows the stated decision date (Friday 27th -> Monday 30th).
    pending = [(p.action, p.due_at) for p in store.views.detail(a).due]
    assert ("first-check-in", datetime(2026, 11, 30, tzinfo=UTC)) in pending


def test_sent_thank_you_without_contact_covers_every_interviewer(
    store: Store, clock: FixedClock
) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    store.people.add_interview(a, clock.now() - timedelta(hours=1), interviewers=["Ann", "Bo"])
    store.applications.log_event(a, "sent-thank-you")
    assert [r.action for r in store.views.due()] == []


def test_logging_outcomes_moves_the_stage(store: Store) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    store.applications.log_event(a, "rejected", note="Went with an internal candidate")
    row = store.views.application(a)
    assert row.stage == "rejected"
    assert [r.action for r in store.views.due()] == ["rejection-reply"]
    store.applications.log_event(a, "sent-rejection-reply")
    assert store.views.due() == []
    assert store.views.application(a).next_action == "feedback-request"


def test_a_check_in_too_soon_warns_but_is_logged(store: Store, clock: FixedClock) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    logged = store.applications.log_event(a, "sent-check-in")
    assert logged.warning and "Too soon" in logged.warning and "due on Wed 2 Dec." in logged.warning
    assert store.views.application(a).next_action == "second-check-in"


def test_dismiss_hides_the_follow_up(store: Store, clock: FixedClock) -> None:
    a = store.applications.add_application("Acme", "Engineer", applied_on=date(2026, 11, 1))
    assert [r.action for r in store.views.due()] == ["application-check-in"]
    assert store.follow_ups.dismiss(a, "application-check-in") == 1
    assert store.views.due() == []
    with pytest.raises(NotFound):
        store.follow_ups.dismiss(a, "application-check-in")
    with pytest.raises(InvalidValue):
        store.follow_ups.dismiss(a, "send-flowers")


def test_archive_hides_and_delete_removes(store: Store) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    store.applications.archive(a)
    assert store.views.applications() == []
    assert [r.id for r in store.views.applications(archived=True)] == [a]
    store.applications.archive(a, False)
    store.applications.delete_application(a)
    assert store.views.applications() == [] and store.views.applications(archived=True) == []
    with pytest.raises(StoreError):
        store.views.detail(a)


def test_rule_settings_reschedule_everything(store: Store) -> None:
    a = store.applications.add_application("Acme", "Engineer", applied_on=date(2026, 11, 2))
    assert store.views.application(a).next_due_at == datetime(2026, 11, 16, tzinfo=UTC)
    store.settings.set("application_check_in_days", "21")
    assert store.views.application(a).next_due_at == datetime(2026, 11, 23, tzinfo=UTC)
    store.settings.set("application_check_in", "off")
    assert store.views.application(a).next_action is None


def test_demo_data_covers_every_stage_and_has_something_overdue(demo_store: Store) -> None:
    rows = demo_store.views.applications() + demo_store.views.applications(archived=True)
    assert {r.stage for r in rows} == {
        "saved",
        "applied",
        "screening",
        "interviewing",
        "offer",
        "accepted",
        "rejected",
        "withdrawn",
        "ghosted",
    }
    assert len(rows) >= 12
    due = demo_store.views.due()
    assert any(r.is_overdue(demo_store.now()) for r in due)
    assert demo_store.views.overdue_count() >= 2


def test_the_history_stays_in_the_order_things_happened(store: Store) -> None:
    app_id = store.applications.add_application("Acme", "Dev")
    # An interview that took place before the application was added to pursuit.
    store.people.add_interview(app_id, store.now() - timedelta(days=3), kind="video")
    detail = store.views.detail(app_id)
    stages = [t.text for t in reversed(detail.timeline) if t.kind == "stage"]
    assert stages == ["Added as Applied", "Applied → Interviewing"]
    csv_text = store.transfer.export_csv()
    assert "2026-11-18 applied; 2026-11-18 interviewing" in csv_text


def _schedule(store: Store) -> list[tuple[object, ...]]:
    with store.reader() as conn:
        pending = conn.execute(
            "SELECT application_id, action, source, contact_id, interview_id, opens_at, due_at,"
            " overdue_at FROM follow_up ORDER BY 1, 2, 3, 4, 5"
        ).fetchall()
        shown = conn.execute(
            "SELECT id, next_action, next_contact, next_due_at, last_contact_at FROM application"
            " ORDER BY id"
        ).fetchall()
    return pending + shown


def test_a_timing_change_reschedules_in_batches_as_in_one(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pursuit.store import rescheduling

    before = _schedule(demo_store)
    # Batches of five split the demo's applications, interviews and events across batches.
    monkeypatch.setattr(rescheduling, "RESCHEDULE_BATCH", 5)
    demo_store.settings.set("thank_you_hours", "48")
    batched = _schedule(demo_store)
    assert batched != before
    demo_store.settings.set("thank_you_hours", "24")
    assert _schedule(demo_store) == before
    monkeypatch.setattr(rescheduling, "RESCHEDULE_BATCH", 10_000)
    demo_store.settings.set("thank_you_hours", "48")
    assert _schedule(demo_store) == batched
