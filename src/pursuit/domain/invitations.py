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

import os
import stat
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from pursuit.domain import invitation_words as words
from pursuit.domain.localzone import local_tz
from pursuit.domain.safe_text import outside_text

#: An invitation is a few kilobytes, an e-mail with attachments rarely over one megabyte.
MAX_INVITATION = 5 * 1024 * 1024
#: An all-day invitation's day starts the interview at this local time.
ALL_DAY_STARTS = time(9, 0)
#: How long an interview lasts when the invitation gives no end.
DEFAULT_MINUTES = 60


@dataclass(frozen=True)
class Person:
    name: str
    email: str  # lower case, "" unknown


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


class InvitationUnreadable(ValueError):
    """A file or text that holds no invitation pursuit can read; the message says why."""


def is_newer(a: Invitation, b: Invitation) -> bool:
    return a.newness > b.newness


def people_interviewing(inv: Invitation, my_email: str, my_name: str) -> tuple[Person, ...]:
    """The interviewers: everyone invited but you (by your e-mail, or your name for someone
    with no address); the organiser only when nobody else is."""

    def mine(p: Person) -> bool:
        if my_email and p.email and p.email == my_email.strip().lower():
            return True
        return bool(my_name) and _key(p.name) == _key(my_name) and not (p.email and my_email)

    others = tuple(p for p in inv.attendees if not mine(p))
    if others:
        return others
    if inv.organiser is not None and inv.organiser.name and not mine(inv.organiser):
        return (inv.organiser,)
    return ()


def recruiter(inv: Invitation, my_email: str, my_name: str) -> Person | None:
    """The organiser as the application's recruiter (not you, and a person with a name)."""
    org = inv.organiser
    if org is None or not org.name:
        return None
    if my_email and org.email == my_email.strip().lower():
        return None
    if my_name and _key(org.name) == _key(my_name):
        return None
    return org


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


# --- reading ----------------------------------------------------------------------------------


def read_invitation_file(
    path: str, *, refused: Collection[tuple[int, int]] = ()
) -> list[Invitation]:
    """The invitations in the file at PATH ("-": standard input), at most MAX_INVITATION bytes.

    Only a plain file is read, opened without blocking (a named pipe cannot hang the read).
    REFUSED are (device, inode) pairs never to open: the database a caller holds open, whose
    locks closing another descriptor of it would drop.
    """
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INVITATION + 1)
        name = "standard input"
    else:
        data = _read_plain_file(path, refused)
        name = path
    if len(data) > MAX_INVITATION:
        raise InvitationUnreadable(f"{name} is larger than {MAX_INVITATION // 1024 // 1024} MB")
    return read_invitations(data, name)


def _read_plain_file(path: str, refused: Collection[tuple[int, int]]) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InvitationUnreadable(f"{path} does not exist") from None
    except OSError as exc:
        raise InvitationUnreadable(f"cannot read {path}: {exc.strerror or exc}") from None
    if (info.st_dev, info.st_ino) in refused:
        raise InvitationUnreadable(f"{path} is the pursuit database, not an invitation")
    if not stat.S_ISREG(info.st_mode):
        raise InvitationUnreadable(f"{path} is {_kind(info.st_mode)}, not a file")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise InvitationUnreadable(f"cannot read {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):  # swapped for something else since the stat
            raise InvitationUnreadable(f"{path} is {_kind(now.st_mode)}, not a file")
        if now.st_size > MAX_INVITATION:
            raise InvitationUnreadable(f"{path} is larger than {MAX_INVITATION // 1024 // 1024} MB")
        try:
            return fh.read(MAX_INVITATION + 1)
        except OSError as exc:
            raise InvitationUnreadable(f"cannot read {path}: {exc.strerror or exc}") from None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"


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


def _text(event: Any, prop: str) -> str:
    value = event.get(prop)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value)


