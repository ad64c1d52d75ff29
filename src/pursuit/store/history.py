"""An application's history as the job seeker reads it: stage changes, what was sent and heard,
dismissals, the interviews held and those called off, newest first (plain sqlite3, a few
indexed reads).

The application screen and `pursuit show` read it here, so both tell the same story.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, tzinfo

from pursuit.domain import timeline as words
from pursuit.domain.moments import from_db
from pursuit.domain.records import TimelineEntry, interview_title


def history(
    conn: sqlite3.Connection,
    app_id: int,
    names: Mapping[int, str],
    applied_on: date | None,
    now: datetime,
    tz: tzinfo,
) -> list[TimelineEntry]:
    """APP_ID's history at NOW, newest first; NAMES are its people by contact id."""
    entries = list(_entries(conn, app_id, names, applied_on, tz))
    for starts_at, kind, round_name, cancelled_at in conn.execute(
        "SELECT starts_at, kind, round_name, cancelled_at FROM interview "
        "WHERE application_id = ? ORDER BY id",
        (app_id,),
    ):
        at = from_db(starts_at)
        # One to come is not history yet; one called off is, whenever it was to be.
        if at <= now or cancelled_at:
            title = interview_title(kind, round_name)
            what = words.interview(title, cancelled=bool(cancelled_at))
            entries.append(TimelineEntry(at, "interview", what, cancelled=bool(cancelled_at)))
    # Newest first; entries made in the same instant keep the order they were made in.
    entries.reverse()
    entries.sort(key=lambda t: t.at, reverse=True)
    return entries


def _entries(
    conn: sqlite3.Connection,
    app_id: int,
    names: Mapping[int, str],
    applied_on: date | None,
    tz: tzinfo,
) -> Iterator[TimelineEntry]:
    changes = conn.execute(
        "SELECT from_stage, to_stage, at, note FROM stage_event WHERE application_id = ? "
        "ORDER BY id",
        (app_id,),
    )
    for step in words.stage_steps(
        ((f, t, from_db(at), note) for f, t, at, note in changes), applied_on, tz
    ):
        if step.at is None:  # the day applied, as given: the start of that day
            at = datetime.combine(step.day, time(0, 0), tzinfo=tz)
            yield TimelineEntry(at, "stage", step.what, day_only=True, note=step.note)
        else:
            yield TimelineEntry(step.at, "stage", step.what, note=step.note)
    for kind, at, contact_id, note in conn.execute(
        "SELECT kind, at, contact_id, note FROM activity WHERE application_id = ? ORDER BY id",
        (app_id,),
    ):
        if not words.says_itself(kind):
            yield TimelineEntry(
                from_db(at), kind, words.event(kind, names.get(contact_id)), note=note
            )
    for action, at, contact_id in conn.execute(
        "SELECT action, at, contact_id FROM follow_up_dismissal WHERE application_id = ? "
        "ORDER BY id",
        (app_id,),
    ):
        yield TimelineEntry(
            from_db(at), "dismissed", words.dismissal(action, names.get(contact_id))
        )
