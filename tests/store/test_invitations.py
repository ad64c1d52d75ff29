"""An invitation becomes an interview: which application, who, and what a later copy changes."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store import queries
from pursuit.store.errors import InvalidValue, NotFound
from pursuit.store.insights import compute
from pursuit.store.invitations import apply_invitation, plan_invitation
from pursuit.store.repo import Store
from tests.store.conftest import NOW, inv


@pytest.fixture
def conn(store: Store) -> Iterator[sqlite3.Connection]:
    store.settings.set_many({"my_email": "Alex.Morgan@gmail.com", "my_name": "Alex Morgan"})
    with store.database.connection() as connection:
        yield connection


def _apps(store: Store) -> dict[str, int]:
    add = store.applications.add_application
    ids = {
        "northwind": add("Northwind Analytics", "Data Engineer"),
        "fabrikam": add("Fabrikam", "Platform Engineer", url="https://jobs.fabrikam.com/p/1"),
        "contoso": add("Contoso", "Backend Engineer", url="https://boards.greenhouse.io/contoso/1"),
    }
    store.people.add_contact(
        ids["northwind"], "Dana Reyes", role="recruiter", email="dana.reyes@northwind.com"
    )
    return ids


def _follow_ups(conn: sqlite3.Connection, app_id: int) -> list[tuple[str, str | None, str]]:
    return [(r.action, r.contact_name, r.source) for r in queries.pending(conn, app_id)]


def test_the_application_is_found_by_contact_then_domain_then_name(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    plan = plan_invitation(conn, inv("google-meet.ics"), now=NOW)
    assert (plan.action, plan.application_id) == ("created", ids["northwind"])
    # Sam Ortiz is at fabrikam.com, as the application's link is.
    assert (
        plan_invitation(conn, inv("outlook-teams.ics"), now=NOW).application_id == ids["fabrikam"]
    )
    # Greenhouse's link says nothing of Contoso (nor does no-reply@greenhouse.io); its name does.
    assert (
        plan_invitation(conn, inv("greenhouse-zoom.ics"), now=NOW).application_id == ids["contoso"]
    )
    # Nothing in Hooli's invitation is any application's: say so, with nobody to offer.
    none = plan_invitation(conn, inv("floating.ics"), now=NOW)
    assert (none.action, none.application_id, none.candidates) == ("choose", None, ())
    assert conn.execute("SELECT count(*) FROM interview").fetchone() == (0,)


def test_free_mail_and_scheduler_domains_match_nothing(
    store: Store, conn: sqlite3.Connection
) -> None:
    app = store.applications.add_application("Initrode", "Analyst", url="https://calendly.com/x")
    store.people.add_contact(app, "Someone", email="someone@gmail.com")
    # Every address in it is gmail.com (yours) or calendly.com: neither is Initrode's.
    plan = plan_invitation(conn, inv("calendly-phone-screen.ics"), now=NOW)
    assert plan.action == "choose" and plan.candidates == ()


def test_several_matches_are_candidates_unless_the_role_settles_it(
    store: Store, conn: sqlite3.Connection
) -> None:
    first = store.applications.add_application("Northwind Analytics", "Data Engineer")
    second = store.applications.add_application("Northwind Analytics", "Analytics Lead")
    for app in (first, second):
        store.people.add_contact(app, "Dana Reyes", email="dana.reyes@northwind.com")
    # The summary names "Data Engineer": that one.
    assert plan_invitation(conn, inv("google-meet.ics"), now=NOW).application_id == first
    store.applications.add_application("Northwind Analytics", "Data Engineer II")
    plain = inv("google-meet.ics")
    vague = replace(plain, summary="Interview with Northwind", description="")
    plan = plan_invitation(conn, vague, now=NOW)
    assert plan.action == "choose"
    # Dana, on both, settles neither alone; her domain is each one's.
    assert [(c.application_id, c.why) for c in plan.candidates] == [
        (first, "dana.reyes@northwind.com is at northwind.com, as Dana Reyes on it is"),
        (second, "dana.reyes@northwind.com is at northwind.com, as Dana Reyes on it is"),
    ]
    assert apply_invitation(conn, NOW, vague).action == "choose"
    assert conn.execute("SELECT count(*) FROM interview").fetchone() == (0,)
    # --app says which.
    done = apply_invitation(conn, NOW, vague, app_id=second)
    assert (done.action, done.application_id) == ("created", second)
    with pytest.raises(NotFound):
        apply_invitation(conn, NOW, inv("outlook-teams.ics"), app_id=99)
    with pytest.raises(InvalidValue, match=f"interview {done.interview_id} of application"):
        apply_invitation(conn, NOW, vague, app_id=first)


def test_a_new_interview_with_its_people_link_and_schedule(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    # Priya is known already, under another spelling, by her address.
    store.people.add_contact(ids["northwind"], "Priya S.", email="priya.shah@northwind.com")
    said = replace(inv("google-meet.ics"), description="We will decide by Friday 4 December.")
    done = apply_invitation(conn, NOW, said)
    assert done.action == "created" and done.interview_id is not None
    # What it says is kept to read; a date in its words is never taken for a decision date.
    assert conn.execute("SELECT notes, decision_by FROM interview").fetchone() == (
        "We will decide by Friday 4 December.",
        None,
    )
    row = conn.execute(
        "SELECT starts_at, link, location, kind, timezone, invite_uid, invite_sequence, "
        "cancelled_at FROM interview WHERE id = ?",
        (done.interview_id,),
    ).fetchone()
    assert row == (
        "2026-11-23 18:00:00.000000",
        "https://meet.google.com/xkq-bnwd-pte",
        "",
        "video",
        "America/Los_Angeles",
        "6f1c2e9a0b7d4c3e@google.com",
        0,
        None,
    )
    people = {c.name: (c.email, c.role) for c in queries.contacts(conn, ids["northwind"])}
    # You are nobody's interviewer; Dana, the organiser, is the recruiter.
    assert people == {
        "Dana Reyes": ("dana.reyes@northwind.com", "recruiter"),
        "Priya S.": ("priya.shah@northwind.com", "interviewer"),
    }
    assert _follow_ups(conn, ids["northwind"])[0] == (
        "thank-you",
        "Priya S.",
        f"interview:{done.interview_id}",
    )
    (due,) = [r for r in queries.pending(conn, ids["northwind"]) if r.action == "thank-you"]
    assert due.due_at == datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    application = queries.application(conn, ids["northwind"])
    assert application is not None and application.stage == "interviewing"
    items = store.checklists.checklist(interview_id=done.interview_id)
    assert any("Priya S." in i.text for i in items)


def test_a_reschedule_moves_it_and_an_older_copy_never_undoes_it(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    first = apply_invitation(conn, NOW, inv("google-meet.ics"))
    items = len(store.checklists.checklist(interview_id=first.interview_id))
    assert apply_invitation(conn, NOW, inv("google-meet.ics")).action == "unchanged"
    moved = apply_invitation(conn, NOW, inv("google-meet-moved.ics"))
    assert (moved.action, moved.interview_id) == ("updated", first.interview_id)
    assert moved.changes == ("moved to Tue 8 Dec 22:00 (was Mon 23 Nov 18:00)",)
    (thanks,) = [r for r in queries.pending(conn, ids["northwind"]) if r.action == "thank-you"]
    # 14:00 in Los Angeles on 8 December is 22:00 UTC; the thank-you 24 h after.
    assert thanks.due_at == datetime(2026, 12, 9, 22, 0, tzinfo=UTC)
    assert thanks.interview_id == first.interview_id
    assert len(store.checklists.checklist(interview_id=first.interview_id)) == items
    older = apply_invitation(conn, NOW, inv("google-meet.ics"))
    assert older.action == "unchanged" and "older copy" in older.changes[0]
    (starts,) = conn.execute("SELECT starts_at FROM interview").fetchone()
    assert starts == "2026-12-08 22:00:00.000000"


def test_a_later_copy_keeps_whoever_was_put_on_the_interview_by_hand(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    first = apply_invitation(conn, NOW, inv("google-meet.ics"))
    assert first.interview_id is not None
    (row,) = queries.interviews_of(conn, ids["northwind"])
    store.people.update_interview(
        first.interview_id, interviewers=[*row.interviewers, "Sam Okafor"]
    )
    preview = plan_invitation(conn, inv("google-meet-moved.ics"), now=NOW)
    assert preview.changes == (
        "moved to Tue 8 Dec 22:00 (was Mon 23 Nov 18:00)",
        "Sam Okafor not on it (kept)",
    )
    moved = apply_invitation(conn, NOW, inv("google-meet-moved.ics"))
    assert moved.action == "updated"
    (row,) = queries.interviews_of(conn, ids["northwind"])
    assert "Sam Okafor" in row.interviewers
    owed = [
        name for action, name, _ in _follow_ups(conn, ids["northwind"]) if action == "thank-you"
    ]
    assert "Sam Okafor" in owed


def test_a_cancelled_interview_is_kept_but_owed_nothing(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    done = apply_invitation(conn, NOW, inv("google-meet.ics"))
    iid = done.interview_id
    later = NOW + timedelta(hours=1)
    # What the preview says before it is saved still holds once it is.
    said = ("it was on Mon 23 Nov 18:00; its thank-yous and preparation go with it",)
    assert plan_invitation(conn, inv("google-meet-cancel.ics"), now=later).changes == said
    cancelled = apply_invitation(conn, later, inv("google-meet-cancel.ics"))
    assert (cancelled.action, cancelled.interview_id) == ("cancelled", iid)
    assert cancelled.changes == said
    assert conn.execute("SELECT cancelled_at FROM interview WHERE id = ?", (iid,)).fetchone() == (
        "2026-11-18 11:00:00.000000",
    )
    # No thank-you, no preparation, and no check-in counted from it.
    assert all(
        source != f"interview:{iid}" for _a, _c, source in _follow_ups(conn, ids["northwind"])
    )
    assert store.checklists.checklist(interview_id=iid) == []
    store.checklists.ensure_checklist(iid)  # opening its checklist does not bring it back
    assert store.checklists.checklist(interview_id=iid) == []
    # Kept in the history, flagged for the screens; nothing to prepare for it.
    (row,) = queries.interviews_of(conn, ids["northwind"])
    assert row.cancelled and row.link == "https://meet.google.com/xkq-bnwd-pte"
    assert queries.preparation(conn, NOW, NOW + timedelta(days=30)) == []
    assert store.people.interview(iid).cancelled
    # Older copies, the request and the move, arrive late: it stays cancelled.
    for name in ("google-meet.ics", "google-meet-moved.ics", "google-meet-cancel.ics"):
        assert apply_invitation(conn, later, inv(name)).action == "unchanged"
    assert queries.interviews_of(conn, ids["northwind"])[0].cancelled


def test_a_cancellation_read_first_is_kept_as_a_cancelled_interview(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    first = apply_invitation(conn, NOW, inv("greenhouse-zoom-cancelled.ics"))
    assert (first.action, first.application_id) == ("cancelled", ids["contoso"])
    assert "cancelled" not in first.changes[0]  # the action says it once
    assert apply_invitation(conn, NOW, inv("greenhouse-zoom.ics")).action == "unchanged"
    assert queries.pending(conn, ids["contoso"])[0].action == "application-check-in"
    contoso = queries.application(conn, ids["contoso"])
    assert contoso is not None and contoso.stage == "applied"
    # Insights count no answer from an interview that never was.
    figures = compute(conn, NOW)
    assert (figures.response_rate.answered, figures.median_days_to_reply) == (0, None)


def test_a_cancelled_interview_leaves_the_calendar_report_and_insights(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    apply_invitation(conn, NOW, inv("google-meet.ics"))
    apply_invitation(conn, NOW, inv("google-meet-cancel.ics"))
    calendar = store.transfer.calendar().decode()
    assert "STATUS:CANCELLED" in calendar and "SUMMARY:Cancelled: Interview: Northwind" in calendar
    rows = list(csv.DictReader(io.StringIO(store.transfer.export_csv())))
    assert {r["company"]: r["interviews"] for r in rows}["Northwind Analytics"] == "0"
    (shown,) = queries.upcoming_interviews(conn, NOW, NOW + timedelta(days=30))
    assert shown.cancelled and shown.application_id == ids["northwind"]


def _moved(conn: sqlite3.Connection, app_id: int) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT to_stage, at FROM stage_event WHERE application_id = ? AND from_stage != ''"
        " ORDER BY id",
        (app_id,),
    ).fetchall()


@pytest.mark.parametrize(
    ("added", "moved"),
    [
        # The interview (Fri 20 Nov 16:00) was before it was added: the stage moved at the
        # import, not at the add, the last change before it.
        (datetime(2026, 12, 2, 14, 3, 19, tzinfo=UTC), "2026-12-02 14:04:34.000000"),
        # Past, and after the add: by the interview at the latest.
        (datetime(2026, 11, 19, 9, 0, tzinfo=UTC), "2026-11-20 16:00:00.000000"),
    ],
)
def test_the_stage_an_invitation_moves_is_dated_when_it_is_imported(
    store: Store, conn: sqlite3.Connection, clock: FixedClock, added: datetime, moved: str
) -> None:
    clock.moment = added
    app = store.applications.add_application("Globex", "Eng")
    now = datetime(2026, 12, 2, 14, 4, 34, tzinfo=UTC)
    done = apply_invitation(conn, now, inv("calendly-phone-screen.ics"), app_id=app)
    assert done.action == "created"
    assert _moved(conn, app) == [("screening", moved)]


def test_a_stage_moved_by_a_coming_interview_is_dated_when_it_is_imported(
    store: Store, conn: sqlite3.Connection
) -> None:
    app = store.applications.add_application("Globex", "Eng")
    later = NOW + timedelta(seconds=75)
    apply_invitation(conn, later, inv("calendly-phone-screen.ics"), app_id=app)
    assert _moved(conn, app) == [("screening", "2026-11-18 10:01:15.000000")]


def test_a_backlog_application_moves_at_the_interview_it_was_invited_to(
    store: Store, conn: sqlite3.Connection, clock: FixedClock
) -> None:
    from datetime import date

    # Typed in on 2 December, applied on 1 November; the phone screen was on 20 November.
    clock.moment = datetime(2026, 12, 2, 15, 5, tzinfo=UTC)
    app = store.applications.add_application("Globex", "Eng", applied_on=date(2026, 11, 1))
    apply_invitation(conn, clock.moment, inv("calendly-phone-screen.ics"), app_id=app)
    assert _moved(conn, app) == [("screening", "2026-11-20 16:00:00.000000")]
