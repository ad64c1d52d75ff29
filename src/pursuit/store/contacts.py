"""The same person is one contact: found by name (case and spacing forgiven) or added.

Plain sqlite3, inside the caller's transaction: the command line's writes and the app's share it.
"""

from __future__ import annotations

import sqlite3

from pursuit.store.errors import UnknownPerson, clean_text
from pursuit.store.writing import insert, stored

#: A contact's columns that are the person's details, each "" until given.
CONTACT_DETAILS = ("title", "email", "phone", "linkedin", "notes")


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def contact_named(conn: sqlite3.Connection, name: str, app_id: int, role: str) -> int:
    """The one contact of this name, linked to the application in ROLE (kept if it had one)."""
    clean = clean_text(name, "contact name", required=True, limit=200)
    stored("contact name", clean)  # the door, before the name is looked up by
    found = conn.execute(
        "SELECT id FROM contact WHERE name_key = ? ORDER BY id LIMIT 1", (name_key(clean),)
    ).fetchone()
    if found is None:
        contact_id = insert(
            conn,
            "contact",
            {"name": clean, "name_key": name_key(clean), **dict.fromkeys(CONTACT_DETAILS, "")},
        )
    else:
        contact_id = int(found[0])
    link_to_application(conn, contact_id, app_id, role)
    return contact_id


def link_to_application(conn: sqlite3.Connection, contact_id: int, app_id: int, role: str) -> None:
    """CONTACT_ID on the application in ROLE; a role the link had already is kept."""
    link = conn.execute(
        "SELECT role FROM application_contact WHERE application_id = ? AND contact_id = ?",
        (app_id, contact_id),
    ).fetchone()
    if link is None:
        insert(
            conn,
            "application_contact",
            {"application_id": app_id, "contact_id": contact_id, "role": role},
        )
    elif role and not link[0]:
        conn.execute(
            "UPDATE application_contact SET role = ? WHERE application_id = ? AND contact_id = ?",
            (role, app_id, contact_id),
        )


def known_contact(conn: sqlite3.Connection, name: str, app_id: int) -> int:
    """One of the application's people, by name; a name none of them has is refused."""
    clean = clean_text(name, "contact name", required=True, limit=200)
    people = conn.execute(
        "SELECT c.id, c.name, c.name_key FROM contact c "
        "JOIN application_contact ac ON ac.contact_id = c.id "
        "WHERE ac.application_id = ? ORDER BY c.name",
        (app_id,),
    ).fetchall()
    for contact_id, _name, key in people:
        if key == name_key(clean):
            return int(contact_id)
    known = (
        f"its people are {', '.join(p[1] for p in people)}" if people else "it has no people yet"
    )
    raise UnknownPerson(f"{clean} is not one of application {app_id}'s people ({known})")
