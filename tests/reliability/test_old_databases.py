"""Every earlier schema opens in the current app with every row intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store import db
from pursuit.store.repo import Store

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("schema-*.db"))


def test_there_is_a_fixture_for_every_schema_version() -> None:
    versions = sorted(int(p.stem.removeprefix("schema-")) for p in FIXTURES)
    assert versions == list(range(1, db.LATEST + 1))


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    return counts


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_old_database_opens_with_every_row(
    fixture: Path, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = _counts(path)
    store = Store.open(path, clock)
    after = _counts(path)
    assert {k: after[k] for k in before} == before
    assert {r.company for r in store.views.applications()} >= {
        "Northwind Analytics",
        "Lumen Health",
    }
    with store.reader() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == db.LATEST
    store.close()
