"""Who and which interview a draft is for, when the editor or the command line does not say."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import col, select

from pursuit.store.errors import NotFound
from pursuit.store.tables import Activity, ApplicationContact, Contact, Interview, InterviewContact

if TYPE_CHECKING:
    from sqlmodel import Session


def pick_interview(
    s: Session, app_id: int, interview_id: int | None, now: datetime
) -> Interview | None:
    if interview_id is not None:
        iv = s.get(Interview, interview_id)
        if iv is None or iv.application_id != app_id:
            raise NotFound(f"application {app_id} has no interview {interview_id}")
        return iv
    ivs = list(
        s.exec(
            select(Interview)
            .where(Interview.application_id == app_id, col(Interview.cancelled_at).is_(None))
            .order_by(col(Interview.starts_at))
        )
    )
    started = [i for i in ivs if i.starts_at <= now]
    return started[-1] if started else (ivs[0] if ivs else None)


def panel_of(s: Session, iv: Interview) -> list[Contact]:
    """The interview's people, in the order the editor lists them."""
    return list(
        s.exec(
            select(Contact)
            .join(InterviewContact, col(InterviewContact.contact_id) == Contact.id)
            .where(InterviewContact.interview_id == iv.id)
            .order_by(col(Contact.name))
        )
    )


def pick_contact(
    s: Session, app_id: int, iv: Interview | None, name: str | None, *, thanking: bool = False
) -> Contact | None:
    if name:
        key = " ".join(name.casefold().split())
        person = s.exec(
            select(Contact)
            .join(ApplicationContact, col(ApplicationContact.contact_id) == Contact.id)
            .where(ApplicationContact.application_id == app_id, Contact.name_key == key)
        ).first()
        if person is None:
            raise NotFound(f"application {app_id} has no contact named {name!r}")
        return person
    if iv is not None:
        panel = panel_of(s, iv)
        if thanking and panel:
            thanked = set(
                s.exec(
                    select(Activity.contact_id).where(
                        Activity.application_id == app_id,
                        Activity.kind == "sent-thank-you",
                        col(Activity.at) >= iv.starts_at,
                    )
                )
            )
            owed = [p for p in panel if p.id not in thanked]
            if owed:
                return owed[0]
        if panel:
            return panel[0]
    return s.exec(
        select(Contact)
        .join(ApplicationContact, col(ApplicationContact.contact_id) == Contact.id)
        .where(ApplicationContact.application_id == app_id)
        .order_by(col(Contact.id))
    ).first()
