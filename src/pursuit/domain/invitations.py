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
from dataclasses import dataclass, replace
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
from pursuit.domain.pasted import pasted_text
from pursuit.domain.safe_text import outside_text

#: An invitation is a few kilobytes, an e-mail with attachments rarely over one megabyte.
MAX_INVITATION = 5 * 1024 * 1024
#: Headers naming the mailbox an e-mail was delivered to (always the reader's own).
_DELIVERED = ("Delivered-To", "X-Original-To", "Envelope-To")


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
    #: The addresses the e-mail carrying it was delivered to: yours, whoever else it invites.
    recipients: frozenset[str] = frozenset()
    #: Whether the event is a series (RRULE or RDATE): only this meeting of it is read.
    repeats: bool = False

    @property
    def newness(self) -> tuple[int, datetime]:
        """What orders two copies of one event: SEQUENCE, then DTSTAMP."""
        return (self.sequence, self.stamp or datetime.min.replace(tzinfo=UTC))


def is_newer(a: Invitation, b: Invitation) -> bool:
    return a.newness > b.newness


def is_you(
    person: Person, my_email: str, my_name: str, addresses: frozenset[str] = frozenset()
) -> bool:
    """PERSON is you: by address (MY_EMAIL, or one of ADDRESSES the e-mail came to), or by
    name when there is no address to tell you apart."""
    if person.email and person.email in addresses:
        return True
    mine = my_email.strip().lower()
    if mine and person.email:
        return person.email == mine
    return bool(my_name.strip()) and name_key(person.name) == name_key(my_name)


def people_interviewing(inv: Invitation, my_email: str, my_name: str) -> tuple[Person, ...]:
    """The interviewers: everyone invited but you; the organiser only when nobody else is."""
    others = tuple(p for p in inv.attendees if not is_you(p, my_email, my_name, inv.recipients))
    if others:
        return others
    organiser = recruiter(inv, my_email, my_name)
    return (organiser,) if organiser is not None else ()


def recruiter(inv: Invitation, my_email: str, my_name: str) -> Person | None:
    """The organiser as the application's recruiter (not you, and a person with a name)."""
    org = inv.organiser
    if org is None or not org.name or is_you(org, my_email, my_name, inv.recipients):
        return None
    return org


def you_unknown(inv: Invitation, my_email: str, my_name: str) -> bool:
    """Nobody on INV is known to be you: no my_email, and no name or address of yours on it,
    so everyone invited is taken for an interviewer."""
    people = [p for p in (inv.organiser, *inv.attendees) if p is not None]
    return not my_email.strip() and not any(
        is_you(p, my_email, my_name, inv.recipients) for p in people
    )


# --- reading ----------------------------------------------------------------------------------


def read_invitations(data: bytes, name: str) -> list[Invitation]:
    """The events of an .ics, or of an e-mail's text/calendar parts and .ics attachments (one
    event carried twice is one: the newer copy). NAME is what messages call the input."""
    if len(data) > MAX_INVITATION:
        raise InvitationUnreadable(f"{name} is larger than {MAX_INVITATION // 1024 // 1024} MB")
    data = _lines_ended(data)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    is_calendar = head.startswith(b"BEGIN:VCALENDAR")
    calendars, recipients = ([data], frozenset[str]()) if is_calendar else _mail(data, name)
    found: dict[tuple[str, str], Invitation] = {}
    for raw in calendars:
        for inv in _events(raw, name):
            inv = replace(inv, recipients=recipients)
            key = (inv.uid, inv.recurrence_id)
            if key not in found or is_newer(inv, found[key]):
                found[key] = inv
    if not found:
        raise InvitationUnreadable(f"{name} holds no event (no VEVENT in its calendar)")
    return sorted(found.values(), key=lambda i: (i.starts_at, i.uid, i.recurrence_id))


def _lines_ended(data: bytes) -> bytes:
    """DATA with every line ending LF, by the rule for pasted text (domain/pasted.py): text
    pasted into a terminal comes with each LF turned into CR, and read as it is, the e-mail's
    headers would end at its first line. Latin-1 reads every byte as itself, CR and LF too."""
    if b"\r" not in data:
        return data
    return pasted_text(data.decode("latin-1")).encode("latin-1")


def _recipients(message: Any) -> frozenset[str]:
    """The addresses MESSAGE was delivered to: its Delivered-To (and such), else its To: when
    it names one address (a meeting request sent to everyone invited names them all)."""
    from email.utils import getaddresses

    def addresses(*headers: str) -> set[str]:
        values = [str(v) for h in headers for v in (message.get_all(h) or [])]
        found = {outside_text(a, limit=320).lower() for _n, a in getaddresses(values)}
        return {a for a in found if "@" in a and " " not in a}

    delivered = addresses(*_DELIVERED)
    if delivered:
        return frozenset(delivered)
    to = addresses("To")
    return frozenset(to) if len(to) == 1 else frozenset()


def _mail(data: bytes, name: str) -> tuple[list[bytes], frozenset[str]]:
    """The calendars an e-mail carries, and whom it was delivered to."""
    from email import policy
    from email.parser import BytesParser

    not_either = f"{name} is neither a calendar (.ics) nor an e-mail (.eml) with an invitation"
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception:  # the parser is lenient; anything it still chokes on is not mail
        raise InvitationUnreadable(not_either) from None
    if not any(h in message for h in ("From", "To", "Subject", "Date", "Content-Type")):
        raise InvitationUnreadable(not_either)
    try:
        recipients = _recipients(message)
    except Exception:  # a header no parser can read names nobody
        recipients = frozenset()
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
    return found, recipients


def _events(raw: bytes, name: str) -> Iterable[Invitation]:
    import icalendar

    try:
        calendars = icalendar.Calendar.from_ical(raw, multiple=True)
    except Exception as exc:
        raise InvitationUnreadable(f"{name} cannot be read as a calendar ({exc})") from None
    for cal in calendars:
        method = str(cal.get("METHOD", "")).strip().upper()
        for event in cal.walk("VEVENT"):
            try:
                inv = _event(event, method, name)
            except InvitationUnreadable:
                raise
            except (ValueError, OverflowError):
                # A date at the edge of what Python's datetime holds, shifted past it.
                what = outside_text(text_of(event, "SUMMARY"), limit=500) or "without a title"
                raise InvitationUnreadable(
                    f"the event {what!r} in {name} has a time out of any calendar pursuit can keep"
                ) from None
            yield inv


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
        repeats=event.get("RRULE") is not None or event.get("RDATE") is not None,
    )
