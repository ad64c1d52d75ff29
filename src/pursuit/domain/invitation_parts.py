"""The parts of a calendar event as pursuit reads them: its start as an instant, its people,
its join link. The icalendar objects come from `invitations`; nothing here imports icalendar at
the top (it is imported where a zone name is looked up), so start-up stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from pursuit.domain import invitation_words as words
from pursuit.domain.localzone import local_tz
from pursuit.domain.safe_text import outside_text

#: An all-day invitation's day starts the interview at this local time.
ALL_DAY_STARTS = time(9, 0)
#: How long an interview lasts when the invitation gives no end.
DEFAULT_MINUTES = 60
#: The years an interview's start may fall in: dates pursuit reckons with (a thank-you a day
#: later, a check-in weeks on, the local clock's offset) stay inside what a datetime holds.
FIRST_YEAR, LAST_YEAR = 1970, 2999


@dataclass(frozen=True)
class Person:
    name: str
    email: str  # lower case, "" unknown


class InvitationUnreadable(ValueError):
    """A file or text that holds no invitation pursuit can read; the message says why."""


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def text_of(event: Any, prop: str) -> str:
    value = event.get(prop)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value)


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


def start_of(event: Any, name: str, what: str) -> tuple[datetime, str, bool]:
    """The start as an instant, the IANA zone it was given in, and whether it is a whole day."""
    try:
        found = _start_of(event, name, what)
    except InvitationUnreadable:
        raise
    except (ValueError, OverflowError):  # shifted out of what a datetime holds
        found = None
    if found is None or not FIRST_YEAR <= found[0].year <= LAST_YEAR:
        day = getattr(event.get("DTSTART"), "dt", None)
        shown = f" ({day.isoformat()[:10]})" if isinstance(day, date) else ""
        raise InvitationUnreadable(
            f"the event {what!r} in {name}: its start time{shown} is out of any calendar "
            f"pursuit can keep (the years {FIRST_YEAR} to {LAST_YEAR})"
        )
    return found


def _start_of(event: Any, name: str, what: str) -> tuple[datetime, str, bool]:
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


def minutes_of(event: Any, all_day: bool) -> int:
    if all_day:
        return DEFAULT_MINUTES
    try:
        length = event.duration
    except Exception:
        length = None
    if not isinstance(length, timedelta) or length <= timedelta(0):
        return DEFAULT_MINUTES
    return max(1, min(24 * 60, int(length.total_seconds() // 60)))


def stamp_of(event: Any) -> datetime | None:
    for prop in ("DTSTAMP", "LAST-MODIFIED"):
        try:
            value = event.decoded(prop)
        except Exception:
            continue
        if isinstance(value, datetime):
            return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    return None


def recurrence_of(event: Any) -> str:
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


def person_of(prop: Any) -> Person | None:
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
        if not name or name_key(name) in (tool, "no reply", "noreply") or "@" in name:
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


def attendees_of(event: Any, organiser: Person | None) -> tuple[Person, ...]:
    props = event.get("ATTENDEE") or []
    if not isinstance(props, list):
        props = [props]
    people: dict[str, Person] = {}
    for prop in props:
        kind = str(getattr(prop, "params", {}).get("CUTYPE", "INDIVIDUAL")).upper()
        if kind in ("ROOM", "RESOURCE"):
            continue
        person = person_of(prop)
        if person is None:
            continue
        if organiser is not None and (
            (person.email and person.email == organiser.email)
            or (not person.email and name_key(person.name) == name_key(organiser.name))
        ):
            continue
        people.setdefault(person.email or name_key(person.name), person)
    return tuple(people.values())


def description_of(event: Any) -> str:
    text = text_of(event, "DESCRIPTION")
    if not text.strip():
        html = text_of(event, "X-ALT-DESC")
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


def link_of(event: Any, location: str, description: str) -> str:
    for prop in _CONFERENCE:
        values = event.get(prop)
        for value in values if isinstance(values, list) else [values]:
            for url in words.urls_in(str(value or "")):
                return outside_text(url, limit=2_000)
    for url in words.urls_in(location):
        return outside_text(url, limit=2_000)  # a link given as the place is the place
    return outside_text(
        words.meeting_link([description, text_of(event, "URL"), text_of(event, "X-ALT-DESC")]),
        limit=2_000,
    )
