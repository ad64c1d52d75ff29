"""`add`, `list` and `stage`: the applications themselves."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any

from pursuit.cli.common import Command, UserError, given_day, reading, writing
from pursuit.cli.output import as_table, print_json
from pursuit.domain.actions import ACTION_LABELS
from pursuit.domain.clock import Clock
from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.stages import normalise


def cmd_add(args: argparse.Namespace, clock: Clock) -> int:
    stage = normalise(args.stage)
    applied = given_day(args.applied, clock, future=False)
    # What the command line says wins over what a posting says.
    given = {
        name: getattr(args, name)
        for name in ("url", "source", "location", "notes")
        if getattr(args, name)
    }
    fields: dict[str, Any] = {"sector": args.sector, **given}
    company, role = args.company or "", args.role or ""
    found_by, posting_url, cut = "", "", ""
    if args.posting is not None:
        from pursuit.cli.postings import captured

        posting = captured(args.posting)
        found_by, posting_url, cut = posting.found_by, posting.url, posting.cut_sentence()
        found = posting.fields()
        found_company, found_role = found.pop("company", ""), found.pop("role", "")
        company, role = company or str(found_company), role or str(found_role)
        fields = {**found, **fields}
        _say_what_is_missing(company, role, args.posting)
    from pursuit.domain.companies import earlier_sentence
    from pursuit.store.application_writes import add_unless_held
    from pursuit.store.company_memory import earlier_applications

    # The address given, and the posting's own when the one given differs from it.
    held_at = (
        tuple(
            dict.fromkeys(a for a in (fields.get("url"), posting_url) if isinstance(a, str) and a)
        )
        if args.posting is not None and not args.again
        else ()
    )
    with writing(args, clock) as conn:
        added = add_unless_held(
            conn, clock.now(), company, role, held_at, stage=stage, applied_on=applied, **fields
        )
        if not added.added:
            return _already_held(args, added.id)
        app_id = added.id
        earlier = earlier_applications(conn, company, excluding=app_id)
    if args.json:
        said: dict[str, object] = {"id": app_id, "added": True, "earlier": [e.id for e in earlier]}
        if args.posting is not None:
            said["description_cut"] = bool(cut)
        print_json(said)
        return 0
    print(app_id)
    if found_by:
        print(
            f"Added {role} at {company}, {_FOUND_IN.get(found_by, 'from the posting')}.",
            file=sys.stderr,
        )
    if cut:
        print(cut, file=sys.stderr)
    if earlier:
        today = clock.now().astimezone(local_tz()).date()
        print(earlier_sentence(company, earlier, today), file=sys.stderr)
    return 0


#: Where the posting's details were found, as the confirmation says it.
_FOUND_IN = {
    "greenhouse": "from Greenhouse's job API",
    "lever": "from Lever's job API",
    "ashby": "from Ashby's job API",
    "json-ld": "from the page's job posting data",
    "opengraph": "from the page's title and summary",
    "title": "from the page's title",
}


def _say_what_is_missing(company: str, role: str, source: str) -> None:
    missing = [name for name, value in (("company", company), ("role", role)) if not value]
    if not missing:
        return
    shown = "-" if source == "-" else shlex.quote(source)
    raise UserError(
        f"the posting does not name the {' or the '.join(missing)}; give "
        f"{'them' if len(missing) > 1 else 'it'} after the posting: "
        f"pursuit add --from {shown} COMPANY ROLE"
    )


def _already_held(args: argparse.Namespace, holder: int) -> int:
    if args.json:
        print_json({"id": holder, "added": False})
        return 0
    # The id on stdout, as for an application added: a script goes on with the one there is.
    print(holder)
    print(
        f"This posting is application {holder} already; nothing added. "
        "--again adds it anyway (another role at the same posting, a new application).",
        file=sys.stderr,
    )
    return 0


def cmd_list(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store import queries

    stage = normalise(args.stage) if args.stage else None
    with reading(args, clock) as conn:
        rows = queries.applications(conn, stage=stage, archived=args.archived)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print(_nothing_listed(args, stage))
        return 0
    today = clock.now().astimezone(local_tz()).date()
    table = [
        [
            str(r.id),
            r.stage,
            r.company,
            r.role,
            ACTION_LABELS.get(r.next_action or "", ""),
            short_day(r.next_due_at.astimezone(local_tz()).date(), today) if r.next_due_at else "",
        ]
        for r in rows
    ]
    print(as_table(table, ["ID", "STAGE", "COMPANY", "ROLE", "NEXT", "DUE"]))
    return 0


def _nothing_listed(args: argparse.Namespace, stage: str | None) -> str:
    """Why the list is empty: a filter that matched nothing is not an empty search."""
    if stage and args.archived:
        return f"No archived applications at {stage}."
    if stage:
        return f"No applications at {stage}. pursuit list shows every stage."
    if args.archived:
        return "No archived applications."
    return "No applications yet. Add one with: pursuit add COMPANY ROLE"


def cmd_stage(args: argparse.Namespace, clock: Clock) -> int:
    stage = normalise(args.stage)
    from pursuit.store.application_writes import set_stage

    with writing(args, clock) as conn:
        changed = set_stage(conn, clock.now(), args.app, stage)
    print(
        f"application {args.app} moved to {stage}"
        if changed
        else f"application {args.app} is already {stage}"
    )
    return 0


COMMANDS: dict[str, Command] = {"add": cmd_add, "list": cmd_list, "stage": cmd_stage}
