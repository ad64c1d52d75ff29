"""What the user sees of a bug: one line, never a traceback.

Its own module so that the app's entry point (launch) and the command line share it without
either importing the other.
"""

from __future__ import annotations

import sys


def report_bug(exc: Exception) -> int:
    """A bug: say so in one line rather than with a traceback."""
    print(
        f"pursuit: unexpected error: {exc!r}. Nothing more was changed; please report this.",
        file=sys.stderr,
    )
    return 1