def _event(event: Any, method: str, name: str) -> Invitation:
    uid = outside_text(_text(event, "UID"), limit=1_000)
    if not uid:
        raise InvitationUnreadable(
            f"an event in {name} has no UID, so a later copy could not find it again"
        )
    summary = outside_text(_text(event, "SUMMARY"), limit=500)
    starts_at, timezone, all_day = _start(event, name, summary or uid)
    description = _description(event)
    organiser = _person(event.get("ORGANIZER"))
    attendees = _attendees(event, organiser)
    raw_location = _text(event, "LOCATION")
    link = _link(event, raw_location, description)
    address = words.street_address(raw_location)
    try:
        sequence = int(str(event.get("SEQUENCE", "0")).strip() or 0)
    except ValueError:
        sequence = 0
    status = _text(event, "STATUS").strip().upper()
    return Invitation(
        uid=uid,
        recurrence_id=_recurrence(event),
        sequence=sequence,
        stamp=_stamp(event),
        cancelled=method == "CANCEL" or status == "CANCELLED",
        summary=summary,
        description=description,
        starts_at=starts_at,
        duration_minutes=_minutes(event, all_day),
        all_day=all_day,
        timezone=timezone,
        organiser=organiser,
        attendees=attendees,
        link=link,
        location=address,
        kind=words.guess_kind(summary, description, link, address),
    )


