"""An invitation for an interview recorded by hand adopts it; one read before pursuit knew
your e-mail stops taking you for an interviewer; a company is found by its e-mail domain."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from pursuit.domain.invitations import Person
from pursuit.store import queries
from pursuit.store.invitations import apply_invitation, plan_invitation
from pursuit.store.repo import Store
from tests.store.conftest import NOW, inv

ADOPTED = "the interview you recorded for Mon 23 Nov 18:00 now follows this invitation"
YOU_OFF = "you (alex.morgan@gmail.com) are not an interviewer: taken off"


def _thanks(conn: sqlite3.Connection, app_id: int) -> list[tuple[str | None, str]]:
    return [
        (r.contact_name, r.source) for r in queries.pending(conn, app_id) if r.action == "thank-you"
    ]


def test_an_interview_recorded_by_hand_is_adopted_not_made_twice(
    store: Store, conn: sqlite3.Connection
) -> None:
    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    northwind = store.applications.add_application("Northwind", "Data Engineer")
    other = store.applications.add_application("Fabrikam", "Platform Engineer")
    add = store.people.add_interview
    at = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    # Not these: another application's at the same time, one called off, one too far away,
    # and one nearer than 12 hours but farther than the one at the same time.
    add(other, at, interviewers=["Priya Shah"])
    called_off = add(northwind, at)
    conn.execute(
        "UPDATE interview SET cancelled_at = ? WHERE id = ?",
        ("2026-11-18 10:00:00.000000", called_off),
    )
    add(northwind, datetime(2026, 11, 24, 6, 30, tzinfo=UTC))
    add(northwind, datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    mine = add(northwind, at, kind="video", interviewers=["Priya Shah"])
    priya = [("Priya Shah", f"interview:{mine}")]
    assert [t for t in _thanks(conn, northwind) if t[0] == "Priya Shah"] == priya
    count = conn.execute("SELECT count(*) FROM interview").fetchone()

    said = (ADOPTED, "link https://meet.google.com/xkq-bnwd-pte")
    preview = plan_invitation(conn, inv("google-meet.ics"), now=NOW)
    assert (preview.action, preview.interview_id, preview.changes) == ("updated", mine, said)
    done = apply_invitation(conn, NOW, inv("google-meet.ics"))
    assert (done.action, done.application_id, done.interview_id) == ("updated", northwind, mine)
    assert done.changes == said
    assert conn.execute("SELECT count(*) FROM interview").fetchone() == count
    assert conn.execute(
        "SELECT invite_uid, link FROM interview WHERE id = ?", (mine,)
    ).fetchone() == ("6f1c2e9a0b7d4c3e@google.com", "https://meet.google.com/xkq-bnwd-pte")
    # Priya, by name, is the same Priya: one thank-you, hers, and her address is learnt.
    assert [t for t in _thanks(conn, northwind) if t[0] == "Priya Shah"] == priya
    assert ("Priya Shah", "priya.shah@northwind.com") in [
        (c.name, c.email) for c in queries.contacts(conn, northwind)
    ]
    # From now on it is that invitation's: its copies keep it up to date.
    assert apply_invitation(conn, NOW, inv("google-meet.ics")).action == "unchanged"
    moved = apply_invitation(conn, NOW, inv("google-meet-moved.ics"))
    assert (moved.action, moved.interview_id) == ("updated", mine)
    assert moved.changes == ("moved to Tue 8 Dec 22:00 (was Mon 23 Nov 18:00)",)


def test_a_cancellation_adopts_the_interview_recorded_by_hand_and_calls_it_off(
    store: Store, conn: sqlite3.Connection
) -> None:
    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    contoso = store.applications.add_application("Contoso", "Backend Engineer")
    called = inv("greenhouse-zoom-cancelled.ics")
    mine = store.people.add_interview(contoso, called.starts_at, interviewers=["Jordan Lee"])
    done = apply_invitation(conn, NOW, called)
    assert (done.action, done.interview_id) == ("cancelled", mine)
    assert done.changes[0] == (
        "the interview you recorded for Wed 25 Nov 17:00 now follows this invitation"
    )
    assert conn.execute("SELECT count(*) FROM interview").fetchone() == (1,)
    assert _thanks(conn, contoso) == []


@pytest.mark.parametrize("how", ["my_email", "delivered to you"])
def test_you_taken_for_an_interviewer_are_taken_off_by_the_next_copy(
    store: Store, conn: sqlite3.Connection, how: str
) -> None:
    app = store.applications.add_application("Northwind Analytics", "Data Engineer")
    first = apply_invitation(conn, NOW, inv("google-meet.ics"), app_id=app)
    assert first.warnings and first.interview_id is not None
    assert sorted(n for n, _s in _thanks(conn, app)) == ["Alex Morgan", "Priya Shah"]
    moved = inv("google-meet-moved.ics")
    if how == "my_email":
        store.settings.set_many({"my_email": "Alex.Morgan@Gmail.com"})
    else:
        moved = replace(moved, recipients=frozenset({"alex.morgan@gmail.com"}))
    said = ("moved to Tue 8 Dec 22:00 (was Mon 23 Nov 18:00)", YOU_OFF)
    assert plan_invitation(conn, moved, now=NOW).changes == said
    done = apply_invitation(conn, NOW, moved)
    assert (done.action, done.changes, done.warnings) == ("updated", said, ())
    (row,) = queries.interviews_of(conn, app)
    assert list(row.interviewers) == ["Priya Shah"]
    assert _thanks(conn, app) == [("Priya Shah", f"interview:{first.interview_id}")]
    # Nor is the application's interviewer any more.
    assert "Alex Morgan" not in [c.name for c in queries.contacts(conn, app)]


def test_the_same_copy_read_again_once_your_email_is_set_takes_you_off(
    store: Store, conn: sqlite3.Connection
) -> None:
    app = store.applications.add_application("Northwind Analytics", "Data Engineer")
    apply_invitation(conn, NOW, inv("google-meet.ics"), app_id=app)
    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    again = apply_invitation(conn, NOW, inv("google-meet.ics"))
    assert (again.action, again.changes) == ("updated", (YOU_OFF,))
    assert [n for n, _s in _thanks(conn, app)] == ["Priya Shah"]
    assert apply_invitation(conn, NOW, inv("google-meet.ics")).action == "unchanged"


def test_an_email_domain_that_is_the_companys_name_points_to_it(
    store: Store, conn: sqlite3.Connection
) -> None:
    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    calendly = inv("calendly-phone-screen.ics")
    # Riley Chen (riley.chen@globex.com) invites; the text names nobody's company.
    assert "globex" not in (calendly.summary + calendly.description).lower()
    store.applications.add_application("Initrode", "Analyst")
    globex = store.applications.add_application("Globex Corp", "Eng")
    plan = plan_invitation(conn, calendly, now=NOW)
    assert (plan.action, plan.application_id) == ("created", globex)
    # As strong as the name in the text, no stronger: someone on another application wins.
    initrode = store.applications.add_application("Initrode", "Data Analyst")
    store.people.add_contact(initrode, "Riley Chen", email="riley.chen@globex.com")
    assert plan_invitation(conn, calendly, now=NOW).application_id == initrode
    # Free mail and scheduling tools name no company, though one may be called so.
    store.applications.add_application("Gmail", "Support")
    store.applications.add_application("Greenhouse", "Support")
    for address in ("riley@gmail.com", "riley@greenhouse.io"):
        sent = replace(calendly, organiser=Person("Riley Chen", address))
        found = plan_invitation(conn, sent, now=NOW)
        assert (found.action, found.candidates) == ("choose", ()), address
