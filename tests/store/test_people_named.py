"""A person named in a log entry is one of the application's; an email looks like one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pursuit.domain.emails import email_problem
from pursuit.store.repo import InvalidValue, Store


def with_panel(store: Store) -> int:
    a = store.applications.add_application("Acme", "Engineer")
    store.people.add_interview(
        a, datetime(2026, 11, 17, 9, tzinfo=UTC), interviewers=["Bo Chen", "Ann Lee"]
    )
    return a


def test_logging_with_an_unknown_name_is_refused_and_lists_the_people(store: Store) -> None:
    a = with_panel(store)
    with pytest.raises(InvalidValue) as refused:
        store.applications.log_event(a, "heard", contact="Nobody Here")
    assert str(refused.value) == (
        "Nobody Here is not one of application 1's people (its people are Ann Lee, Bo Chen)"
    )
    assert [c.name for c in store.views.contacts(a)] == ["Ann Lee", "Bo Chen"]
    assert not any("Heard" in t.text for t in store.views.detail(a).timeline)


def test_a_known_name_in_any_case_is_the_person_and_a_new_one_can_be_asked_for(
    store: Store,
) -> None:
    a = with_panel(store)
    store.applications.log_event(a, "heard", contact="  ann   LEE ")
    assert store.views.detail(a).timeline[0].text == "Heard back (Ann Lee)"
    store.applications.log_event(a, "heard", contact="Jo Park", new_contact=True)
    assert "Jo Park" in [c.name for c in store.views.contacts(a)]


def test_an_application_with_nobody_says_so(store: Store) -> None:
    a = store.applications.add_application("Bolt", "Dev")
    with pytest.raises(InvalidValue, match="it has no people yet"):
        store.applications.log_event(a, "heard", contact="Jo Park")


@pytest.mark.parametrize(
    "text", ["not-an-email", "ann@example", "ann @example.com", "a@b@example.com", "@example.com"]
)
def test_an_email_that_cannot_be_one_is_refused(store: Store, text: str) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    assert email_problem(text)
    with pytest.raises(InvalidValue, match="email"):
        store.people.add_contact(a, "Ann Lee", email=text)
    assert store.views.contacts(a) == []


@pytest.mark.parametrize("text", ["ann@example.com", "ann.lee+jobs@mail.example.co.uk", ""])
def test_a_plausible_email_or_none_is_kept(store: Store, text: str) -> None:
    a = store.applications.add_application("Acme", "Engineer")
    store.people.add_contact(a, "Ann Lee", email=text)
    assert [c.email for c in store.views.contacts(a)] == [text]
