"""What an invitation's plan warns of before it is saved: the user chose an application the
invitation does not point to, or pursuit cannot tell the user from the people interviewing."""

from __future__ import annotations

import sqlite3

from pursuit.store.invitation_match import Candidate

#: Without my_email (or a name or address of the user's on the invitation), nobody on it is
#: known to be the user.
NO_EMAIL = (
    "Your e-mail is not set (pursuit config set my_email you@example.com): everyone invited "
    "is taken for an interviewer, you too."
)
#: A series: its later meetings are not read (only the first, and any moved one sent with it).
REPEATS = (
    "This invitation repeats: only its first meeting (and any moved one sent with it) is "
    "recorded; add the others with pursuit interview, or i on the application."
)
#: How many other applications a warning names at most.
_NAMED = 3


def not_the_one_chosen(
    conn: sqlite3.Connection, app_id: int, candidates: tuple[Candidate, ...]
) -> tuple[str, ...]:
    """A warning when CANDIDATES (what the invitation points to, no application given) are
    other applications than APP_ID: "This invitation looks like it is for Fabrikam
    (sam.ortiz@fabrikam.com), not Northwind Analytics."; none when it is among them."""
    if not candidates or any(c.application_id == app_id for c in candidates):
        return ()
    company, role = conn.execute(
        "SELECT company, role FROM application WHERE id = ?", (app_id,)
    ).fetchone()
    same_company = any(c.company == company for c in candidates)

    def called(name: str, its_role: str) -> str:
        return f"{name}, {its_role}" if same_company else name

    others = [f"{called(c.company, c.role)} ({c.clue or c.why})" for c in candidates[:_NAMED]]
    more = len(candidates) - _NAMED
    if more > 0:
        others.append(f"{more} more")
    listed = others[0] if len(others) == 1 else f"{', '.join(others[:-1])} or {others[-1]}"
    return (f"This invitation looks like it is for {listed}, not {called(company, role)}.",)
