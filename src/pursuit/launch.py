"""The `pursuit` command's entry point: bare `pursuit` goes straight to the app.

The app is what people start most, and its start is measured against a bare Textual app, so
it skips building the command line's parser and importing the command modules.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args:
        from pursuit.cli import main as command_line

        return command_line(args)
    return _app()


def _app() -> int:
    from pursuit.paths import resolve_db_path

    # $PURSUIT_DB or the data folder: neither can hold the NUL that makes a bad path.
    db_path = resolve_db_path(None)
    try:
        from pursuit.tui.app import PursuitApp

        app = PursuitApp(db_path=db_path)
        app.run()
        return app.return_code or 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from pursuit.store.errors import explain

        # A busy file, a full disk, a read-only folder: named as what they are, not as bugs.
        found = explain(exc, db_path)
        if found is None:
            from pursuit.bugs import report_bug

            return report_bug(exc)
        print(f"pursuit: error: {found}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
