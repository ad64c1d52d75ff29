"""The interview an invitation keeps up to date: the one an earlier copy of the event made, or
one the user recorded by hand for the same meeting, which the invitation then adopts.

Plain sqlite3, read inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pursuit.domain.invitations import Invitation
from pursuit.domain.moments import from_db

#: How far from the invitation's start an interview recorded by hand may be and still be the
#: same meeting (a time typed in the wrong zone, or a rough one).
ADOPT_WITHIN = timedelta(hours=12)

_COLUMNS = (
    "SELECT id, application_id, starts_at, duration_minutes, link, location, cancelled_at, "
    "invite_sequence, invite_stamp FROM interview "
)


@dataclass(frozen=True)
class Linked:
    """Someone on the interview: a contact linked to it."""

    contact_id: int
    name: str
    email: str  # lower case, "" when none


@dataclass(frozen=True)
class Stored:
    """The interview the invitation updates."""

    id: int
    application_id: int
    starts_at: datetime
    duration_minutes: int
    link: str
    location: str
    cancelled: bool
    sequence: int
    stamp: datetime | None
    people: tuple[Linked, ...]  # sorted by name
    #: Recorded by hand, with no invitation of its own: any copy of the event is newer.
    adopted: bool = False

    @property
    def newness(self) -> tuple[int, datetime]:
        return (self.sequence, self.stamp or datetime.min.replace(tzinfo=self.starts_at.tzinfo))


def _linked(conn: sqlite3.Connection, interview_id: int) -> tuple[Linked, ...]:
    rows = conn.execute(
        "SELECT c.id, c.name, lower(c.email) FROM interview_contact ic "
        "JOIN contact c ON c.id = ic.contact_id WHERE ic.interview_id = ? ORDER BY c.name, c.id",
        (interview_id,),
    ).fetchall()
    return tuple(Linked(int(cid), str(name), str(email or "")) for cid, name, email in rows)


def _from_row(conn: sqlite3.Connection, row: Any, adopted: bool) -> Stored:
    return Stored(
        id=int(row[0]),
        application_id=int(row[1]),
        starts_at=from_db(str(row[2])),
        duration_minutes=int(row[3]),
        link=str(row[4]),
        location=str(row[5]),
        cancelled=row[6] is not None,
        sequence=int(row[7]),
        stamp=from_db(str(row[8])) if row[8] else None,
        people=_linked(conn, int(row[0])),
        adopted=adopted,
    )


def stored_for(conn: sqlite3.Connection, inv: Invitation) -> Stored | None:
    """The interview an earlier copy of INV's event made (its UID and RECURRENCE-ID)."""
    row = conn.execute(
        _COLUMNS + "WHERE invite_uid = ? AND invite_recurrence = ? ORDER BY id LIMIT 1",
        (inv.uid, inv.recurrence_id),
    ).fetchone()
    return None if row is None else _from_row(conn, row, adopted=False)


def adoptable(conn: sqlite3.Connection, inv: Invitation, app_id: int) -> Stored | None:
    """The interview of APP_ID the user recorded by hand for INV's meeting: no invitation of
    its own, not cancelled, starting within ADOPT_WITHIN of INV's start; the nearest (the
    first recorded of two as near)."""
    rows = conn.execute(
        _COLUMNS + "WHERE application_id = ? AND coalesce(invite_uid, '') = '' "
        "AND cancelled_at IS NULL ORDER BY id",
        (app_id,),
    ).fetchall()
    near = [
        (gap, i, row)
        for i, row in enumerate(rows)
        if (gap := abs(from_db(str(row[2])) - inv.starts_at)) <= ADOPT_WITHIN
    ]
    if not near:
        return None
    _gap, _i, row = min(near, key=lambda found: (found[0], found[1]))
    return _from_row(conn, row, adopted=True)


def yours_on(stored: Stored, my_email: str, inv: Invitation) -> tuple[Linked, ...]:
    """Who on STORED is the user, by address: MY_EMAIL, or one the e-mail came to (taken for
    an interviewer by an invitation read while pursuit knew neither)."""
    mine = {a.strip().lower() for a in (my_email, *inv.recipients) if a.strip()}
    return tuple(p for p in stored.people if p.email and p.email in mine)


def off_the_interview(yours: tuple[Linked, ...]) -> str:
    """The change that says YOURS leave the interview."""
    return f"you ({', '.join(p.email for p in yours)}) are not an interviewer: taken off"
