"""`interview`, `log`, `dismiss` and `due`: what happened, and what to send next."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from pursuit.cli.common import Command, UserError, given_moment, reading, writing
from pursuit.cli.output import as_table, print_json
from pursuit.domain.actions import ACTION_LABELS, ACTION_NOUNS, DEADLINES, EVENT_KINDS
from pursuit.domain.clock import Clock
from pursuit.domain.dates import local_tz, parse_decision_day, parse_moment, short_day
from pursuit.domain.days import exact_day, exact_day_time, short_day_time
from pursuit.domain.moments import from_db, to_db
from pursuit.domain.pipeline import MARKERS, state_at
from pursuit.domain.wall_time import clock_time, is_repeated
from pursuit.store.errors import UnknownPerson

if TYPE_CHECKING:
    from pursuit.store.queries import DueBrief


def cmd_interview(args: argparse.Namespace, clock: Clock) -> int:
    starts = parse_moment(args.at, clock.now(), future=True)
    decision = (
        parse_decision_day(args.decision_by, clock.now(), starts.astimezone(local_tz()).date())
        if args.decision_by
        else None
    )
    from pursuit.store.interview_writes import add_interview

    location, link = _place_and_link(args.location, args.link)
    with writing(args, clock) as conn:
        iid = add_interview(
            conn,
            clock.now(),
            args.app,
            starts,
            kind=args.kind,
            interviewers=args.people,
            decision_by=decision,
            round_name=args.round,
            location=location,
            link=link,
        )
    if is_repeated(starts):
        today = clock.now().astimezone(local_tz()).date()
        print(
            f"note: {starts:%H:%M} on {exact_day(starts.date(), today)} happens twice (the clocks "
            f"go back that night); recorded as the first, {clock_time(starts)}",
            file=sys.stderr,
        )
    if starts < clock.now().replace(second=0, microsecond=0):  # "now" is to the minute
        # A date without a year is the nearest one, which may have passed: say which it was.
        print(
            f"note: the interview is recorded as {exact_day_time(starts, None)}, which has passed",
            file=sys.stderr,
        )
    if args.json:
        print_json({"id": iid})
    else:
        print(iid)
    return 0


def _place_and_link(location: str, link: str) -> tuple[str, str]:
    """The place and the meeting link given; a lone address given as the place is the link
    (--location once took either) and shows as the link everywhere."""
    location, link = location.strip(), link.strip()
    if link and "://" not in link:
        raise UserError(f"--link {link!r} is not a web address; give it whole: https://...")
    if not link and "://" in location and len(location.split()) == 1:
        return "", location
    return location, link


def cmd_log(args: argparse.Namespace, clock: Clock) -> int:
    if args.event not in EVENT_KINDS:
        raise UserError(f"unknown event {args.event!r}; known events: {', '.join(EVENT_KINDS)}")
    at = given_moment(args.at, clock, future=False)
    decision = parse_decision_day(args.decision_by, clock.now()) if args.decision_by else None
    from pursuit.store.application_writes import log_event

    try:
        with writing(args, clock) as conn:
            logged = log_event(
                conn,
                clock.now(),
                args.app,
                args.event,
                at=at,
                contact=args.contact,
                interview_id=args.interview,
                decision_by=decision,
                note=args.note,
                new_contact=args.new_contact,
            )
    except UnknownPerson as exc:
        raise UserError(
            f"{exc}. Check the spelling, or add --new-contact to add them to the application."
        ) from exc
    if logged.warning:
        print(f"warning: {logged.warning}", file=sys.stderr)
    print(f"logged {args.event} for application {args.app}")
    return 0


def cmd_dismiss(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store import dismissals

    write = dismissals.undo_dismiss if args.undo else dismissals.dismiss
    with writing(args, clock) as conn:
        # Who it is for is read first, as the store picks them: once done, it is gone.
        read = _last_dismissed if args.undo else _pending
        names = read(conn, args.app, args.action, args.contact)
        app = conn.execute(
            "SELECT company, role FROM application WHERE id = ?", (args.app,)
        ).fetchone()
        write(conn, clock.now(), args.app, args.action, args.contact)
    what = f"{_what(args.action, names)} for {app[0]} · {app[1]}"
    if args.undo:
        print(f"Brought back {what}.")
    else:
        print(f"Dismissed {what}.")
        who = f' --contact "{args.contact}"' if args.contact else ""
        it = "it" if len(names) == 1 else "them"
        print(f"(to bring {it} back: pursuit dismiss --undo {args.app} {args.action}{who})")
    return 0


def _pending(
    conn: sqlite3.Connection, app_id: int, action: str, contact: str | None
) -> list[str | None]:
    """Who the pending ACTION is for (only CONTACT, if given): what a dismissal hides."""
    names: list[str | None] = [
        name
        for (name,) in conn.execute(
            "SELECT contact_name FROM follow_up WHERE application_id = ? AND action = ? "
            "ORDER BY id",
            (app_id, action),
        )
    ]
    if contact:
        names = [n for n in names if (n or "").lower() == contact.strip().lower()]
    return names


def _last_dismissed(
    conn: sqlite3.Connection, app_id: int, action: str, contact: str | None
) -> list[str | None]:
    """Who the last dismissal of ACTION was for (for CONTACT): one dismissal hides its
    follow-ups together, at one moment, and undo brings them back together."""
    rows: list[tuple[str, str | None]] = conn.execute(
        "SELECT d.at, c.name FROM follow_up_dismissal d LEFT JOIN contact c "
        "ON c.id = d.contact_id WHERE d.application_id = ? AND d.action = ? ORDER BY d.id",
        (app_id, action),
    ).fetchall()
    if contact:
        rows = [r for r in rows if (r[1] or "").lower() == contact.strip().lower()]
    last = max((at for at, _name in rows), default=None)
    return [name for at, name in rows if at == last]


def _what(action: str, names: list[str | None]) -> str:
    """`the thank-you to Ann Lee`, `the 2 thank-yous to Ann Lee and Bo Chen`, `the check-in`."""
    noun = ACTION_NOUNS[action]
    what = f"the {noun}" if len(names) <= 1 else f"the {len(names)} {noun}s"
    people = list(dict.fromkeys(name for name in names if name))
    if people and not all(names):
        people.append("one with nobody named")  # a thank-you for an interview with no one on it
    if people:
        what += " to " + (
            people[0] if len(people) == 1 else f"{', '.join(people[:-1])} and {people[-1]}"
        )
    return what


def due_records(brief: Iterable[DueBrief], at: datetime, tz: tzinfo) -> list[dict[str, Any]]:
    """Open follow-ups as `due --json` gives them (and `show --json`): moments where you are."""
    stored_at = to_db(at)
    # Follow-ups fall due at the same few moments (the start of a day): write each once.
    shown: dict[str, str] = {}
    return [
        {
            "application": app_id,
            "company": company,
            "role": role,
            "action": action,
            "due": shown.get(due_at)
            or shown.setdefault(due_at, from_db(due_at).astimezone(tz).isoformat()),
            # The stored text sorts as the moment does.
            "overdue": overdue_at <= stored_at,
            "contact": contact,
        }
        for app_id, company, role, action, due_at, overdue_at, contact in brief
    ]


def cmd_due(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store import queries

    # In UTC, like the stored moments: comparing within one zone skips a local-time lookup.
    at = (given_moment(args.at, clock, future=True) or clock.now()).astimezone(UTC)
    tz = local_tz()
    if args.json:
        with reading(args, clock) as conn:
            brief = queries.due_brief(conn, at)
        print_json(due_records(brief, at, tz))
        return 0
    with reading(args, clock) as conn:
        rows = queries.due(conn, at)
    today = at.astimezone(tz).date()
    if not rows:
        print("Nothing due. Nice.")
        return 0
    # One rule and one marker for each state, as on every screen of the app.
    states = [state_at(at, r.opens_at, r.overdue_at) for r in rows]
    table = []
    for r, state in zip(rows, states, strict=True):
        local = r.due_at.astimezone(tz)
        when = short_day(local.date(), today)
        if r.action in DEADLINES:
            when = short_day_time(local, today)
        table.append(
            [
                MARKERS[state],
                when,
                r.company,
                r.role,
                ACTION_LABELS[r.action],
                r.contact_name or "",
                str(r.application_id),
            ]
        )
    print(as_table(table, ["", "DUE", "COMPANY", "ROLE", "ACTION", "WHO", "APP"]))
    # In the words of Today's header: each count is of the rows with that marker.
    counts = [f"{states.count(s)} {s} ({MARKERS[s]})" for s in ("overdue", "due")]
    if "later" in states:
        counts.append(f"{states.count('later')} not yet due ({MARKERS['later']})")
    print(f"\n{', '.join(counts)}")
    return 0


COMMANDS: dict[str, Command] = {
    "interview": cmd_interview,
    "log": cmd_log,
    "dismiss": cmd_dismiss,
    "due": cmd_due,
}
