"""Killed at a random moment: the database is whole and every write that returned is there."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

WRITER = textwrap.dedent("""
    import sys
    from pursuit.store.repo import Store
    store = Store.open(sys.argv[1])
    for i in range(1000):
        app_id = store.add_application(f"Company {i}", "Role", notes="x" * 200)
        print(app_id, flush=True)
""")


def test_a_killed_writer_loses_nothing_that_returned(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    stop_after = random.Random(os.getpid()).randint(20, 600)
    returned: list[int] = []
    for line in child.stdout:
        returned.append(int(line))
        if len(returned) >= stop_after:
            child.send_signal(signal.SIGKILL)
            break
    returned += [int(line) for line in child.stdout]  # printed before the kill landed
    child.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in conn.execute("SELECT id FROM application")}
    assert set(returned) <= stored
    conn.close()


TYPIST = textwrap.dedent("""
    import asyncio, sys, time
    from datetime import datetime
    from pathlib import Path
    from textual.widgets import DataTable
    from pursuit.tui.app import PursuitApp
    from pursuit.tui.screens.draft import DraftEditor

    async def main():
        app = PursuitApp(Path(sys.argv[1]), demo=True, tick_seconds=3600)
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(30):
                await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.press("t")
            for _ in range(10):
                await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.press("enter")
            while not isinstance(app.screen, DraftEditor) or app.screen.opened is None:
                await app.workers.wait_for_complete()
                await pilot.pause()
            body = app.screen.query_one("#draft-body")
            body.focus()
            await pilot.press("ctrl+home")
            n = 0
            while True:
                await pilot.press("abcdefghijklmnopqrstuvwxyz"[n % 26])
                n += 1
                print(n, time.monotonic(), flush=True)
                await pilot.pause(0.02)
    asyncio.run(main())
""")


def test_a_killed_app_keeps_the_draft_up_to_a_second_before(tmp_path: Path) -> None:
    db = tmp_path / "typing.db"
    env = {**os.environ, "TZ": "UTC"}
    child = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(db)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    stop_after = random.Random(os.getpid()).randint(60, 140)
    typed: list[tuple[int, float]] = []
    for line in child.stdout:
        n, at = line.split()
        typed.append((int(n), float(at)))
        if len(typed) >= stop_after:
            child.send_signal(signal.SIGKILL)
            killed_at = time.monotonic()
            break
    child.wait()
    # Everything typed a second or more before the kill must be in the saved draft.
    safe = max((n for n, at in typed if at <= killed_at - 1.0), default=0)
    assert safe > 0, "the typist did not run long enough to test anything"
    letters = "".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(len(typed)))
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [body] = conn.execute("SELECT body FROM draft").fetchone()
    saved = len(body) - len(body.lstrip("abcdefghijklmnopqrstuvwxyz"))
    assert body.startswith(letters[:safe]), (safe, saved)
