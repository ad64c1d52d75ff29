"""`pursuit` as a real process, on a clock the test chose: fixed_clock_pursuit.py ISO-MOMENT ARGS...

The command line reads the system clock; a test that ran it as it is would depend on the hour
it runs at. This starts the same entry point with a FixedClock instead. `app` as the first
argument runs the app itself (PursuitApp on that clock) for pseudo-terminal and tmux tests.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path


def main(argv: list[str]) -> int:
    from pursuit.domain.clock import FixedClock

    clock = FixedClock(datetime.fromisoformat(argv[0]))
    args = argv[1:]
    if args and args[0] == "app":
        from pursuit.tui.app import PursuitApp

        demo = "--demo" in args
        tick = None
        if "--tick" in args:
            tick = float(args[args.index("--tick") + 1])
        app = PursuitApp(Path(args[1]), clock, demo=demo, tick_seconds=tick)
        app.run()
        return app.return_code or 0
    from pursuit.cli import main as command_line

    return command_line(args, clock=clock)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
