"""Two processes writing to one database at once: no lock errors, nothing lost, both seen."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from tests.support.processes import MOMENT, Children, run_pursuit

from ..tui.conftest import SIZE, settle

WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime
    from pursuit.domain.clock import FixedClock
    from pursuit.store.repo import Store
    store = Store.open(sys.argv[1], FixedClock(datetime.fromisoformat(sys.argv[3])))
    name = sys.argv[2]
    first = store.applications.add_application(f"{name} start", "Role")
    for i in range(500):
        app_id = store.applications.add_application(f"{name} {i}", "Role")
        if i % 5 == 0:
            store.applications.log_event(app_id, "heard", note=f"{name} heard {i}")
        if i % 7 == 0:
            store.applications.set_stage(first, ["screening", "interviewing", "applied"][i % 3])
    print("done", flush=True)
""")


@pytest.mark.slow
def test_two_writers_interleaved(tmp_path: Path, clock: FixedClock, children: Children) -> None:
    db = tmp_path / "shared.db"
    Store.open(db, clock).close()
    writers = [
        children.start(
            [sys.executable, "-c", WRITER, str(db), name, MOMENT.isoformat()],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    for child in writers:
        out, err = child.communicate(timeout=100)
        assert child.returncode == 0, err
        assert "locked" not in err and out.strip() == "done"
    store = Store.open(db, clock)
    names = [r.company for r in store.views.applications()]
    assert len(names) == 1002
    for side in ("left", "right"):
        assert {f"{side} {i}" for i in range(500)} <= set(names)
    with store.reader() as conn:
        assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] == 200
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


@pytest.mark.slow
async def test_the_open_app_shows_the_command_lines_changes(db_path: Path, clock: FixedClock):
    app = PursuitApp(db_path, clock, demo=True, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        done = run_pursuit("--db", str(db_path), "add", "From The Shell", "Engineer")
        assert done.returncode == 0, done.stderr
        app.tick()  # what the ticker's timer does once per interval
        await settle(pilot)
        assert any(r.company == "From The Shell" for r in app.pipeline_rows)
