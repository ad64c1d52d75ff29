"""`invite`: an interview invitation (.ics or e-mail) becomes the interview, or updates it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pursuit.cli.common import EXIT_USAGE, Command, UserError, writing
from pursuit.cli.output import print_json
from pursuit.domain.clock import Clock

if TYPE_CHECKING:
    from pursuit.store.invitations import Candidate, InvitationPlan


def cmd_invite(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.domain.invitations import InvitationUnreadable
    from pursuit.paths import resolve_db_path, user_path
    from pursuit.store.invitation_files import read_invitation_file

    path = args.file if args.file == "-" else str(user_path(args.file))
    try:
        # Read before the database is open: closing another descriptor of the database
        # file, were it given by mistake, would drop SQLite's locks on it.
        invitations = read_invitation_file(path)
    except InvitationUnreadable as exc:
        raise UserError(f"{exc}; nothing was changed") from exc
    if not resolve_db_path(args.db).exists():
        # No database yet, so no application for it: refused without making an empty one.
        if args.app is not None:
            raise UserError(f"no application with id {args.app}; nothing was changed")
        return _choose((), invitations[0].summary)
    from pursuit.store.invitations import apply_invitation, plan_invitation

    done: list[tuple[InvitationPlan, tuple[str, str]]] = []
    with writing(args, clock) as conn:
        # Every event of the file finds its application before any is stored: all or nothing.
        for inv in invitations:
            plan = plan_invitation(conn, inv, app_id=args.app, now=clock.now())
            if plan.action == "choose":
                _warn(plan.warnings)
                return _choose(plan.candidates, inv.summary)
        for inv in invitations:
            plan = apply_invitation(conn, clock.now(), inv, app_id=args.app)
            app = conn.execute(
                "SELECT company, role FROM application WHERE id = ?", (plan.application_id,)
            ).fetchone()
            done.append((plan, (str(app[0]), str(app[1]))))
    _warn(tuple(dict.fromkeys(w for plan, _app in done for w in plan.warnings)))
    if args.json:
        records = [
            {"application": p.application_id, "interview": p.interview_id, "action": p.action}
            for p, _app in done
        ]
        print_json(records[0] if len(records) == 1 else records)
        return 0
    for plan, (company, role) in done:
        what = "; ".join(plan.changes)
        print(f"Interview {plan.interview_id} for {company}, {role}: {plan.action}, {what}")
    return 0


def _warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _choose(candidates: tuple[Candidate, ...], summary: str) -> int:
    event = f"the invitation {summary!r}" if summary else "the invitation"
    if candidates:
        print(f"pursuit: error: {event} could be for more than one application:", file=sys.stderr)
        for c in candidates:
            print(f"  {c.application_id}  {c.company}, {c.role}: {c.why}", file=sys.stderr)
        print("Say which with --app APP; nothing was changed.", file=sys.stderr)
    else:
        print(
            f"pursuit: error: no application matches {event} (no contact, e-mail domain or "
            "company name in it is one of theirs). Say which with --app APP (`pursuit list` "
            "shows the ids), or add the application first (pursuit add COMPANY ROLE); nothing "
            "was changed.",
            file=sys.stderr,
        )
    return EXIT_USAGE


COMMANDS: dict[str, Command] = {"invite": cmd_invite}
