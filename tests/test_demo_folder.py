"""`pursuit demo`'s throwaway folder goes, however the demo ends: quit, a closed terminal
(SIGHUP), a `kill` (SIGTERM), or killed outright (swept by the next demo)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.processes import Children, pursuit_argv
from tests.support.terminal import Terminal, start_in_pty


def start_demo(children: Children, tmp_path: Path) -> tuple[subprocess.Popen[bytes], Terminal]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = {"TMPDIR": str(temp), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    app, screen = start_in_pty(children, pursuit_argv("demo"), env=env)
    screen.wait_for(lambda: "Northwind Analytics" in screen.text(), "the demo's rows")
    return app, screen


def demo_folders(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "tmp").glob("pursuit-demo-*"))


@pytest.mark.slow
@pytest.mark.parametrize("ending", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_demo_ended_by_a_signal_leaves_no_folder(
    tmp_path: Path, children: Children, ending: signal.Signals
) -> None:
    app, screen = start_demo(children, tmp_path)
    try:
        assert len(demo_folders(tmp_path)) == 1
        app.send_signal(ending)  # what tmux kill-session or a dropped SSH link sends
        assert app.wait(timeout=30) == -ending  # ended as the signal ends a process
    finally:
        os.close(screen.leader)
    assert demo_folders(tmp_path) == []


@pytest.mark.slow
def test_the_next_demo_sweeps_what_a_killed_one_left(tmp_path: Path, children: Children) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_OUT)
    left = tmp_path / "tmp" / f"pursuit-demo-{int(gone.stdout)}-abc123"
    alive = tmp_path / "tmp" / f"pursuit-demo-{os.getpid()}-def456"  # this test's: still running
    for folder in (left, alive):
        folder.mkdir(parents=True)
        (folder / "demo.db").write_bytes(b"left behind")
    app, screen = start_demo(children, tmp_path)
    try:
        assert left.name not in demo_folders(tmp_path) and alive.exists()
        [own] = [name for name in demo_folders(tmp_path) if name != alive.name]
        assert own.startswith(f"pursuit-demo-{app.pid}-")  # so that the next demo can tell
        screen.keys("\x11")  # ctrl+q
        assert app.wait(timeout=30) == 0
    finally:
        os.close(screen.leader)
    assert demo_folders(tmp_path) == [alive.name]


_OUT = {"capture_output": True, "text": True, "check": True}
