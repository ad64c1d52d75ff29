"""`show`: everything about one application, to read in a terminal or as JSON."""

from __future__ import annotations

import argparse
import textwrap
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from pursuit.cli.common import Command, UserError, reading
from pursuit.cli.output import print_json
from pursuit.domain.actions import ACTION_LABELS, DEADLINES
from pursuit.domain.clock import Clock
from pursuit.domain.dates import local_tz
from pursuit.domain.days import exact_day, exact_day_time, short_day, short_day_time
from pursuit.domain.moments import from_db
from pursuit.domain.pipeline import MARKERS
from pursuit.domain.safe_text import for_terminal
from pursuit.domain.salary import salary_with_currency
from pursuit.domain.stages import label

if TYPE_CHECKING:
    from pursuit.domain.records import WholeApplication
    from pursuit.store.queries import DueBrief

#: The text form fits an 80-column terminal.
WIDTH = 80
_INDENT = "  "


def cmd_show(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.cli.schedule import due_records
    from pursuit.store import queries
    from pursuit.store.whole_application import whole_application

    now = clock.now()
    tz = local_tz()
    with reading(args, clock) as conn:
        whole = whole_application(conn, args.app, now, tz)
        if whole is None:
            raise UserError(f"no application with id {args.app}")
        # In UTC, like the stored moments (as `due` reads them).
        due = queries.due_brief(conn, now.astimezone(UTC), application_id=args.app)
    if args.json:
        print_json(as_json(whole, due_records(due, now.astimezone(UTC), tz), tz))
    else:
        print(as_text(whole, due, now, tz))
    return 0


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def as_json(whole: WholeApplication, follow_ups: list[dict[str, Any]], tz: tzinfo) -> Any:
    r = whole.row
    return {
        "id": r.id,
        "company": r.company,
        "role": r.role,
        "stage": r.stage,
        "url": r.url,
        "location": r.location,
        "sector": r.sector,
        "source": r.source,
        "notes": r.notes,
        "applied": _iso(r.applied_on),
        "salary_min": r.salary_min,
        "salary_max": r.salary_max,
        "salary_currency": whole.salary_currency,
        "description": whole.description,
        "posted": _iso(whole.posted_on),
        "closes": _iso(whole.closes_on),
        "archived": r.archived,
        "interviews": [
            {
                "id": iv.id,
                "starts_at": iv.starts_at.astimezone(tz).isoformat(),
                "kind": iv.kind,
                "round": iv.round_name,
                "location": iv.location,
                "link": iv.link,
                "interviewers": list(iv.interviewers),
                "decision_by": _iso(iv.decision_by),
                "cancelled": iv.cancelled_at is not None,
            }
            for iv in whole.interviews
        ],
        "contacts": [
            {
                "name": c.name,
                "title": c.title,
                "email": c.email,
                "phone": c.phone,
                "linkedin": c.linkedin,
                "role": c.role,
            }
            for c in whole.contacts
        ],
        "history": [
            {"when": t.at.astimezone(tz).isoformat(), "what": t.what, "note": t.note}
            for t in whole.history
        ],
        "follow_ups": follow_ups,
    }


# --- the text form ----------------------------------------------------------------------------


def _wrapped(text: str, indent: str = _INDENT, hang: str | None = None) -> list[str]:
    """TEXT (one line of it) folded to the width, made safe for the terminal."""
    return textwrap.wrap(
        for_terminal(text),
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hang is None else hang,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _paragraphs(text: str, indent: str = _INDENT) -> list[str]:
    """Multi-line TEXT (notes, a description) folded line by line; a list item's lines hang
    under its words, not under its bullet."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            if lines and lines[-1]:
                lines.append("")
            continue
        # A nested item keeps its indent (two spaces a level, as the posting was read).
        level = indent + " " * (len(line) - len(line.lstrip(" ")))
        bullet = next((b for b in ("• ", "- ", "* ", "· ") if stripped.startswith(b)), "")
        if (
            not bullet
            and (number := stripped.split(" ", 1)[0]).endswith(".")
            and number[:-1].isdigit()
        ):
            bullet = number + " "
        lines += _wrapped(stripped, level, level + " " * len(bullet))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _fact(name: str, value: str) -> list[str]:
    return _wrapped(value, f"{_INDENT}{name:<9} ", " " * (len(_INDENT) + 10))


def as_text(whole: WholeApplication, due: list[DueBrief], now: datetime, tz: tzinfo) -> str:
    r = whole.row
    today = now.astimezone(tz).date()
    out = _wrapped(f"{r.company} · {r.role}  (#{r.id})", "")
    facts = [label(r.stage), r.sector.title()]
    facts += [x for x in (r.location,) if x]
    if r.applied_on:
        facts.append(f"applied {exact_day(r.applied_on, today)}")
    if r.source:
        facts.append(f"via {r.source}")
    if r.archived:
        facts.append("archived")
    out += _wrapped(" · ".join(facts), "")
    out.append("")
    salary = salary_with_currency(r.salary_min, r.salary_max, whole.salary_currency)
    if salary:
        out += _fact("Salary", salary)
    if whole.posted_on:
        out += _fact("Posted", exact_day(whole.posted_on, today))
    if whole.closes_on:
        closes = exact_day(whole.closes_on, today)
        out += _fact("Closes", closes + (" (closed)" if whole.closes_on < today else ""))
    if r.url:
        out += _fact("Posting", r.url)
    if r.notes:
        out.append(f"{_INDENT}Notes")
        out += _paragraphs(r.notes, _INDENT * 2)
    if out[-1]:
        out.append("")

    out.append("Interviews")
    for iv in whole.interviews:
        local = iv.starts_at.astimezone(tz)
        what = iv.title + (f", with {', '.join(iv.interviewers)}" if iv.interviewers else "")
        if iv.cancelled_at is not None:
            what += " · cancelled"
        out += _wrapped(f"{short_day_time(local, today)}  {what}", hang=_INDENT * 3)
        more = [f"decision by {exact_day(iv.decision_by, today)}"] if iv.decision_by else []
        more += [x for x in (iv.location, iv.link) if x]
        if more:
            out += _wrapped(" · ".join(more), _INDENT * 3)
    if not whole.interviews:
        out.append(f"{_INDENT}None yet.")
    out.append("")

    out.append("People")
    for c in whole.contacts:
        out += _wrapped(" · ".join(x for x in (c.name, c.role, c.title) if x), hang=_INDENT * 3)
        reach = [x for x in (c.email, c.phone, c.linkedin) if x]
        if reach:
            out += _wrapped(" · ".join(reach), _INDENT * 3)
    if not whole.contacts:
        out.append(f"{_INDENT}No one recorded.")
    out.append("")

    out.append("What's due")
    at = now.astimezone(UTC)
    for f in due:
        local = from_db(f.due_at).astimezone(tz)
        when = (short_day_time if f.action in DEADLINES else _short_day)(local, today)
        marker = MARKERS["overdue" if from_db(f.overdue_at) <= at else "due"]
        who = f" · {f.contact}" if f.contact else ""
        out += _wrapped(f"{marker} {ACTION_LABELS[f.action]}{who} — {when}", hang=_INDENT * 2)
    if not due:
        out.append(f"{_INDENT}Nothing to send.")
        r = whole.row
        if r.next_action and r.next_due_at is not None:
            # What `list` shows as next, not yet open: said, so the two never seem to disagree.
            coming = _short_day(r.next_due_at.astimezone(tz), today)
            out.append(
                f"{_INDENT}Next: {ACTION_LABELS.get(r.next_action, r.next_action)} — {coming}"
            )
    out.append("")

    out.append("History")
    for t in whole.history:
        local = t.at.astimezone(tz)
        when = exact_day(local.date(), today) if t.day_only else exact_day_time(local, today)
        out += _wrapped(f"{when:<16}  {t.text}", hang=_INDENT + " " * 18)
    if not whole.history:
        out.append(f"{_INDENT}Nothing yet.")

    out.append("")
    out.append("Job description")
    if whole.description.strip():
        out += _paragraphs(whole.description)
    else:
        out.append(f"{_INDENT}None kept.")
    return "\n".join(out)


def _short_day(local: datetime, today: date) -> str:
    return short_day(local.date(), today)


COMMANDS: dict[str, Command] = {"show": cmd_show}
