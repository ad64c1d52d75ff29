"""`draft`: a message filled in for an application, printed and perhaps copied."""

from __future__ import annotations

import argparse
import sys

from pursuit.cli.common import Command, UserError, store_for_reading
from pursuit.domain.clock import Clock


def cmd_draft(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.clipboard import copy_to_system
    from pursuit.store.drafts import NotInterviewed

    with store_for_reading(args, clock) as store:
        try:
            rendered, _iv, _contact = store.drafts.render_draft(
                args.app, args.kind, interview_id=args.interview, contact=args.contact
            )
        except NotInterviewed as exc:
            raise UserError(
                f"{exc}; to write one anyway, name the interview: --interview ID"
            ) from exc
    text = rendered.as_text()
    print(text)
    markers = rendered.markers
    if markers:
        unique = ", ".join(dict.fromkeys(markers))
        print(f"warning: {len(markers)} unfilled: {unique}", file=sys.stderr)
    if args.copy:
        if copy_to_system(text):
            print("copied to the clipboard", file=sys.stderr)
        else:
            print(
                "warning: no clipboard tool answered; copy the text above by hand", file=sys.stderr
            )
    return 0


COMMANDS: dict[str, Command] = {"draft": cmd_draft}
