"""The demo made ahead and moved to the user's day is the seed's own data for that clock: every
table, every row, every due time, in zones that change their clocks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store import demo_ahead
from pursuit.store.demo import seed
from pursuit.store.demo_file import make_file
from pursuit.store.repo import Store
from tests.support.processes import CHILD_TIMEOUT, MOMENT, Children

#: (zone, moment): each where moving by whole days of real time, or of wall time, would be
#: wrong somewhere (some of the demo's moments lie before the change of the clocks, some after).
CLOCKS = [
    # The day New York springs forward: yesterday's 14:00 panel was in EST, its thank-you
    # is due 24 real hours later, at 15:00 EDT.
    ("America/New_York", datetime(2027, 3, 14, 16, 0, tzinfo=UTC)),
    # The day after it falls back (1 November 2026).
    ("America/New_York", datetime(2026, 11, 2, 13, 0, tzinfo=UTC)),
    # Half past midnight in London, just after the clocks went forward: still the 29th in UTC.
    ("Europe/London", datetime(2026, 3, 29, 23, 30, tzinfo=UTC)),
    # The southern summer begins (27 September 2026), evening: already the 28th in Auckland.
    ("Pacific/Auckland", datetime(2026, 9, 27, 20, 0, tzinfo=UTC)),
    ("UTC", MOMENT),
]


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    before = os.environ.get("TZ")

    def move_to(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    try:
        yield move_to
    finally:
        os.environ["TZ"] = before or "UTC"
        time.tzset()


def everything(path: Path) -> dict[str, object]:
    """The file's schema and every table's rows; the follow-ups without their ids (the store
    writes them anew at every write, so their ids count the writes, not the data)."""
    conn = sqlite3.connect(path)
    try:
        found: dict[str, object] = {
            pragma: conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            for pragma in ("user_version", "application_id", "journal_mode")
        }
        found["schema"] = sorted(
            conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql NOT NULL")
        )
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            if table == "follow_up":
                columns.remove("id")
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = sorted(rows, key=repr)
        return found
    finally:
        conn.close()


def seeded(path: Path, now: datetime) -> Path:
    store = Store.open(path, FixedClock(now))
    try:
        seed(store)
    finally:
        store.close()
    return path


@pytest.mark.parametrize(("name", "now"), CLOCKS, ids=[f"{z}-{n:%Y-%m-%d}" for z, n in CLOCKS])
def test_the_demo_made_ahead_is_what_the_seed_gives_for_the_clock(
    tmp_path: Path, zone: Callable[[str], None], name: str, now: datetime
) -> None:
    zone(name)
    make_file(tmp_path / "demo.db", now)
    made = everything(tmp_path / "demo.db")
    wanted = everything(seeded(tmp_path / "seeded.db", now))
    assert made == wanted
    assert len(made["follow_up"]) == 15  # type: ignore[arg-type]
    assert not list(tmp_path.glob("*.making*"))


def test_the_demo_shipped_is_what_the_seed_gives_now(tmp_path: Path) -> None:
    demo_ahead.write_reference(tmp_path / "demo_ahead.sql")
    assert (tmp_path / "demo_ahead.sql").read_text() == demo_ahead.DATA.read_text(), (
        "the demo's data, the schema or the rules changed: run scripts/make_demo_ahead.py"
    )


def test_data_made_ahead_for_another_schema_is_not_used_the_seed_makes_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = MOMENT
    older = tmp_path / "older.sql"
    older.write_text(
        demo_ahead.DATA.read_text().replace("PRAGMA user_version = ", "PRAGMA user_version = 1")
    )
    monkeypatch.setattr(demo_ahead, "DATA", older)
    make_file(tmp_path / "demo.db", now)
    assert everything(tmp_path / "demo.db") == everything(seeded(tmp_path / "seeded.db", now))
    assert not list(tmp_path.glob("*.making*"))


def test_the_demo_is_made_without_the_database_layer(tmp_path: Path, children: Children) -> None:
    """The maker's time went on importing SQLAlchemy and SQLModel (over half a second) before
    its first write: the demo is made without them."""
    made = tmp_path / "demo.db"
    script = (
        "import sys; from datetime import datetime; from pathlib import Path\n"
        "from pursuit.store.demo_file import make_file\n"
        f"make_file(Path({str(made)!r}), datetime.fromisoformat({MOMENT.isoformat()!r}))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))"
    )
    maker = children.start([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    out, _ = maker.communicate(timeout=CHILD_TIMEOUT)
    assert (maker.returncode, out.strip()) == (0, "[]")
    assert made.exists()
