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
