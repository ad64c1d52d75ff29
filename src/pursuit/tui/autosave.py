"""Saving what is typed: a moment after typing stops, and at least once a second while it goes on.

The second rule is what makes a crash lose at most the last second of typing: a pause-only
timer would never fire for someone who types without stopping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

QUIET_SECONDS = 0.8
AT_MOST_SECONDS = 1.0


class Autosave:
    def __init__(
        self,
        owner: MessagePump,
        save: Callable[[], None],
        *,
        quiet: float = QUIET_SECONDS,
        at_most: float = AT_MOST_SECONDS,
    ) -> None:
        self.owner = owner
        self.save = save
        self.quiet = quiet
        self.at_most = at_most
        self._timer: Timer | None = None
        self._dirty_since: float | None = None

    def touched(self) -> None:
        """Something changed: save soon, or now if the last save is a second behind."""
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        self.cancel_timer()
        if now - self._dirty_since >= self.at_most:
            self.run()
        else:
            self._timer = self.owner.set_timer(self.quiet, self.run, name="autosave")

    def run(self) -> None:
        self.cancel_timer()
        self._dirty_since = None
        self.save()

    def cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
