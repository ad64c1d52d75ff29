"""The follow-up schedule, rewritten from the facts by every write that changes them.

Every write that changes an application's facts ends by rewriting that application's pending
follow-ups (`reschedule`) inside the same transaction, so that the schedule the ticker reads is
never out of step with the facts. Plain sqlite3: the command line's writes and the app's share it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import NamedTuple

from pursuit.domain import followups as fu
from pursuit.domain.dates import local_tz
from pursuit.domain.moments import from_db
from pursuit.store.errors import NotFound
from pursuit.store.writing import marks, stored

#: Applications rescheduled together (well under SQLite's limit on bound values).
RESCHEDULE_BATCH = 500


class Next(NamedTuple):
    """What an application's row shows of its schedule: the soonest action, the last contact."""

    action: str | None
    contact: str | None
    opens_at: datetime | None
    due_at: datetime | None
    overdue_at: datetime | None
    last_contact_at: datetime | None


def rules_in(conn: sqlite3.Connection) -> fu.Rules:
    return fu.rules_from(dict(conn.execute("SELECT key, value FROM setting")))


def facts(conn: sqlite3.Connection, app_id: int) -> fu.ApplicationFacts:
    return facts_of(conn, [app_id])[app_id]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def facts_of(conn: sqlite3.Connection, app_ids: Sequence[int]) -> dict[int, fu.ApplicationFacts]:
    """What the schedule of each of APP_IDS follows, read in one query a table (NotFound for
    an id with no application)."""
    ids = list(app_ids)
    some = marks(ids)
    apps = {
        row[0]: row
        for row in conn.execute(
            f"SELECT id, stage, applied_on, archived FROM application WHERE id IN ({some})", ids
        )
    }
    for app_id in ids:
        if app_id not in apps:
            raise NotFound(f"no application with id {app_id}")
    interviews: dict[int, list[tuple[int, str, str | None, bool]]] = {i: [] for i in ids}
    for iid, app_id, starts, decision, cancelled in conn.execute(
        "SELECT id, application_id, starts_at, decision_by, cancelled_at IS NOT NULL "
        f"FROM interview WHERE application_id IN ({some}) ORDER BY id",
        ids,
    ):
        interviews[app_id].append((iid, starts, decision, bool(cancelled)))
    people: dict[int, list[fu.Person]] = {}
    if any(interviews.values()):
        for iid, cid, name in conn.execute(
            "SELECT ic.interview_id, c.id, c.name FROM interview_contact ic "
            "JOIN contact c ON c.id = ic.contact_id JOIN interview i ON i.id = ic.interview_id "
            f"WHERE i.application_id IN ({some})",
            ids,
        ):
            people.setdefault(iid, []).append(fu.Person(cid, name))
    events: dict[int, list[fu.EventFact]] = {i: [] for i in ids}
    for eid, app_id, kind, at, cid, iid, decision in conn.execute(
        "SELECT id, application_id, kind, at, contact_id, interview_id, decision_by "
        f"FROM activity WHERE application_id IN ({some}) ORDER BY id",
        ids,
    ):
        events[app_id].append(fu.EventFact(eid, kind, from_db(at), cid, iid, _day(decision)))
    stages: dict[int, list[fu.StageFact]] = {i: [] for i in ids}
    for sid, app_id, stage, at in conn.execute(
        "SELECT id, application_id, to_stage, at FROM stage_event "
        f"WHERE application_id IN ({some}) ORDER BY id",
        ids,
    ):
        stages[app_id].append(fu.StageFact(sid, stage, from_db(at)))
    dismissals: dict[int, list[fu.Dismissal]] = {i: [] for i in ids}
    for app_id, action, cid, source in conn.execute(
        "SELECT application_id, action, contact_id, source FROM follow_up_dismissal "
        f"WHERE application_id IN ({some}) ORDER BY id",
        ids,
    ):
        dismissals[app_id].append(fu.Dismissal(action, cid, source))
    return {
        app_id: fu.ApplicationFacts(
            id=app_id,
            stage=stage,
            applied_on=_day(applied),
            archived=bool(archived),
            interviews=tuple(
                fu.InterviewFact(
                    id=iid,
                    starts_at=from_db(starts),
                    decision_by=_day(decision),
                    interviewers=tuple(sorted(people.get(iid, []), key=lambda p: p.name)),
                    cancelled=cancelled,
                )
                for iid, starts, decision, cancelled in interviews[app_id]
            ),
            events=tuple(events[app_id]),
            stage_changes=tuple(stages[app_id]),
            dismissals=tuple(dismissals[app_id]),
        )
        for app_id, (_id, stage, applied, archived) in apps.items()
    }


_FOLLOW_UP = (
    "INSERT INTO follow_up (application_id, action, source, contact_id, contact_name, "
    "interview_id, opens_at, due_at, overdue_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_NEXT = (
    "UPDATE application SET next_action = ?, next_contact = ?, next_opens_at = ?, "
    "next_due_at = ?, next_overdue_at = ?, last_contact_at = ? WHERE id = ?"
)


def reschedule(
    conn: sqlite3.Connection,
    app_ids: Sequence[int],
    now: datetime,
    rules: fu.Rules | None = None,
    tz: tzinfo | None = None,
) -> dict[int, Next]:
    """Rewrite the pending follow-ups of APP_IDS, and the next one each shows, from their
    facts: the one way the schedule is written, for one application or for all. Runs in the
    caller's transaction; returns what each application's row now shows."""
    rules = rules or rules_in(conn)
    tz = tz or local_tz()
    read = facts_of(conn, app_ids)
    ids = list(app_ids)
    conn.execute(f"DELETE FROM follow_up WHERE application_id IN ({marks(ids)})", ids)
    shown: dict[int, Next] = {}
    for app_id, app_facts in read.items():
        actions = fu.schedule(app_facts, rules, tz)
        conn.executemany(
            _FOLLOW_UP,
            [
                (
                    app_id,
                    a.kind,
                    a.source,
                    a.contact_id,
                    stored("contact name", a.contact_name),
                    a.interview_id,
                    stored("opens", a.opens_at),
                    stored("due", a.due_at),
                    stored("overdue", a.overdue_at),
                )
                for a in actions
            ],
        )
        first = actions[0] if actions else None
        contacts = [e.at for e in app_facts.events if e.kind != "note" and e.at <= now]
        contacts += [
            i.starts_at for i in app_facts.interviews if i.starts_at <= now and not i.cancelled
        ]
        shown[app_id] = Next(
            first.kind if first else None,
            first.contact_name if first else None,
            first.opens_at if first else None,
            first.due_at if first else None,
            first.overdue_at if first else None,
            max(contacts, default=None),
        )
        conn.execute(_NEXT, [*(stored("next", value) for value in shown[app_id]), app_id])
    return shown


def reschedule_all(conn: sqlite3.Connection, now: datetime, tz: tzinfo | None = None) -> None:
    """Every application's schedule, a batch at a time: a few queries a batch rather than a
    few an application."""
    rules = rules_in(conn)
    ids = [i for (i,) in conn.execute("SELECT id FROM application ORDER BY id")]
    for start in range(0, len(ids), RESCHEDULE_BATCH):
        reschedule(conn, ids[start : start + RESCHEDULE_BATCH], now, rules, tz)
