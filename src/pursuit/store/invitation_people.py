"""The people of an invitation as contacts: the one already known by that e-mail, else by
that name, else someone new. Plain sqlite3, inside the caller's transaction."""

from __future__ import annotations

import sqlite3

from pursuit.domain.invitations import Person
from pursuit.store.contacts import contact_named, link_to_application


def contact_for(
    conn: sqlite3.Connection, person: Person, app_id: int, role: str
) -> tuple[int, str]:
    """The contact PERSON is, linked to the application in ROLE (a role it had is kept):
    (its id, its name as stored)."""
    found = None
    if person.email:
        # The same address is the same person, whatever name this invitation gives them;
        # one already on this application first.
        found = conn.execute(
            "SELECT c.id, c.name FROM contact c LEFT JOIN application_contact ac "
            "ON ac.contact_id = c.id AND ac.application_id = ? "
            "WHERE lower(c.email) = ? ORDER BY ac.application_id IS NULL, c.id LIMIT 1",
            (app_id, person.email),
        ).fetchone()
    if found is None:
        contact_id = contact_named(conn, person.name, app_id, role)
        name, email = conn.execute(
            "SELECT name, email FROM contact WHERE id = ?", (contact_id,)
        ).fetchone()
        if person.email and not email:
            conn.execute("UPDATE contact SET email = ? WHERE id = ?", (person.email, contact_id))
        return contact_id, str(name)
    contact_id, name = int(found[0]), str(found[1])
    link_to_application(conn, contact_id, app_id, role)
    return contact_id, name


def take_off(
    conn: sqlite3.Connection, app_id: int, interview_id: int, contact_ids: list[int]
) -> None:
    """CONTACT_IDS (the user, taken for an interviewer) off the interview, and off the
    application too where that made them its interviewer and no other interview has them."""
    for contact_id in contact_ids:
        conn.execute(
            "DELETE FROM interview_contact WHERE interview_id = ? AND contact_id = ?",
            (interview_id, contact_id),
        )
        conn.execute(
            "DELETE FROM application_contact WHERE application_id = ? AND contact_id = ? "
            "AND role = 'interviewer' AND NOT EXISTS (SELECT 1 FROM interview_contact ic "
            "JOIN interview i ON i.id = ic.interview_id "
            "WHERE i.application_id = ? AND ic.contact_id = ?)",
            (app_id, contact_id, app_id, contact_id),
        )
