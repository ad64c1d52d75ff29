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

import pytest

from tests.support.processes import MOMENT, Children

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime
    from pursuit.domain.clock import FixedClock
    from pursuit.store.repo import Store
    store = Store.open(sys.argv[1], FixedClock(datetime(2026, 11, 18, 10, tzinfo=UTC)))
    for i in range(1000):
        app_id = store.applications.add_application(f"Company {i}", "Role", notes="x" * 200)
        print(app_id, flush=True)
""")


@pytest.mark.slow
def test_a_killed_writer_loses_nothing_that_returned(tmp_path: Path, children: Children) -> None:
    db = tmp_path / "crash.db"
    child = children.start(
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
    sys.path.insert(0, sys.argv[2])
    from pursuit.domain.clock import FixedClock
    from pursuit.tui.app import PursuitApp
    from tests.tour import visit

    async def main():
        clock = FixedClock(datetime.fromisoformat(sys.argv[3]))
        app = PursuitApp(Path(sys.argv[1]), clock, demo=True, tick_seconds=3600)
        async with app.run_test(size=(120, 40)) as pilot:
            await visit(pilot, "draft")
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


@pytest.mark.slow
def test_a_killed_app_keeps_the_draft_up_to_a_second_before(
    tmp_path: Path, children: Children
) -> None:
    db = tmp_path / "typing.db"
    child = children.start(
        [sys.executable, "-c", TYPIST, str(db), str(ROOT), MOMENT.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
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
    assert typed, "the typist never reached the draft editor"
    # Everything typed a second or more before the kill must be in the saved draft.
    safe = max((n for n, at in typed if at <= killed_at - 1.0), default=0)
    assert safe > 0, "the typist did not run long enough to test anything"
    letters = "".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(len(typed)))
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [body] = conn.execute("SELECT body FROM draft").fetchone()
    saved = len(body) - len(body.lstrip("abcdefghijklmnopqrstuvwxyz"))
    assert body.startswith(letters[:safe]), (safe, saved)
