"""What keeps pursuit fast: no ORM before the first paint, no full scans in the ticker."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from datetime import timedelta
from pathlib import Path

import pytest

from pursuit.store import pipeline_reads, queries
from pursuit.store.repo import Store
from tests.support.processes import MOMENT, Children


@pytest.mark.slow
def test_importing_the_app_does_not_import_the_orm() -> None:
    code = (
        "import sys\n"
        "import importlib, pursuit.cli, pursuit.tui.app\n"
        # The command modules load when their command runs: import each as a command would.
        "for group in set(pursuit.cli.GROUPS.values()):\n"
        "    importlib.import_module('pursuit.cli.' + group)\n"
        # Nor what captures a posting: only `add --from` and the add form fetch.
        "heavy = ('sqlmodel', 'sqlalchemy', 'pydantic', 'httpx', 'selectolax')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


#: Modules the first frame does without: the ORM, and what costs milliseconds to import
#: (dateutil's zones and parser, the record dataclasses).
SLOW = ("sqlmodel", "sqlalchemy", "pydantic", "dateutil", "pursuit.domain.records")

FIRST_PAINT = f"""
import sys
SLOW = {SLOW!r}
from datetime import datetime
from pathlib import Path
from pursuit.domain.clock import FixedClock
from pursuit.tui.screens import pipeline

seen = []
shown = pipeline.PipelineScreen.on_pipeline_screen_loaded


def spy(self, message):
    shown(self, message)
    if not seen:
        orm = [m for m in SLOW if m in sys.modules]
        seen.append((orm, self.table.row_count, self.app.store is None))


pipeline.PipelineScreen.on_pipeline_screen_loaded = spy


async def main():
    from pursuit.tui.app import PursuitApp

    clock = FixedClock(datetime.fromisoformat(sys.argv[2]))
    app = PursuitApp(Path(sys.argv[1]), clock, tick_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.store is None:
            await pilot.pause(0.01)
    print(seen[0])


import asyncio

asyncio.run(main())
"""


@pytest.mark.slow
def test_the_first_rows_are_on_screen_before_the_orm_is_imported(demo_store: Store) -> None:
    path = demo_store.path
    demo_store.close()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(path), MOMENT.isoformat()],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    orm, rows, store_closed = eval(out.strip().splitlines()[-1])
    assert orm == [] and rows == 13 and store_closed


def _plan(conn, sql: str, params: tuple) -> list[str]:
    return [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def test_the_tickers_queries_use_indexes(demo_store: Store) -> None:
    now = demo_store.now()
    captured: list[tuple[str, tuple]] = []
    with demo_store.reader() as conn:

        class Spy:
            def execute(self, sql: str, params: tuple = ()) -> object:
                captured.append((sql, tuple(params)))
                return conn.execute(sql, params)

        spy = Spy()
        queries.data_version(spy)  # type: ignore[arg-type]
        queries.overdue_between(spy, now - timedelta(seconds=30), now)  # type: ignore[arg-type]
        queries.overdue_count(spy, now)  # type: ignore[arg-type]
        queries.preparation(spy, now, now + timedelta(hours=24))  # type: ignore[arg-type]
        # The pipeline's first page, read before anything else.
        pipeline_reads.first_entries(spy, 100)  # type: ignore[arg-type]
        pipeline_reads.stage_counts(spy)  # type: ignore[arg-type]
        # Today's list and counts.
        queries.due(spy, now, limit=500)  # type: ignore[arg-type]
        queries.due_counts(spy, now, now + timedelta(days=1))  # type: ignore[arg-type]
        for sql, params in captured:
            if sql.startswith("PRAGMA"):
                continue
            plan = _plan(conn, sql, params)
            scans = [
                step
                for step in plan
                if step.startswith("SCAN ") and "USING" not in step and "CONSTANT" not in step
            ]
            assert not scans, (sql, plan)


IN_A_TERMINAL = f"""
import sys
from datetime import datetime
from pathlib import Path
from textual.drivers import _writer_thread
from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp

SLOW = {SLOW!r}
clock = FixedClock(datetime.fromisoformat(sys.argv[3]))
app = PursuitApp(Path(sys.argv[1]), clock, tick_seconds=3600)
write = _writer_thread.WriterThread.write
seen = []


def spy(self, text):
    # What the terminal is sent: the first frame that has the pipeline in it.
    if not seen and "Pipeline" in text and "Northwind" in text:
        # Nothing slow has started yet either: the store opens once this frame is out.
        seen.append(([m for m in SLOW if m in sys.modules], [w.name for w in app.workers]))
        app.call_later(app.exit)
    write(self, text)


_writer_thread.WriterThread.write = spy
app.run()
Path(sys.argv[2]).write_text(repr(seen))
"""


@pytest.mark.slow
def test_the_terminal_is_sent_the_first_rows_before_the_orm_is_imported(
    demo_store: Store, tmp_path: Path, children: Children
) -> None:
    """In a real terminal, not headless: a first frame drawn and then dropped would pass above.

    (It was: pushed from the app's on_mount, the pipeline was drawn while Textual held its
    start-up updates back, and the terminal saw nothing until the ORM was loading.)
    """
    path = demo_store.path
    demo_store.close()
    result = tmp_path / "seen.txt"
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    child = children.start(
        [sys.executable, "-c", IN_A_TERMINAL, str(path), str(result), MOMENT.isoformat()],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    output = bytearray()
    try:
        # Read what the app draws (a full pty would stall it) until it exits.
        while True:
            ready, _, _ = select.select([leader], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
        code = child.wait(timeout=30)
    assert code == 0, output.decode(errors="replace")[-2000:]
    assert eval(result.read_text()) == [([], [])]
