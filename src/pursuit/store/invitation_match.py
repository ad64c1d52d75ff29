"""Which application an invitation is for: the clues in the order they are trusted.

1. Someone invited is already a contact on it (by e-mail), and on no other application.
2. An e-mail domain of the organiser or an attendee is its link's domain, or one of its
   contacts' (free mail and scheduling tools say nothing: gmail.com, greenhouse.io...).
3. The invitation names its company (as company memory compares names), or the e-mail domain
   of its organiser or an attendee is the company's name (riley.chen@globex.com: Globex).
4. Someone invited is a contact on it and on others too (an agency's recruiter): never one
   alone, so it only offers them.

The user's own addresses (my_email, those the e-mail was delivered to) are never a clue; while
pursuit knows none of them, no free-mail address is a contact clue either (the user, taken for
an interviewer once, would pull every later invitation to that application).

The first clue that finds anything decides; when it finds several, the later clues (and the
role named in the invitation) may narrow them down to one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from pursuit.domain.companies import company_key
from pursuit.domain.invitation_words import company_domain, host_of, says_nothing
from pursuit.domain.invitations import Invitation, Person, is_you, you_unknown


@dataclass(frozen=True)
class Candidate:
    application_id: int
    company: str
    role: str
    why: str  # "Dana Reyes (dana@northwind.com) is a contact on it", ...
    #: The invitation's address that points to it first ("" when its name does).
    clue: str = ""


@dataclass(frozen=True)
class _App:
    id: int
    company: str
    role: str
    url: str


def _open_applications(conn: sqlite3.Connection) -> dict[int, _App]:
    """The applications an interview can still be for: not archived, not over."""
    return {
        row[0]: _App(*row)
        for row in conn.execute(
            "SELECT id, company, role, url FROM application WHERE archived = 0 "
            "AND stage NOT IN ('accepted', 'rejected', 'withdrawn', 'ghosted') ORDER BY id"
        )
    }


def _contains(text_key: str, name_key: str) -> bool:
    """NAME_KEY's words appear together in TEXT_KEY (both as company_key gives them)."""
    return len(name_key) >= 2 and f" {name_key} " in f" {text_key} "


def candidates_for(
    conn: sqlite3.Connection, inv: Invitation, my_email: str, my_name: str = ""
) -> tuple[Candidate, ...]:
    """The applications INV may be for, with why; one when the clues settle it."""
    apps = _open_applications(conn)
    if not apps:
        return ()
    people = [p for p in (inv.organiser, *inv.attendees) if p is not None and p.email]
    people = [p for p in people if not is_you(p, my_email, my_name, inv.recipients)]
    contacts = conn.execute(
        "SELECT ac.application_id, c.name, lower(c.email) FROM application_contact ac "
        "JOIN contact c ON c.id = ac.contact_id WHERE c.email != ''"
    ).fetchall()
    contacts = [row for row in contacts if row[0] in apps]
    sure, shared = _by_contact(apps, people, contacts, you_unknown(inv, my_email, my_name))
    clues = [sure, _by_domain(apps, people, contacts), _by_name(apps, inv, people), shared]
    for i, found in enumerate(clues):
        if not found:
            continue
        if len(found) > 1:
            narrowed = _narrow(found, clues[i + 1 :], apps, inv)
            if narrowed is not None:
                return (narrowed,)
        return tuple(found.values())
    return ()


def _add(found: dict[int, Candidate], app: _App, why: str, clue: str = "") -> None:
    if app.id in found:
        earlier = found[app.id]
        if why not in earlier.why:
            found[app.id] = replace(earlier, why=f"{earlier.why}; {why}")
    else:
        found[app.id] = Candidate(app.id, app.company, app.role, why, clue)


def _by_contact(
    apps: dict[int, _App],
    people: list[Person],
    contacts: list[tuple[int, str, str]],
    unknown_you: bool,
) -> tuple[dict[int, Candidate], dict[int, Candidate]]:
    """The applications someone invited is a contact on: those it settles, and those it only
    offers (someone on several). While the user's address is not known, free mail is nobody's."""
    emails = {p.email for p in people}
    on: dict[str, set[int]] = {}
    for app_id, _name, email in contacts:
        on.setdefault(email, set()).add(app_id)
    sure: dict[int, Candidate] = {}
    shared: dict[int, Candidate] = {}
    for app_id, name, email in contacts:
        if email not in emails or (unknown_you and says_nothing(email.split("@", 1)[1])):
            continue
        found = shared if len(on[email]) > 1 else sure
        _add(found, apps[app_id], f"{name} ({email}) is a contact on it", email)
    return sure, shared


def _by_domain(
    apps: dict[int, _App], people: list[Person], contacts: list[tuple[int, str, str]]
) -> dict[int, Candidate]:
    theirs: dict[str, str] = {}
    for p in people:
        domain = company_domain(p.email.split("@", 1)[1])
        if not says_nothing(domain):
            theirs.setdefault(domain, p.email)
    found: dict[int, Candidate] = {}
    if not theirs:
        return found
    for app in apps.values():
        domain = company_domain(host_of(app.url)) if app.url else ""
        if domain in theirs and not says_nothing(domain):
            _add(found, app, f"{theirs[domain]} is at {domain}, as its link is", theirs[domain])
    for app_id, name, email in contacts:
        domain = company_domain(email.split("@", 1)[-1])
        if app_id in apps and domain in theirs:
            why = f"{theirs[domain]} is at {domain}, as {name} on it is"
            _add(found, apps[app_id], why, theirs[domain])
    return found


def _by_name(apps: dict[int, _App], inv: Invitation, people: list[Person]) -> dict[int, Candidate]:
    texts = [company_key(inv.summary), company_key(inv.description)]
    # The name each domain is registered under: globex.com -> "globex", as company_key has it.
    named: dict[str, tuple[str, str]] = {}
    for p in people:
        domain = company_domain(p.email.split("@", 1)[1])
        if not says_nothing(domain):
            named.setdefault(company_key(domain.split(".", 1)[0]), (p.email, domain))
    found: dict[int, Candidate] = {}
    for app in apps.values():
        key = company_key(app.company)
        if any(_contains(text, key) for text in texts):
            _add(found, app, f"the invitation names {app.company}")
        if len(key) >= 2 and key in named:
            email, domain = named[key]
            _add(found, app, f"{email} is at {domain}, {app.company}'s name", email)
    return found


def _narrow(
    found: dict[int, Candidate],
    later: list[dict[int, Candidate]],
    apps: dict[int, _App],
    inv: Invitation,
) -> Candidate | None:
    """The one of FOUND that a later clue, or the role the invitation names, also points to."""
    for clue in later:
        both = [app_id for app_id in found if app_id in clue]
        if len(both) == 1:
            return _joined(found[both[0]], clue[both[0]].why)
    texts = [company_key(inv.summary), company_key(inv.description)]
    named = [
        app_id
        for app_id in found
        if any(_contains(text, company_key(apps[app_id].role)) for text in texts)
    ]
    if len(named) == 1:
        return _joined(found[named[0]], f"it names the role {apps[named[0]].role}")
    return None


def _joined(candidate: Candidate, why: str) -> Candidate:
    return replace(candidate, why=f"{candidate.why}; {why}")
