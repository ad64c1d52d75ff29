"""Real processes for tests, on a fixed clock, always ended when the test ends."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

#: The moment every real process of the suite lives at (a Wednesday morning, as in conftest).
MOMENT = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
SCRIPT = Path(__file__).with_name("fixed_clock_pursuit.py")
#: No test waits longer than this for a child's answer.
CHILD_TIMEOUT = 60.0


def pursuit_argv(*args: str, at: datetime = MOMENT, python_flags: Sequence[str] = ()) -> list[str]:
    """The argv that runs `pursuit ARGS` as a real process on a fixed clock (PYTHON_FLAGS such
    as `-X importtime` go to the interpreter)."""
    return [sys.executable, *python_flags, str(SCRIPT), at.isoformat(), *args]


def run_pursuit(
    *args: str,
    at: datetime = MOMENT,
    timeout: float = CHILD_TIMEOUT,
    python_flags: Sequence[str] = (),
    **kwargs: Any,
) -> subprocess.CompletedProcess[str]:
    """`pursuit ARGS` in a real process, its output captured; a hang fails after TIMEOUT."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    argv = pursuit_argv(*args, at=at, python_flags=python_flags)
    return subprocess.run(argv, timeout=timeout, **kwargs)


class Children:
    """Every process a test starts, killed (with its own children) when the test ends."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[Any]] = []

    def start(self, argv: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
        kwargs.setdefault("start_new_session", True)
        child = subprocess.Popen(list(argv), **kwargs)
        self.started.append(child)
        return child

    def end_all(self) -> None:
        for child in self.started:
            if child.poll() is None:
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    child.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=10)
            for stream in (child.stdin, child.stdout, child.stderr):
                if stream is not None:
                    stream.close()


@pytest.fixture
def children() -> Iterator[Children]:
    kids = Children()
    try:
        yield kids
    finally:
        kids.end_all()
