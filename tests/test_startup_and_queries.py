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
        queries.due(spy, now)  # type: ignore[arg-type]
        queries.overdue_count(spy, now)  # type: ignore[arg-type]
        queries.preparation(spy, now, now + timedelta(hours=24))  # type: ignore[arg-type]
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
