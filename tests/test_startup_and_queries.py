"""What keeps pursuit fast: no ORM before the first paint, no full scans in the ticker."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

from pursuit.store import queries
from pursuit.store.repo import Store


def test_importing_the_app_does_not_import_the_orm() -> None:
    code = (
        "import sys\n"
        "import pursuit.cli, pursuit.tui.app\n"
        "loaded = [m for m in ('sqlmodel', 'sqlalchemy', 'pydantic') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


FIRST_PAINT = """
import sys
from pathlib import Path
from pursuit.tui.screens import pipeline

seen = []
shown = pipeline.PipelineScreen.on_pipeline_screen_loaded


def spy(self, message):
    shown(self, message)
    if not seen:
        orm = [m for m in ("sqlmodel", "sqlalchemy", "pydantic") if m in sys.modules]
        seen.append((orm, self.table.row_count, self.app.store is None))


pipeline.PipelineScreen.on_pipeline_screen_loaded = spy


async def main():
    from pursuit.tui.app import PursuitApp

    app = PursuitApp(Path(sys.argv[1]), tick_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.store is None:
            await pilot.pause(0.01)
    print(seen[0])


import asyncio

asyncio.run(main())
"""


def test_the_first_rows_are_on_screen_before_the_orm_is_imported(demo_store: Store) -> None:
    path = demo_store.path
    demo_store.close()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(path)], capture_output=True, text=True, check=True
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
        queries.first_entries(spy, 100)  # type: ignore[arg-type]
        queries.stage_counts(spy)  # type: ignore[arg-type]
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
