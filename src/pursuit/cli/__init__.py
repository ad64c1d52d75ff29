"""The command line. With no command, pursuit opens the app on the user's database.

Errors go to stderr in one sentence with exit code 2; no traceback reaches the user.
Each group of commands is a module of its own, imported only when one of its commands runs:
`pursuit due` loads neither the import nor the settings code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence

from pursuit.cli.common import EXIT_USAGE, Command, UserError
from pursuit.cli.parser import build_parser
from pursuit.domain.clock import Clock, SystemClock
from pursuit.domain.dates import BadDate
from pursuit.domain.safe_text import TerminalStream
from pursuit.domain.stages import UnknownStage
from pursuit.paths import BadPath, resolve_db_path

__all__ = ["build_parser", "main"]

#: The module under pursuit.cli that holds each command.
GROUPS = {
    "tui": "app",
    "demo": "app",
    "add": "applications",
    "list": "applications",
    "stage": "applications",
    "interview": "schedule",
    "log": "schedule",
    "dismiss": "schedule",
    "due": "schedule",
    "draft": "drafts",
    "import": "data",
    "export": "data",
    "restore": "data",
    "ics": "data",
    "backup": "data",
    "config": "settings",
    "invite": "invitations",
}


def command(name: str) -> Command:
    """The function that runs the command NAME."""
    found: Command = importlib.import_module(f"pursuit.cli.{GROUPS[name]}").COMMANDS[name]
    return found


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(out), TerminalStream(err)
    try:
        return _main(argv, clock)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None, clock: Clock | None) -> int:
    args = build_parser().parse_args(argv)
    clock = clock or SystemClock()
    from pursuit.store.db import StoreError

    try:
        return command(args.command or "tui")(args, clock)
    except (UserError, StoreError, BadDate, UnknownStage, BadPath) as exc:
        print(f"pursuit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:
        found = _explained(exc, args)
        print(
            f"pursuit: error: {found or f'the database could not be used ({exc})'}", file=sys.stderr
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`pursuit due | head`): nothing went wrong here. Python
        # would still complain when it flushes stdout on the way out, so point that away.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        # A busy file, a full disk, a read-only folder: named as what they are, not as bugs.
        found = _explained(exc, args)
        if found is not None:
            print(f"pursuit: error: {found}", file=sys.stderr)
            return EXIT_USAGE
        from pursuit.bugs import report_bug

        return report_bug(exc)


def _explained(exc: BaseException, args: argparse.Namespace) -> Exception | None:
    from pursuit.store.errors import explain

    try:
        path = resolve_db_path(args.db)
    except BadPath:
        return None
    return explain(exc, path)
