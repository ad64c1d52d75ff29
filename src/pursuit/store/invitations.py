"""An invitation becomes an interview, and a later copy of it keeps that interview up to date.

Plain sqlite3, one transaction (writing.py): the interview, its people, its checklist and the
rewritten schedule are stored together or not at all. The event is found again by its UID and
RECURRENCE-ID; a copy only changes what a newer one (SEQUENCE, then DTSTAMP) says.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime

from pursuit.domain import checklists as cl
from pursuit.domain.days import exact_day_time
from pursuit.domain.invitations import (
    Invitation,
    Person,
    people_interviewing,
    recruiter,
    you_unknown,
)
from pursuit.domain.localzone import local_tz
from pursuit.domain.stages import STAGES
from pursuit.store import rescheduling
from pursuit.store.application_writes import earliest_change, move_stage
from pursuit.store.errors import InvalidValue
from pursuit.store.interview_writes import BLANK, checklist_templates, insert_checklist
from pursuit.store.invitation_adopt import (
    Linked,
    Stored,
    adoptable,
    off_the_interview,
    stored_for,
    yours_on,
)
from pursuit.store.invitation_match import Candidate, candidates_for
from pursuit.store.invitation_people import contact_for, take_off
from pursuit.store.invitation_warnings import NO_EMAIL, REPEATS, not_the_one_chosen
from pursuit.store.writing import application_stage, insert, transaction, update

__all__ = ["Candidate", "InvitationPlan", "apply_invitation", "plan_invitation"]

#: How much of an invitation's description a new interview's notes start with.
_NOTES_KEPT = 10_000


@dataclass(frozen=True)
class InvitationPlan:
    action: str  # "created" | "updated" | "unchanged" | "cancelled" | "choose"
    application_id: int | None  # None when action == "choose"
    interview_id: int | None  # the interview it updates (None when created/choose)
    candidates: tuple[Candidate, ...]  # when action == "choose" (none or several matched)
    changes: tuple[str, ...]  # what will change, one line each, for a preview
    #: What the user should know before saving, one sentence each: that it looks like another
    #: application's, that everyone invited is taken for an interviewer (no my_email).
    warnings: tuple[str, ...] = ()


def _me(conn: sqlite3.Connection) -> tuple[str, str]:
    found = dict(
        conn.execute("SELECT key, value FROM setting WHERE key IN ('my_email', 'my_name')")
    )
    return found.get("my_email", "").strip().lower(), found.get("my_name", "").strip()


def _when(moment: datetime, now: datetime) -> str:
    tz = local_tz()
    return exact_day_time(moment.astimezone(tz), now.astimezone(tz).date())


def _names(people: tuple[Person, ...]) -> tuple[str, ...]:
    return tuple(p.name for p in people)


@dataclass(frozen=True)
class _Planned:
    plan: InvitationPlan
    stored: Stored | None
    interviewers: tuple[Person, ...]
    recruiter: Person | None
    #: The user, on the stored interview as an interviewer: taken off it.
    yours: tuple[Linked, ...] = ()


def _plan(conn: sqlite3.Connection, inv: Invitation, app_id: int | None, now: datetime) -> _Planned:
    my_email, my_name = _me(conn)
    planned = _plan_for(conn, inv, app_id, now, my_email, my_name)
    plan = planned.plan
    warnings = list(plan.warnings)
    # Only where people are (or may be) linked: not for a copy that changes nothing, nor for
    # the cancellation of an interview already stored.
    linking = plan.action in ("created", "updated", "choose") or (
        plan.action == "cancelled" and planned.stored is None
    )
    if linking and you_unknown(inv, my_email, my_name):
        warnings.append(NO_EMAIL)
    if inv.repeats and plan.action in ("created", "choose"):
        warnings.append(REPEATS)
    if warnings:
        planned = replace(planned, plan=replace(plan, warnings=tuple(warnings)))
    return planned


def _plan_for(
    conn: sqlite3.Connection,
    inv: Invitation,
    app_id: int | None,
    now: datetime,
    my_email: str,
    my_name: str,
) -> _Planned:
    interviewers = people_interviewing(inv, my_email, my_name)
    organiser = recruiter(inv, my_email, my_name)
    stored = stored_for(conn, inv)
    if stored is not None:
        if app_id is not None and app_id != stored.application_id:
            application_stage(conn, app_id)  # NotFound for an id that is no application
            raise InvalidValue(
                f"this invitation is interview {stored.id} of application "
                f"{stored.application_id}, not of application {app_id}"
            )
        return _updating(inv, stored, interviewers, organiser, now, my_email)
    warnings: tuple[str, ...] = ()
    if app_id is not None:
        application_stage(conn, app_id)
        chosen: int | None = app_id
        candidates: tuple[Candidate, ...] = ()
        # The user chose; what the invitation itself points to is still worth a word.
        warnings = not_the_one_chosen(conn, app_id, candidates_for(conn, inv, my_email, my_name))
    else:
        candidates = candidates_for(conn, inv, my_email, my_name)
        chosen = candidates[0].application_id if len(candidates) == 1 else None
    if chosen is None:
        plan = InvitationPlan("choose", None, None, candidates, ())
        return _Planned(plan, None, interviewers, organiser)
    # The same meeting recorded by hand: the invitation keeps it up to date, not a second one.
    if (adopted := adoptable(conn, inv, chosen)) is not None:
        planned = _updating(inv, adopted, interviewers, organiser, now, my_email)
        return replace(planned, plan=replace(planned.plan, warnings=warnings))
    changes = [f"{inv.kind} interview on {_when(inv.starts_at, now)}, {inv.duration_minutes} min"]
    if inv.all_day:
        changes[0] += " (an all-day invitation: set for 09:00)"
    if interviewers:
        changes.append(f"with {', '.join(_names(interviewers))}")
    if inv.link:
        changes.append(f"link {inv.link}")
    if inv.location:
        changes.append(f"at {inv.location}")
    if organiser is not None and organiser not in interviewers:
        changes.append(f"{organiser.name} as the recruiter")
    if inv.cancelled:
        changes = [f"{changes[0]}, called off already: kept for the record"]
    action = "cancelled" if inv.cancelled else "created"
    plan = InvitationPlan(action, chosen, None, (), tuple(changes), warnings)
    return _Planned(plan, None, interviewers, organiser)


def _updating(
    inv: Invitation,
    stored: Stored,
    interviewers: tuple[Person, ...],
    organiser: Person | None,
    now: datetime,
    my_email: str,
) -> _Planned:
    yours = yours_on(stored, my_email, inv)
    plan = _update_plan(inv, stored, interviewers, now, yours)
    if plan.action != "updated":
        yours = ()
    return _Planned(plan, stored, interviewers, organiser, yours)


def _update_plan(
    inv: Invitation,
    stored: Stored,
    interviewers: tuple[Person, ...],
    now: datetime,
    yours: tuple[Linked, ...],
) -> InvitationPlan:
    def plan(action: str, *changes: str) -> InvitationPlan:
        return InvitationPlan(action, stored.application_id, stored.id, (), changes)

    recorded = f"the interview you recorded for {_when(stored.starts_at, now)}"
    adopting = [f"{recorded} now follows this invitation"] if stored.adopted else []
    if not stored.adopted and inv.newness < stored.newness:
        return plan("unchanged", "an older copy of the invitation: nothing changed")
    if not stored.adopted and inv.newness == stored.newness:
        # The same copy again, read now that pursuit knows who you are: only that changes.
        if yours and not stored.cancelled and not inv.cancelled:
            return plan("updated", off_the_interview(yours))
        return plan("unchanged", "already up to date")
    if inv.cancelled:
        if stored.cancelled:
            return plan("unchanged", "already cancelled")
        return plan(
            "cancelled",
            *adopting,
            f"it was on {_when(stored.starts_at, now)}; its thank-yous and preparation go with it",
        )
    changes = [*adopting]
    if stored.cancelled:
        changes.append("back on after being cancelled")
    if inv.starts_at != stored.starts_at:
        changes.append(f"moved to {_when(inv.starts_at, now)} (was {_when(stored.starts_at, now)})")
    if inv.duration_minutes != stored.duration_minutes:
        changes.append(f"{inv.duration_minutes} min (was {stored.duration_minutes})")
    if inv.link != stored.link:
        changes.append(f"link {inv.link}" if inv.link else "no link now")
    if inv.location != stored.location:
        changes.append(f"at {inv.location}" if inv.location else "no address now")
    named = set(_names(interviewers))
    had = {p.name for p in stored.people if p not in yours}
    if joining := sorted(named - had):
        changes.append(f"with {', '.join(joining)} too")
    if yours:
        changes.append(off_the_interview(yours))
    # Whoever is on the interview stays on it: added by hand, or dropped from the invitation
    # though still coming, only the user knows. The preview says so.
    kept = [f"{', '.join(sorted(had - named))} not on it (kept)"] if had - named else []
    if changes:
        return plan("updated", *changes, *kept)
    return plan("unchanged", "already up to date", *kept)


def plan_invitation(
    conn: sqlite3.Connection,
    invitation: Invitation,
    *,
    app_id: int | None = None,
    now: datetime,
) -> InvitationPlan:
    """What storing INVITATION would do, written nowhere (a preview)."""
    return _plan(conn, invitation, app_id, now).plan


def apply_invitation(
    conn: sqlite3.Connection,
    now: datetime,
    invitation: Invitation,
    *,
    app_id: int | None = None,
) -> InvitationPlan:
    """Store INVITATION in one transaction, the schedule rewritten in it; the plan carried
    out, with its interview. "choose" writes nothing."""
    with transaction(conn):
        planned = _plan(conn, invitation, app_id, now)
        plan = planned.plan
        if plan.action == "choose":
            return plan
        assert plan.application_id is not None
        if planned.stored is None:
            interview_id = _create(conn, now, invitation, plan.application_id, planned)
        else:
            interview_id = planned.stored.id
            _change(conn, now, invitation, planned.stored, planned, plan.action)
        rescheduling.reschedule(conn, [plan.application_id], now)
    return replace(plan, interview_id=interview_id)


def _invite_columns(inv: Invitation) -> dict[str, object]:
    return {
        "invite_uid": inv.uid,
        "invite_recurrence": inv.recurrence_id,
        "invite_sequence": inv.sequence,
        "invite_stamp": inv.stamp,
    }


def _zone(inv: Invitation) -> str:
    return inv.timezone or str(inv.starts_at.tzname() or "")


def _create(
    conn: sqlite3.Connection, now: datetime, inv: Invitation, app_id: int, planned: _Planned
) -> int:
    stage, _applied = application_stage(conn, app_id)
    interview_id = insert(
        conn,
        "interview",
        {
            "application_id": app_id,
            "round_name": "",
            "kind": inv.kind,
            "starts_at": inv.starts_at,
            "timezone": _zone(inv),
            "duration_minutes": inv.duration_minutes,
            "location": inv.location,
            "link": inv.link,
            "decision_by": None,
            "cancelled_at": now if inv.cancelled else None,
            **_invite_columns(inv),  # type: ignore[dict-item]
            **BLANK,
            # What the invitation says (already cleaned as text from outside), to read later.
            "notes": inv.description[:_NOTES_KEPT],
        },
    )
    names = _link_people(conn, app_id, interview_id, planned)
    if inv.cancelled:
        return interview_id
    items = cl.build(inv.kind, inv.location or inv.link, names, checklist_templates(conn))
    insert_checklist(conn, items, interview_id=interview_id)
    target = "screening" if inv.kind == "phone" else "interviewing"
    if STAGES.index(stage) < STAGES.index(target):
        move_stage(conn, now, app_id, target, _moved_at(conn, app_id, inv, now), "")
    return interview_id


def _moved_at(conn: sqlite3.Connection, app_id: int, inv: Invitation, now: datetime) -> datetime:
    """When the invitation moved the stage: at the interview when that is past and after the
    stage's last change (it moved by then at the latest), else as it is imported. An interview
    from before the last change (an application added after it) dates nothing: the import
    does, not the moment of that change."""
    _stage, applied_on = application_stage(conn, app_id)
    floor = earliest_change(conn, app_id, applied_on)
    if inv.starts_at < now and (floor is None or floor <= inv.starts_at):
        return inv.starts_at
    return now


def _link_people(
    conn: sqlite3.Connection, app_id: int, interview_id: int, planned: _Planned
) -> list[str]:
    """The invitation's interviewers linked to the interview, beside those already on it (and
    the organiser to the application as its recruiter); the names newly linked, in order."""
    if planned.recruiter is not None and planned.recruiter not in planned.interviewers:
        contact_for(conn, planned.recruiter, app_id, "recruiter")
    linked: dict[int, str] = {}
    for person in planned.interviewers:
        contact_id, name = contact_for(conn, person, app_id, "interviewer")
        linked.setdefault(contact_id, name)
    have = {
        cid
        for (cid,) in conn.execute(
            "SELECT contact_id FROM interview_contact WHERE interview_id = ?", (interview_id,)
        )
    }
    for contact_id in linked.keys() - have:
        insert(conn, "interview_contact", {"interview_id": interview_id, "contact_id": contact_id})
    return [name for cid, name in linked.items() if cid not in have]


def _change(
    conn: sqlite3.Connection,
    now: datetime,
    inv: Invitation,
    stored: Stored,
    planned: _Planned,
    action: str,
) -> None:
    # A newer copy that changes nothing is still remembered: an older one must not win later.
    values: dict[str, object] = dict(_invite_columns(inv))
    if action == "cancelled":
        values["cancelled_at"] = now
        # Its preparation goes with it; its thank-yous go with the schedule rewritten after.
        conn.execute("DELETE FROM checklist_item WHERE interview_id = ?", (stored.id,))
    elif action == "updated":
        values.update(
            starts_at=inv.starts_at,
            timezone=_zone(inv),
            duration_minutes=inv.duration_minutes,
            link=inv.link,
            location=inv.location,
            cancelled_at=None,
        )
    # One recorded by hand has no copy of the invitation yet: any is newer.
    if newer := stored.adopted or inv.newness > stored.newness:
        update(conn, "interview", stored.id, values)  # type: ignore[arg-type]
    if planned.yours:  # their thank-yous go with the schedule rewritten after
        take_off(conn, stored.application_id, stored.id, [p.contact_id for p in planned.yours])
    if action != "updated" or not newer:
        return
    new_names = _link_people(conn, stored.application_id, stored.id, planned)
    kind = conn.execute("SELECT kind FROM interview WHERE id = ?", (stored.id,)).fetchone()[0]
    templates = checklist_templates(conn)
    if stored.cancelled:  # back on: its preparation again, for everyone on it now
        everyone = [p.name for p in planned.interviewers]
        items = cl.build(kind, inv.location or inv.link, everyone, templates)
        insert_checklist(conn, items, interview_id=stored.id)
    elif new_names:
        last = conn.execute(
            "SELECT coalesce(max(position), -1) FROM checklist_item WHERE interview_id = ?",
            (stored.id,),
        ).fetchone()[0]
        items = cl.person_items(new_names, templates, last + 1)
        insert_checklist(conn, items, interview_id=stored.id)
