"""What an invitation's words say: the join link, the street address, the kind of interview,
and which e-mail domains say nothing about the employer.

Pure text rules (no icalendar here), shared by the reading of invitations and by the store's
matching of one to an application.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Hosts of the meeting services whose links are a video interview's join link. A link in the
#: description counts only on one of these (descriptions are full of other links: the
#: company's site, a privacy notice, a "reschedule" page).
MEETING_HOSTS = (
    "meet.google.com",
    "zoom.us",
    "zoomgov.com",
    "teams.microsoft.com",
    "teams.live.com",
    "webex.com",
    "whereby.com",
    "around.co",
    "chime.aws",
    "meet.jit.si",
    "gotomeeting.com",
    "meet.goto.com",
    "bluejeans.com",
    "join.skype.com",
    "meet.lync.com",
)

#: E-mail domains anyone can have: they say nothing about which company wrote.
FREE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "web.de",
        "fastmail.com",
        "hey.com",
        "zoho.com",
        "mail.com",
        "yandex.com",
    }
)

#: Applicant tracking systems and scheduling tools: their addresses and job-board links are
#: shared by every employer that uses them.
SCHEDULERS = frozenset(
    {
        "greenhouse.io",
        "lever.co",
        "goodtime.io",
        "calendly.com",
        "ashbyhq.com",
        "workday.com",
        "myworkdayjobs.com",
        "smartrecruiters.com",
        "icims.com",
        "jobvite.com",
        "workable.com",
        "bamboohr.com",
        "recruitee.com",
        "teamtailor.com",
        "gem.com",
        "modernloop.io",
        "prelude.co",
        "cal.com",
    }
)

_URL = re.compile(r"https?://[^\s<>\"'\])}|]+", re.IGNORECASE)
#: Second-level labels under which a country's companies register (`northwind.co.uk`).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "ne"})


def urls_in(text: str) -> list[str]:
    """The web links in TEXT, in order, without the punctuation a sentence puts after them."""
    return [m.group().rstrip(".,;:!?") for m in _URL.finditer(text)]


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def is_meeting_link(url: str) -> bool:
    host = host_of(url)
    return any(_on(host, known) for known in MEETING_HOSTS)


def meeting_link(texts: list[str]) -> str:
    """The first link to a meeting service in TEXTS (searched in order), or ""."""
    for text in texts:
        for url in urls_in(text):
            if is_meeting_link(url):
                return url
    return ""


def company_domain(host: str) -> str:
    """The domain a company registers, from a host or an e-mail's domain:
    `careers.northwind.com` -> `northwind.com`, `mail.northwind.co.uk` -> `northwind.co.uk`."""
    labels = [part for part in host.lower().strip(".").split(".") if part]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def says_nothing(domain: str) -> bool:
    """A domain shared by many employers (free mail, a scheduling tool, an ATS)."""
    domain = company_domain(domain)
    return not domain or domain in FREE_MAIL or domain in SCHEDULERS


_STREET_WORDS = re.compile(
    r"\b(street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl|square|sq|"
    r"suite|ste|floor|fl|plaza|parkway|pkwy|court|ct|strasse|straße|str|rue|calle|via|weg|"
    r"gasse|platz|building|bldg|house|park)\b\.?",
    re.IGNORECASE,
)
#: What a location says when it is the meeting service rather than a place.
_NOT_A_PLACE = re.compile(
    r"\b(microsoft teams|teams meeting|zoom|google meet|webex|whereby|online|video call|"
    r"virtual|remote|phone|call)\b",
    re.IGNORECASE,
)


def street_address(location: str) -> str:
    """LOCATION when it reads as a street address (a number and a street word, or a number
    and comma-separated parts), with any links taken out; else ""."""
    text = " ".join(_URL.sub(" ", location).split()).strip(" ,;")
    if not text or _NOT_A_PLACE.search(text) or not re.search(r"\d", text):
        return ""
    if _STREET_WORDS.search(text) or text.count(",") >= 1:
        return text
    return ""


_PANEL = re.compile(r"\b(panel|loop|onsite loop|final round|super ?day)\b", re.IGNORECASE)
_TECHNICAL = re.compile(
    r"\b(technical|tech screen|coding|code review|live cod\w*|pair(ing| programming)?|"
    r"system design|systems design|whiteboard|take[- ]home|algorithm\w*|hacker ?rank|"
    r"coderpad|codility)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"\b(phone screen\w*|phone interview|phone call|by phone|over the phone|call you( at| on)?|"
    r"will call|we'll call|give you a call|ring you|telephone)\b",
    re.IGNORECASE,
)
_ONSITE = re.compile(r"\b(on-?site|in[- ]person|at our office|our offices?)\b", re.IGNORECASE)


def guess_kind(summary: str, description: str, link: str, address: str) -> str:
    """The kind of interview: panel or technical from the summary, phone from its words,
    video with a link, onsite with an address; video when nothing says.

    A description's phone words count only without a link: video invitations carry a
    "join by phone" section.
    """
    if _PANEL.search(summary):
        return "panel"
    if _TECHNICAL.search(summary):
        return "technical"
    if _PHONE.search(summary):
        return "phone"
    if link:
        return "video"
    if address or _ONSITE.search(summary) or _ONSITE.search(description):
        return "onsite"
    if _PHONE.search(description):
        return "phone"
    return "video"


def name_from_email(email: str) -> str:
    """`dana.reyes@northwind.com` -> `Dana Reyes`: a name for someone known only by address."""
    local = email.split("@", 1)[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w and not w.isdigit()]
    return " ".join(w.capitalize() for w in words) or email
