"""`add --from`: the posting captured for the command line, its faults said as the user's."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from pursuit.cli.common import UserError

if TYPE_CHECKING:
    from pursuit.postings.posting import Posting

#: What standard input may hold: as much as a page may.
_MOST_PASTED = 5 * 1024 * 1024


def captured(source: str) -> Posting:
    """The posting at SOURCE (an address, a saved page, or - for standard input)."""
    from pursuit.postings.capture import TIMEOUT, capture
    from pursuit.postings.posting import CaptureFailed

    if not source.strip():
        raise UserError(
            "--from needs a posting: its address, a saved page's path, or - to paste it"
        )
    text = _standard_input() if source == "-" else None
    try:
        return capture(source, text=text, timeout=_timeout(TIMEOUT))
    except CaptureFailed as exc:
        raise UserError(str(exc)) from None


def _standard_input() -> str:
    if sys.stdin is None:
        raise UserError("--from - reads standard input, and there is none")
    if sys.stdin.isatty():
        print(
            "Paste the posting (its page, its address or its text), then Ctrl-D:", file=sys.stderr
        )
    data = sys.stdin.buffer.read(_MOST_PASTED + 1)
    if len(data) > _MOST_PASTED:
        raise UserError(
            f"standard input holds more than {_MOST_PASTED // 1024 // 1024} MB, "
            "too much for a posting"
        )
    return data.decode("utf-8", "replace")


def _timeout(default: float) -> float:
    """The capture's deadline: PURSUIT_FETCH_TIMEOUT seconds when set (tests shorten it)."""
    given = os.environ.get("PURSUIT_FETCH_TIMEOUT", "")
    try:
        seconds = float(given) if given else default
    except ValueError:
        raise UserError(f"PURSUIT_FETCH_TIMEOUT is {given!r}, not a number of seconds") from None
    if not 0 < seconds <= 600:
        raise UserError(f"PURSUIT_FETCH_TIMEOUT must be between 0 and 600 seconds, not {given}")
    return seconds
