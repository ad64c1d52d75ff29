"""A pseudo-terminal the real app draws into, read the way a person reads the screen."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.support.processes import Children

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07")


class Terminal:
    """A pty the app draws into; a thread drains it (a full pty would stall the app)."""

    def __init__(self, leader: int) -> None:
        self.leader = leader
        self.raw = bytearray()
        self.changed = threading.Condition()
        self.closed = False
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:  # the app closed its end
                chunk = b""
            with self.changed:
                if not chunk:
                    self.closed = True
                else:
                    self.raw += chunk
                self.changed.notify_all()
            if not chunk:
                return

    def text(self, since: int = 0) -> str:
        """What was drawn (without the escapes), from byte SINCE on."""
        with self.changed:
            return ANSI.sub(b"", bytes(self.raw[since:])).decode(errors="replace")

    def mark(self) -> int:
        with self.changed:
            return len(self.raw)

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    tail = ANSI.sub(b"", bytes(self.raw)).decode(errors="replace")[-3000:]
                    raise AssertionError(f"no {what} on the screen; it ends:\n{tail}")
                # Woken by new output; the timeout re-checks conditions that are not on screen.
                self.changed.wait(min(left, 0.2))

    def keys(self, text: str) -> None:
        os.write(self.leader, text.encode())


def start_in_pty(
    children: Children,
    argv: Sequence[str],
    size: tuple[int, int] = (40, 120),
    env: Mapping[str, str] | None = None,
) -> tuple[subprocess.Popen[Any], Terminal]:
    """ARGV started in a pseudo-terminal of SIZE (rows, columns), and the screen it draws."""
    leader, follower = pty.openpty()
    rows, cols = size
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    app = children.start(
        argv,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "TERM": "xterm-256color", **(env or {})},
    )
    os.close(follower)
    return app, Terminal(leader)
