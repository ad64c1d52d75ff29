"""Interview invitations: an .ics, or an e-mail carrying one, read into what pursuit keeps.

Calendar invitations come from Google Calendar, Outlook/Exchange/Teams and the scheduling
tools of applicant tracking systems (Greenhouse, Lever, GoodTime, Calendly). Each event is
found again by its UID and RECURRENCE-ID; SEQUENCE, then DTSTAMP, say which of two copies is
newer. Times become instants: a TZID (an IANA name, a Windows name such as "Pacific Standard
Time", or the file's own VTIMEZONE), UTC, a floating time (read in the user's zone), or a whole
day (09:00 in the user's zone, flagged all_day: an all-day invitation says which day, not when).

icalendar and email are imported inside the functions: importing them costs start-up time
every command would pay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pursuit.domain import invitation_words as words
from pursuit.domain.invitation_parts import ALL_DAY_STARTS as ALL_DAY_STARTS
from pursuit.domain.invitation_parts import DEFAULT_MINUTES as DEFAULT_MINUTES
from pursuit.domain.invitation_parts import InvitationUnreadable as InvitationUnreadable
from pursuit.domain.invitation_parts import Person as Person
from pursuit.domain.invitation_parts import (
    attendees_of,
    description_of,
    link_of,
    minutes_of,
    name_key,
    person_of,
    recurrence_of,
    stamp_of,
    start_of,
    text_of,
)
from pursuit.domain.safe_text import outside_text

#: An invitation is a few kilobytes, an e-mail with attachments rarely over one megabyte.
MAX_INVITATION = 5 * 1024 * 1024


@dataclass(frozen=True)
class Invitation:
    uid: str
    recurrence_id: str  # "" for a single event
    sequence: int
    stamp: datetime | None  # DTSTAMP, aware UTC
    cancelled: bool  # METHOD:CANCEL or STATUS:CANCELLED
    summary: str
    description: str  # plain text
    starts_at: datetime  # aware, an instant
    duration_minutes: int
    all_day: bool
    timezone: str  # IANA name the invitation gave ("" floating/UTC)
    organiser: Person | None
    attendees: tuple[Person, ...]  # people only (no rooms/resources), organiser not repeated
    link: str  # join link ("" none)
    location: str  # street address ("" none)
    kind: str  # guessed: video/phone/onsite/panel/technical (INTERVIEW_KINDS)

    @property
    def newness(self) -> tuple[int, datetime]:
        """What orders two copies of one event: SEQUENCE, then DTSTAMP."""
        return (self.sequence, self.stamp or datetime.min.replace(tzinfo=UTC))


def is_newer(a: Invitation, b: Invitation) -> bool:
    return a.newness > b.newness


def is_you(person: Person, my_email: str, my_name: str) -> bool:
    """PERSON is you: by address, or by name when there is no address to tell you apart."""
    mine = my_email.strip().lower()
    if mine and person.email:
        return person.email == mine
    return bool(my_name.strip()) and name_key(person.name) == name_key(my_name)


def people_interviewing(inv: Invitation, my_email: str, my_name: str) -> tuple[Person, ...]:
    """The interviewers: everyone invited but you; the organiser only when nobody else is."""
    others = tuple(p for p in inv.attendees if not is_you(p, my_email, my_name))
    if others:
        return others
    organiser = recruiter(inv, my_email, my_name)
    return (organiser,) if organiser is not None else ()


def recruiter(inv: Invitation, my_email: str, my_name: str) -> Person | None:
    """The organiser as the application's recruiter (not you, and a person with a name)."""
    org = inv.organiser
    if org is None or not org.name or is_you(org, my_email, my_name):
        return None
    return org


# --- reading ----------------------------------------------------------------------------------


def read_invitations(data: bytes, name: str) -> list[Invitation]:
    """The events of an .ics, or of an e-mail's text/calendar parts and .ics attachments (one
    event carried twice is one: the newer copy). NAME is what messages call the input."""
    if len(data) > MAX_INVITATION:
        raise InvitationUnreadable(f"{name} is larger than {MAX_INVITATION // 1024 // 1024} MB")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    is_calendar = head.startswith(b"BEGIN:VCALENDAR")
    calendars = [data] if is_calendar else _calendars_in_mail(data, name)
    found: dict[tuple[str, str], Invitation] = {}
    for raw in calendars:
        for inv in _events(raw, name):
            key = (inv.uid, inv.recurrence_id)
            if key not in found or is_newer(inv, found[key]):
                found[key] = inv
    if not found:
        raise InvitationUnreadable(f"{name} holds no event (no VEVENT in its calendar)")
    return sorted(found.values(), key=lambda i: (i.starts_at, i.uid, i.recurrence_id))


def _calendars_in_mail(data: bytes, name: str) -> list[bytes]:
    from email import policy
    from email.parser import BytesParser

    not_either = f"{name} is neither a calendar (.ics) nor an e-mail (.eml) with an invitation"
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception:  # the parser is lenient; anything it still chokes on is not mail
        raise InvitationUnreadable(not_either) from None
    if not any(h in message for h in ("From", "To", "Subject", "Date", "Content-Type")):
        raise InvitationUnreadable(not_either)
    found = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content = part.get_content_type()
        filename = (part.get_filename() or "").lower()
        if content in ("text/calendar", "application/ics") or filename.endswith(".ics"):
            try:
                payload = part.get_payload(decode=True)
            except Exception:
                payload = None
            if isinstance(payload, bytes) and payload.strip():
                found.append(payload)
    if not found:
        raise InvitationUnreadable(
            f"{name} is an e-mail with no invitation in it (no calendar part, no .ics attached)"
        )
    return found


def _events(raw: bytes, name: str) -> Iterable[Invitation]:
    import icalendar

    try:
        calendars = icalendar.Calendar.from_ical(raw, multiple=True)
    except Exception as exc:
        raise InvitationUnreadable(f"{name} cannot be read as a calendar ({exc})") from None
    for cal in calendars:
        method = str(cal.get("METHOD", "")).strip().upper()
        for event in cal.walk("VEVENT"):
            yield _event(event, method, name)


def _event(event: Any, method: str, name: str) -> Invitation:
    uid = outside_text(text_of(event, "UID"), limit=1_000)
    if not uid:
        raise InvitationUnreadable(
            f"an event in {name} has no UID, so a later copy could not find it again"
        )
    summary = outside_text(text_of(event, "SUMMARY"), limit=500)
    starts_at, timezone, all_day = start_of(event, name, summary or uid)
    description = description_of(event)
    organiser = person_of(event.get("ORGANIZER"))
    attendees = attendees_of(event, organiser)
    raw_location = text_of(event, "LOCATION")
    link = link_of(event, raw_location, description)
    address = words.street_address(raw_location)
    try:
        sequence = int(str(event.get("SEQUENCE", "0")).strip() or 0)
    except ValueError:
        sequence = 0
    status = text_of(event, "STATUS").strip().upper()
    return Invitation(
        uid=uid,
        recurrence_id=recurrence_of(event),
        sequence=sequence,
        stamp=stamp_of(event),
        cancelled=method == "CANCEL" or status == "CANCELLED",
        summary=summary,
        description=description,
        starts_at=starts_at,
        duration_minutes=minutes_of(event, all_day),
        all_day=all_day,
        timezone=timezone,
        organiser=organiser,
        attendees=attendees,
        link=link,
        location=address,
        kind=words.guess_kind(summary, description, link, address),
    )
