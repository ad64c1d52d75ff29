"""The same person is one contact: found by name (case and spacing forgiven) or added."""

from __future__ import annotations

from sqlmodel import Session, col, select

from pursuit.store.errors import UnknownPerson, clean_text
from pursuit.store.tables import ApplicationContact, Contact


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def contact_named(s: Session, name: str, app_id: int, role: str) -> Contact:
    """The one contact of this name, linked to the application in ROLE (kept if it had one)."""
    clean = clean_text(name, "contact name", required=True, limit=200)
    contact = s.exec(
        select(Contact).where(Contact.name_key == name_key(clean)).order_by(col(Contact.id))
    ).first()
    if contact is None:
        contact = Contact(name=clean, name_key=name_key(clean))
        s.add(contact)
        s.flush()
    assert contact.id is not None
    link = s.get(ApplicationContact, (app_id, contact.id))
    if link is None:
        s.add(ApplicationContact(application_id=app_id, contact_id=contact.id, role=role))
    elif role and not link.role:
        link.role = role
    return contact


def known_contact(s: Session, name: str, app_id: int) -> Contact:
    """One of the application's people, by name; a name none of them has is refused."""
    clean = clean_text(name, "contact name", required=True, limit=200)
    people = list(
        s.exec(
            select(Contact)
            .join(ApplicationContact, col(ApplicationContact.contact_id) == Contact.id)
            .where(ApplicationContact.application_id == app_id)
            .order_by(col(Contact.name))
        )
    )
    for person in people:
        if person.name_key == name_key(clean):
            return person
    known = (
        f"its people are {', '.join(p.name for p in people)}" if people else "it has no people yet"
    )
    raise UnknownPerson(f"{clean} is not one of application {app_id}'s people ({known})")
