"""`add`, `list` and `stage`: the applications themselves."""

from __future__ import annotations

import argparse

from pursuit.cli.common import Command, given_day, reading, writing
from pursuit.cli.output import as_table, print_json
from pursuit.domain.actions import ACTION_LABELS
from pursuit.domain.clock import Clock
from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.stages import normalise


def cmd_add(args: argparse.Namespace, clock: Clock) -> int:
    stage = normalise(args.stage)
    applied = given_day(args.applied, clock, future=False)
    from pursuit.store.application_writes import add_application

    with writing(args, clock) as conn:
        app_id = add_application(
            conn,
            clock.now(),
            args.company,
            args.role,
            stage=stage,
            applied_on=applied,
            url=args.url,
            source=args.source,
            location=args.location,
            sector=args.sector,
            notes=args.notes,
        )
    if args.json:
        print_json({"id": app_id})
    else:
        print(app_id)
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
