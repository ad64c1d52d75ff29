"""Interviews and people: editing changes what is due; a person is one contact everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.errors import InvalidValue, NotFound
from pursuit.store.repo import Store


def test_editing_the_time_and_decision_date_changes_what_is_due(
    store: Store, clock: FixedClock
) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(a, clock.now() + timedelta(days=1), interviewers=["Ann"])
    first = next(p for p in store.views.detail(a).due if p.action == "first-check-in")
    assert first.due_at == datetime(2026, 11, 26, tzinfo=UTC)
    store.people.update_interview(
        iv, starts_at=clock.now() - timedelta(hours=2), decision_by=date(2026, 12, 4)
    )  # a Friday
    due = {p.action: p.due_at for p in store.views.detail(a).due}
    assert due["first-check-in"] == datetime(2026, 12, 7, tzinfo=UTC)
    assert due["thank-you"] == datetime(2026, 11, 19, 8, tzinfo=UTC)
    assert [r.action for r in store.views.due()] == ["thank-you"]


def test_changing_interviewers_changes_the_thank_yous(store: Store, clock: FixedClock) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(a, clock.now() - timedelta(hours=1), interviewers=["Ann", "Bo"])
    store.people.update_interview(iv, interviewers=["Bo", "Cy"])
    assert sorted(r.contact_name or "" for r in store.views.due()) == ["Bo", "Cy"]
    detail = store.people.interview(iv)
    assert [(p.name, p.thank_you) for p in detail.interviewers] == [("Bo", "due"), ("Cy", "due")]
    store.applications.log_event(a, "sent-thank-you", contact="Cy")
    assert [(p.name, p.thank_you) for p in store.people.interview(iv).interviewers] == [
        ("Bo", "due"),
        ("Cy", "sent"),
    ]
    clock.advance(days=2)
    assert [(p.name, p.thank_you) for p in store.people.interview(iv).interviewers] == [
        ("Bo", "overdue"),
        ("Cy", "sent"),
    ]


def test_debrief_and_notes_are_stored_exactly(store: Store, clock: FixedClock) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(a, clock.now() - timedelta(hours=1))
    text = "They asked about {system design}\nand 'trade-offs' — twice 🙂"
    store.people.update_interview(iv, debrief_topics=text, rating_confidence=4, notes="  spaced  ")
    detail = store.people.interview(iv)
    assert detail.debrief_topics == text
    assert detail.rating_confidence == 4
    assert detail.notes == "spaced"
    with pytest.raises(InvalidValue, match="1 to 5"):
        store.people.update_interview(iv, rating_rapport=9)
    with pytest.raises(InvalidValue):
        store.people.update_interview(iv, kind="lunch")
    with pytest.raises(NotFound):
        store.people.update_interview(999, notes="x")


def test_one_person_across_two_applications(store: Store) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    b = store.applications.add_application("Bolt", "Engineer")
    ann = store.people.add_contact(a, "Ann Lee", role="recruiter", email="ann@example.com")
    assert store.people.add_contact(b, "ANN LEE") == ann
    [row] = store.views.contacts()
    assert (row.name, row.email, row.companies) == ("Ann Lee", "ann@example.com", ("Acme", "Bolt"))
    assert [c.role for c in store.views.contacts(a)] == ["recruiter"]
    store.people.update_contact(ann, app_id=b, role="hiring manager", title="Head of Data")
    assert [(c.role, c.title) for c in store.views.contacts(b)] == [
        ("hiring manager", "Head of Data")
    ]
    with pytest.raises(InvalidValue):
        store.people.add_contact(a, "Bo", role="astrologer")
    with pytest.raises(InvalidValue):
        store.people.add_contact(a, "   ")


def test_unicode_names_match_whatever_their_case(store: Store) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    first = store.people.add_contact(a, "Ólafur Þórsson")
    assert store.people.add_contact(a, "ólafur þórsson") == first


def test_notes_and_heard_show_in_the_history(store: Store, clock: FixedClock) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    clock.advance(hours=1)
    store.applications.log_event(a, "note", note="Salary band is 90-110k")
    clock.advance(hours=1)
    store.applications.log_event(
        a, "heard", contact="Ann Lee", note="Moving to onsite", new_contact=True
    )
    assert [t.text for t in store.views.detail(a).timeline] == [
        "Heard back (Ann Lee) · Moving to onsite",
        "Note: Salary band is 90-110k",
        "Added as Applied",
    ]