def _iana(tzid: str) -> tzinfo | None:
    """The zone a TZID names: an IANA name (also at the end of a path, as Mozilla writes
    it), or a Windows name (Outlook's "Pacific Standard Time")."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    tzid = tzid.strip().strip('"')
    names = [tzid, WINDOWS_TO_OLSON.get(tzid, "")]
    parts = tzid.split("/")
    names += ["/".join(parts[-n:]) for n in (3, 2) if len(parts) > n]
    for candidate in names:
        if not candidate or candidate.startswith("/") or ".." in candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def _start(event: Any, name: str, what: str) -> tuple[datetime, str, bool]:
    """The start as an instant, the IANA zone it was given in, and whether it is a whole day."""
    prop = event.get("DTSTART")
    try:
        value = prop.dt if prop is not None else None
    except Exception:
        value = None
    if value is None:
        raise InvitationUnreadable(f"the event {what!r} in {name} has no start time it can read")
    if not isinstance(value, datetime):
        assert isinstance(value, date)
        return datetime.combine(value, ALL_DAY_STARTS, tzinfo=local_tz()), "", True
    tzid = str(prop.params.get("TZID", "")).strip()
    zone = _iana(tzid) if tzid else None
    if zone is not None:
        wall = value.replace(tzinfo=None)
        return _real(wall.replace(tzinfo=zone)), getattr(zone, "key", ""), False
    if value.tzinfo is not None:
        # UTC ("Z"), or the file's own VTIMEZONE for a TZID no zone database knows.
        return _real(value), "", False
    if tzid:
        raise InvitationUnreadable(
            f"the event {what!r} in {name} is in the time zone {tzid!r}, which pursuit does "
            "not know and the file does not describe"
        )
    return _real(value.replace(tzinfo=local_tz())), "", False  # floating: where you are


def _real(moment: datetime) -> datetime:
    """MOMENT as the instant it names, in UTC. A wall time the clocks skip or repeat reads
    with the offset from before the change (RFC 5545; Python's fold=0): the first of two."""
    return moment.astimezone(UTC)


def _minutes(event: Any, all_day: bool) -> int:
    if all_day:
        return DEFAULT_MINUTES
    try:
        length = event.duration
    except Exception:
        length = None
    if not isinstance(length, timedelta) or length <= timedelta(0):
        return DEFAULT_MINUTES
    return max(1, min(24 * 60, int(length.total_seconds() // 60)))


def _stamp(event: Any) -> datetime | None:
    for prop in ("DTSTAMP", "LAST-MODIFIED"):
        try:
            value = event.decoded(prop)
        except Exception:
            continue
        if isinstance(value, datetime):
            return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    return None


def _recurrence(event: Any) -> str:
    prop = event.get("RECURRENCE-ID")
    if prop is None:
        return ""
    try:
        value = prop.dt
    except Exception:
        return outside_text(str(prop), limit=100)
    if isinstance(value, datetime):
        tzid = str(prop.params.get("TZID", ""))
        zone = _iana(tzid) if tzid else None
        if zone is not None:
            value = value.replace(tzinfo=zone)
        if value.tzinfo is not None:
            # As an instant, so two copies that write its zone differently still agree.
            return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d") if isinstance(value, date) else ""


def _email(address: object) -> str:
    text = str(address or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = outside_text(text, limit=320).lower()
    return text if "@" in text and " " not in text else ""


def _person(prop: Any) -> Person | None:
    if prop is None:
        return None
    if isinstance(prop, list):
        prop = prop[0] if prop else None
        if prop is None:
            return None
    email = _email(prop)
    params = getattr(prop, "params", {})
    name = outside_text(str(params.get("CN", "")), limit=200).strip("\"' ")
    # "Dana Reyes via Greenhouse": the person, not the tool that wrote for them.
    for tool in (" via ", " (via "):
        if tool in name.lower():
            name = name[: name.lower().index(tool)].strip()
    if name and "@" in name and " " not in name:
        name = ""  # the address again, not a name
    if email and _tool_address(email):
        tool = words.company_domain(email.split("@")[1]).split(".")[0]
        if not name or _key(name) in (tool, "no reply", "noreply") or "@" in name:
            return None  # the scheduling tool itself, not a person
        email = ""  # no-reply@greenhouse.io is nobody's address
    if not name and email:
        name = words.name_from_email(email)
    if not name and not email:
        return None
    return Person(name, email)


def _tool_address(email: str) -> bool:
    local, domain = email.split("@", 1)
    return words.company_domain(domain) in words.SCHEDULERS or local.startswith(
        ("no-reply", "noreply", "donotreply", "do-not-reply", "notifications", "scheduling")
    )


def _attendees(event: Any, organiser: Person | None) -> tuple[Person, ...]:
    props = event.get("ATTENDEE") or []
    if not isinstance(props, list):
        props = [props]
    people: dict[str, Person] = {}
    for prop in props:
        kind = str(getattr(prop, "params", {}).get("CUTYPE", "INDIVIDUAL")).upper()
        if kind in ("ROOM", "RESOURCE"):
            continue
        person = _person(prop)
        if person is None:
            continue
        if organiser is not None and (
            (person.email and person.email == organiser.email)
            or (not person.email and _key(person.name) == _key(organiser.name))
        ):
            continue
        people.setdefault(person.email or _key(person.name), person)
    return tuple(people.values())


def _description(event: Any) -> str:
    text = _text(event, "DESCRIPTION")
    if not text.strip():
        html = _text(event, "X-ALT-DESC")
        text = _plain_from_html(html) if html else ""
    return outside_text(text, multiline=True)


def _plain_from_html(html: str) -> str:
    import html as entities
    import re

    text = re.sub(r"(?is)<(script|style).*?</\1>", " ", html)
    text = re.sub(r'(?is)<a\s[^>]*href="([^"]+)"[^>]*>', r" \1 ", text)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", text)
    return entities.unescape(re.sub(r"<[^>]+>", "", text))


#: Properties where calendars put the meeting's own link, in the order they are trusted.
_CONFERENCE = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
)


def _link(event: Any, location: str, description: str) -> str:
    for prop in _CONFERENCE:
        values = event.get(prop)
        for value in values if isinstance(values, list) else [values]:
            for url in words.urls_in(str(value or "")):
                return outside_text(url, limit=2_000)
    for url in words.urls_in(location):
        return outside_text(url, limit=2_000)  # a link given as the place is the place
    return outside_text(
        words.meeting_link([description, _text(event, "URL"), _text(event, "X-ALT-DESC")]),
        limit=2_000,
    )
