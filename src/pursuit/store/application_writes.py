"""Adding an application, moving it through the stages, logging what happened on it.

Each write is one transaction on a plain connection (see writing.py) and ends by rewriting the
application's follow-ups in it. `Applications` (the app's store) and the command line both call
these; NOW is the clock's time, AT when the thing happened if not now.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from pursuit.domain import actions
from pursuit.domain import followups as fu
from pursuit.domain.dates import local_tz
from pursuit.domain.moments import from_db, to_db
from pursuit.domain.stages import SECTORS, STAGES
from pursuit.store import rescheduling
from pursuit.store.contacts import contact_named, known_contact
from pursuit.store.errors import InvalidValue, NotFound, clean_text
from pursuit.store.postings import application_holding
from pursuit.store.writing import Value, application_stage, insert, transaction, update

EDITABLE_FIELDS = (
    "company",
    "role",
    "url",
    "source",
    "location",
    "sector",
    "salary_min",
    "salary_max",
    "applied_on",
    "notes",
    "salary_currency",
    "description",
    "posted_on",
    "closes_on",
)
#: A new application's columns before anything is said about them.
_BLANK: dict[str, Value] = {
    "url": "",
    "source": "",
    "location": "",
    "sector": "other",
    "salary_min": None,
    "salary_max": None,
    "notes": "",
    "salary_currency": "",
    "description": "",
    "posted_on": None,
    "closes_on": None,
    "archived": False,
}


@dataclass(frozen=True)
class Logged:
    """What logging an event did, and a warning when it came too soon."""

    activity_ids: tuple[int, ...]
    warning: str | None = None


def validate_application(values: dict[str, Any]) -> dict[str, Any]:
    """Check and tidy application fields; raises InvalidValue naming the field."""
    out = dict(values)
    for name in ("company", "role"):
        if name in out:
            out[name] = clean_text(str(out[name]), name, required=True, limit=200)
    for name in ("url", "source", "location"):
        if name in out:
            out[name] = clean_text(str(out[name] or ""), name, limit=2_000)
    for name in ("notes", "description"):
        if name in out:
            out[name] = clean_text(str(out[name] or ""), name, limit=100_000)
    if "salary_currency" in out:
        currency = str(out["salary_currency"] or "").strip().upper()
        if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            raise InvalidValue(
                f"salary currency {currency!r} is not a three-letter code such as EUR or USD"
            )
        out["salary_currency"] = currency
    for name in ("posted_on", "closes_on"):
        if out.get(name) is not None and not isinstance(out[name], date):
            raise InvalidValue(f"{name.replace('_', ' ')} must be a date")
    if "sector" in out:
        sector = str(out["sector"] or "other").strip().lower()
        if sector not in SECTORS:
            raise InvalidValue(f"unknown sector {sector!r}; choose one of {', '.join(SECTORS)}")
        out["sector"] = sector
    for name in ("salary_min", "salary_max"):
        value = out.get(name)
        if value is not None and not (0 <= int(value) <= 100_000_000):
            raise InvalidValue(f"{name.replace('_', ' ')} must be between 0 and 100,000,000")
    lo, hi = out.get("salary_min"), out.get("salary_max")
    if lo is not None and hi is not None and lo > hi:
        raise InvalidValue("the salary range runs backwards (minimum above maximum)")
    return out


def add_application(
    conn: sqlite3.Connection,
    now: datetime,
    company: str,
    role: str,
    *,
    stage: str = "applied",
    applied_on: date | None = None,
    at: datetime | None = None,
    note: str = "",
    **fields: Any,
) -> int:
    added = add_unless_held(
        conn, now, company, role, (), stage=stage, applied_on=applied_on, at=at, note=note, **fields
    )
    return added.id


@dataclass(frozen=True)
class Added:
    """The application added, or (ADDED false) the one already holding the posting."""

    id: int
    added: bool


def add_unless_held(
    conn: sqlite3.Connection,
    now: datetime,
    company: str,
    role: str,
    addresses: tuple[str, ...],
    *,
    stage: str = "applied",
    applied_on: date | None = None,
    at: datetime | None = None,
    note: str = "",
    **fields: Any,
) -> Added:
    """A new application, unless one already holds one of ADDRESSES (a posting's, as kept).

    The check and the insert share one transaction: two processes adding one posting at the
    same moment add it once, the second finding the first's.
    """
    if stage not in STAGES:
        raise InvalidValue(f"unknown stage {stage!r}")
    values = validate_application({"company": company, "role": role, **fields})
    moment = at or now
    if applied_on is None and stage != "saved":
        applied_on = moment.astimezone(local_tz()).date()
    row = {**_BLANK, **values, "stage": stage, "applied_on": applied_on}
    with transaction(conn):
        for address in addresses:
            holder = application_holding(conn, address)
            if holder is not None:
                return Added(holder, added=False)
        app_id = insert(conn, "application", {**row, "created_at": moment, "updated_at": moment})
        insert(
            conn,
            "stage_event",
            {
                "application_id": app_id,
                "from_stage": None,
                "to_stage": stage,
                "at": moment,
                "note": note,
            },
        )
        rescheduling.reschedule(conn, [app_id], now)
    return Added(app_id, added=True)


def check_stage(stage: str) -> None:
    if stage not in STAGES:
        raise InvalidValue(f"unknown stage {stage!r}; known stages: {', '.join(STAGES)}")


def set_stage(
    conn: sqlite3.Connection,
    now: datetime,
    app_id: int,
    stage: str,
    *,
    at: datetime | None = None,
    note: str = "",
) -> bool:
    """Move an application; every change is a dated event. False if it was there already."""
    check_stage(stage)
    with transaction(conn):
        moved = move_stage(conn, now, app_id, stage, at or now, note)
        if moved:
            rescheduling.reschedule(conn, [app_id], now)
    return moved


def move_stage(
    conn: sqlite3.Connection, now: datetime, app_id: int, stage: str, at: datetime, note: str
) -> bool:
    """The stage change itself, in the caller's transaction, its schedule left to the caller."""
    current, applied_on = application_stage(conn, app_id)
    if current == stage:
        return False
    floor = earliest_change(conn, app_id, applied_on)
    if floor is not None and at < floor:
        at = floor
    insert(
        conn,
        "stage_event",
        {
            "application_id": app_id,
            "from_stage": current,
            "to_stage": stage,
            "at": at,
            "note": note,
        },
    )
    changes: dict[str, Value] = {"stage": stage, "updated_at": now}
    if stage != "saved" and applied_on is None:
        changes["applied_on"] = at.astimezone(local_tz()).date()
    update(conn, "application", app_id, changes)
    return True


def earliest_change(
    conn: sqlite3.Connection, app_id: int, applied_on: date | None
) -> datetime | None:
    """The earliest moment a new stage change may be dated: never before the last change (a
    past interview recorded today moves the stage "by then at the latest"). The change that
    added the application counts from the day applied when that is an earlier day: a backlog
    typed in today, applied on 1 November, moved to screening on the 20th."""
    moved, added = conn.execute(
        "SELECT max(CASE WHEN from_stage IS NOT NULL THEN at END), "
        "min(CASE WHEN from_stage IS NULL THEN at END) FROM stage_event WHERE application_id = ?",
        (app_id,),
    ).fetchone()
    floor = from_db(added) if added is not None else None
    if floor is not None and applied_on is not None:
        tz = local_tz()
        if applied_on < floor.astimezone(tz).date():
            floor = datetime.combine(applied_on, time(0, 0), tzinfo=tz)
    if moved is not None and (floor is None or from_db(moved) > floor):
        floor = from_db(moved)
    return floor


def check_event(kind: str) -> None:
    if kind not in actions.EVENT_KINDS:
        raise InvalidValue(
            f"unknown event {kind!r}; known events: {', '.join(actions.EVENT_KINDS)}"
        )


def log_event(
    conn: sqlite3.Connection,
    now: datetime,
    app_id: int,
    kind: str,
    *,
    at: datetime | None = None,
    contact: str | None = None,
    interview_id: int | None = None,
    decision_by: date | None = None,
    note: str = "",
    new_contact: bool = False,
) -> Logged:
    """Log KIND; CONTACT must be one of the application's people unless NEW_CONTACT."""
    with transaction(conn):
        return log_event_in(
            conn,
            now,
            app_id,
            kind,
            at=at,
            contact=contact,
            interview_id=interview_id,
            decision_by=decision_by,
            note=note,
            new_contact=new_contact,
        )


def log_answer(
    conn: sqlite3.Connection,
    now: datetime,
    app_id: int,
    action: str,
    kind: str,
    *,
    contact: str | None = None,
    interview_id: int | None = None,
) -> Logged | None:
    """Log KIND, the message that answers the pending ACTION (for CONTACT and INTERVIEW_ID),
    only while it is still pending: None when another window or the command line has done it
    meanwhile (a list shown before that would otherwise log it twice)."""
    with transaction(conn):
        pending = conn.execute(
            "SELECT 1 FROM follow_up WHERE application_id = ? AND action = ? "
            "AND contact_name IS ? AND interview_id IS ?",
            (app_id, action, contact, interview_id),
        ).fetchone()
        if pending is None:
            return None
        return log_event_in(conn, now, app_id, kind, contact=contact, interview_id=interview_id)


def log_event_in(
    conn: sqlite3.Connection,
    now: datetime,
    app_id: int,
    kind: str,
    *,
    at: datetime | None = None,
    contact: str | None = None,
    interview_id: int | None = None,
    decision_by: date | None = None,
    note: str = "",
    new_contact: bool = False,
) -> Logged:
    """log_event inside a write already begun: for a write that must check something first
    (marking a draft sent: was its message logged meanwhile?) in the same transaction."""
    check_event(kind)
    moment = at or now
    note = clean_text(note, "note", limit=100_000)
    application_stage(conn, app_id)
    warning = None
    if kind == "sent-check-in":
        too_soon = fu.check_in_too_soon(
            rescheduling.facts(conn, app_id), moment, rescheduling.rules_in(conn), local_tz()
        )
        warning = too_soon.message if too_soon else None
    if interview_id is not None:
        found = conn.execute(
            "SELECT application_id FROM interview WHERE id = ?", (interview_id,)
        ).fetchone()
        if found is None or found[0] != app_id:
            raise NotFound(f"application {app_id} has no interview {interview_id}")
    elif kind == "sent-thank-you":
        found = conn.execute(
            "SELECT id FROM interview WHERE application_id = ? AND starts_at <= ? "
            "AND cancelled_at IS NULL ORDER BY starts_at DESC LIMIT 1",
            (app_id, to_db(moment)),
        ).fetchone()
        if found is None:
            raise InvalidValue(f"application {app_id} has no interview that has started")
        interview_id = int(found[0])
    contact_id = None
    if contact:
        contact_id = (
            contact_named(conn, contact, app_id, "")
            if new_contact
            else known_contact(conn, contact, app_id)
        )
    activity_id = insert(
        conn,
        "activity",
        {
            "application_id": app_id,
            "kind": kind,
            "at": moment,
            "contact_id": contact_id,
            "interview_id": interview_id,
            "decision_by": decision_by,
            "note": note,
        },
    )
    if kind in actions.EVENT_STAGE:
        move_stage(conn, now, app_id, actions.EVENT_STAGE[kind], moment, note)
    rescheduling.reschedule(conn, [app_id], now)
    return Logged((activity_id,), warning)
