"""`tui` and `demo`: the app, on the user's file or on a fresh one of sample data."""

from __future__ import annotations

import argparse
from pathlib import Path

from pursuit.cli.common import Command, UserError
from pursuit.domain.clock import Clock
from pursuit.paths import resolve_db_path, user_path


def run_tui(db_path: Path, clock: Clock, *, demo: bool = False) -> int:
    from pursuit.tui.app import PursuitApp

    app = PursuitApp(db_path=db_path, clock=clock, demo=demo)
    app.run()
    return app.return_code or 0


def cmd_tui(args: argparse.Namespace, clock: Clock) -> int:
    return run_tui(resolve_db_path(args.db), clock)


def cmd_demo(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.cli.demo_folder import throwaway_folder
    from pursuit.tui.demo_maker import start_early

    if args.keep:
        path = user_path(args.keep)
        if path.exists():
            raise UserError(f"{path} already exists; choose a new file for the demo")
        start_early(path, clock.now())  # while Textual is imported
        return run_tui(path, clock, demo=True)
    with throwaway_folder() as folder:
        start_early(folder / "demo.db", clock.now())
        return run_tui(folder / "demo.db", clock, demo=True)


COMMANDS: dict[str, Command] = {"tui": cmd_tui, "demo": cmd_demo}
