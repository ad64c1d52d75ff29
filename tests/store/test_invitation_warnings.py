"""What an invitation's plan warns of, and the clues that are never the user's own address."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from pursuit.domain.invitations import Person
from pursuit.store.invitations import apply_invitation, plan_invitation
from pursuit.store.repo import Store
from tests.store.conftest import NOW, inv

NO_EMAIL = (
    "Your e-mail is not set (pursuit config set my_email you@example.com): everyone invited "
    "is taken for an interviewer, you too."
)


def _apps(store: Store) -> dict[str, int]:
    add = store.applications.add_application
    return {
        "northwind": add("Northwind Analytics", "Data Engineer"),
        "fabrikam": add("Fabrikam", "Platform Engineer", url="https://jobs.fabrikam.com/p/1"),
        "contoso": add("Contoso", "Backend Engineer"),
    }


def _people(conn: sqlite3.Connection, app_id: int) -> list[str]:
    return [
        name
        for (name,) in conn.execute(
            "SELECT c.name FROM application_contact ac JOIN contact c ON c.id = ac.contact_id "
            "WHERE ac.application_id = ? ORDER BY c.name",
            (app_id,),
        )
    ]


def test_without_my_email_the_plan_says_you_are_taken_for_an_interviewer(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    plan = plan_invitation(conn, inv("google-meet.ics"), app_id=ids["northwind"], now=NOW)
    assert plan.changes[1] == "with Priya Shah, Alex Morgan"
    assert plan.warnings == (NO_EMAIL,)
    # Nor is it forgotten when it is saved.
    assert apply_invitation(conn, NOW, inv("google-meet.ics")).warnings == (NO_EMAIL,)
    # A copy that changes nothing, or a cancellation, links nobody: nothing to warn of.
    assert plan_invitation(conn, inv("google-meet.ics"), now=NOW).warnings == ()
    assert plan_invitation(conn, inv("google-meet-cancel.ics"), now=NOW).warnings == ()
    # Your address set, you are nobody's interviewer and nothing is said.
    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    plan = plan_invitation(conn, inv("outlook-teams.ics"), app_id=ids["fabrikam"], now=NOW)
    assert plan.warnings == () and "Alex Morgan" not in plan.changes[1]


def test_the_address_an_email_came_to_is_yours_never_an_interviewer(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    done = apply_invitation(conn, NOW, inv("outlook-inline-and-attached.eml"))
    assert (done.application_id, done.warnings) == (ids["fabrikam"], ())
    assert done.changes[1] == "with Lee Wong"
    assert _people(conn, ids["fabrikam"]) == ["Lee Wong", "Sam Ortiz"]


def test_you_taken_for_an_interviewer_once_pull_no_later_invitation(
    store: Store, conn: sqlite3.Connection
) -> None:
    ids = _apps(store)
    apply_invitation(conn, NOW, inv("google-meet.ics"), app_id=ids["northwind"])
    assert "Alex Morgan" in _people(conn, ids["northwind"])
    # Fabrikam's invitation names you too: your gmail address says nothing of Northwind.
    plan = plan_invitation(conn, inv("outlook-teams.ics"), now=NOW)
    assert (plan.action, plan.application_id) == ("created", ids["fabrikam"])
    apply_invitation(conn, NOW, inv("outlook-teams.ics"))
    # On two applications now, and still no clue: Contoso's is named, and that is all.
    contoso = replace(
        inv("greenhouse-zoom.ics"), attendees=(Person("Alex Morgan", "alex.morgan@gmail.com"),)
    )
    plan = plan_invitation(conn, contoso, now=NOW)
    assert (plan.action, plan.application_id) == ("created", ids["contoso"])
    # Nor is the address the e-mail came to, once your e-mail is set to another.
    store.settings.set_many({"my_email": "alex@work.example"})
    mailed = replace(inv("outlook-inline-and-attached.eml"), uid="another")
    assert plan_invitation(conn, mailed, now=NOW).application_id == ids["fabrikam"]


def test_someone_on_several_applications_settles_none_of_them(
    store: Store, conn: sqlite3.Connection
) -> None:
    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    ids = _apps(store)
    for app in (ids["northwind"], ids["contoso"]):
        store.people.add_contact(app, "Rae Quinn", role="recruiter", email="rae@talentfirm.com")
    teams = inv("outlook-teams.ics")
    with_rae = replace(
        teams, attendees=(*teams.attendees, Person("Rae Quinn", "rae@talentfirm.com"))
    )
    # Rae is on Northwind's and Contoso's; Sam's address is Fabrikam's: Fabrikam's.
    plan = plan_invitation(conn, with_rae, now=NOW)
    assert (plan.action, plan.application_id) == ("created", ids["fabrikam"])
    # With nothing else to go by, Rae's applications are offered, neither chosen.
    vague = replace(
        with_rae,
        organiser=None,
        attendees=(Person("Rae Quinn", "rae@talentfirm.com"),),
        summary="Interview",
        description="",
    )
    plan = plan_invitation(conn, vague, now=NOW)
    assert plan.action == "choose"
    assert [c.application_id for c in plan.candidates] == [ids["northwind"], ids["contoso"]]


def test_an_application_chosen_for_another_companys_invitation_is_warned_of(
    store: Store, conn: sqlite3.Connection
) -> None:
    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    ids = _apps(store)
    plan = plan_invitation(conn, inv("outlook-teams.ics"), app_id=ids["northwind"], now=NOW)
    # It still does what was asked: the user chose.
    assert (plan.action, plan.application_id) == ("created", ids["northwind"])
    warned = (
        "This invitation looks like it is for Fabrikam (sam.ortiz@fabrikam.com), "
        "not Northwind Analytics.",
    )
    assert plan.warnings == warned
    # Another role at the same company is named by its role.
    other = store.applications.add_application("Fabrikam", "Data Engineer")
    assert plan_invitation(conn, inv("outlook-teams.ics"), app_id=other, now=NOW).warnings == (
        "This invitation looks like it is for Fabrikam, Platform Engineer "
        "(sam.ortiz@fabrikam.com), not Fabrikam, Data Engineer.",
    )
    done = apply_invitation(conn, NOW, inv("outlook-teams.ics"), app_id=ids["northwind"])
    assert (done.application_id, done.warnings) == (ids["northwind"], warned)
    # The one it points to, or an invitation that points nowhere: nothing to say.
    assert (
        plan_invitation(conn, inv("greenhouse-zoom.ics"), app_id=ids["contoso"], now=NOW).warnings
        == ()
    )
    assert (
        plan_invitation(conn, inv("floating.ics"), app_id=ids["northwind"], now=NOW).warnings == ()
    )


def test_a_series_says_only_its_first_meeting_is_recorded(
    store: Store, conn: sqlite3.Connection
) -> None:
    from pursuit.store.invitation_files import read_invitation_file
    from pursuit.store.invitation_warnings import REPEATS
    from tests.store.conftest import INVITATIONS

    store.settings.set_many({"my_email": "alex.morgan@gmail.com"})
    app = store.applications.add_application("Northwind Analytics", "Data Engineer")
    series, moved = read_invitation_file(str(INVITATIONS / "recurring-instance.ics"))
    assert series.repeats and not moved.repeats
    assert REPEATS in plan_invitation(conn, series, app_id=app, now=NOW).warnings
    done = apply_invitation(conn, NOW, series, app_id=app)
    assert REPEATS in done.warnings
    # The meeting moved on its own is one meeting: nothing to warn of.
    assert REPEATS not in apply_invitation(conn, NOW, moved, app_id=app).warnings
    # A later copy of the series has been warned of already.
    again = replace(series, sequence=series.sequence + 1)
    assert REPEATS not in apply_invitation(conn, NOW, again, app_id=app).warnings
