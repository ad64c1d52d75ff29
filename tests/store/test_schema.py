"""A new file and one upgraded from every earlier schema end with the same tables and indexes.

Schema 1 is frozen DDL (store/schema_v1.py): if it drifted from what the first release made, or
a later step were missing, a file made today and one made then would differ here.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store import db
from pursuit.store.repo import Store

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("schema-*.db"))


def _schema(path: Path) -> dict[str, Any]:
    """Tables with their columns (type, not null, default, key) and indexes with their columns
    and uniqueness: what the file holds, not the text of the statements that made it."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, Any] = {}
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            columns = {
                name: (kind.upper(), bool(notnull), default, pk)
                for _cid, name, kind, notnull, default, pk in conn.execute(
                    f'PRAGMA table_info("{table}")'
                )
            }
            indexes = {}
            for _seq, name, unique, origin, partial in conn.execute(
                f'PRAGMA index_list("{table}")'
            ):
                cols = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")'))
                # SQLite names the indexes behind UNIQUE and composite keys itself: by what
                # they cover, not by that name.
                key = cols if name.startswith("sqlite_autoindex_") else name
                indexes[key] = (cols, bool(unique), origin, bool(partial))
            keys = sorted(
                tuple(r[2:5]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')
            )
            out[table] = {"columns": columns, "indexes": indexes, "foreign_keys": keys}
        return out
    finally:
        conn.close()


@pytest.fixture
def fresh(tmp_path: Path, clock: FixedClock) -> dict[str, Any]:
    path = tmp_path / "fresh.db"
    Store.open(path, clock).close()
    return _schema(path)


def test_fixtures_are_there() -> None:
    assert [p.stem for p in FIXTURES] == [f"schema-{n}" for n in range(1, db.LATEST + 1)]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_upgraded_file_has_the_schema_of_a_new_one(
    fixture: Path, fresh: dict[str, Any], tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    Store.open(path, clock).close()
    assert _schema(path) == fresh


def test_a_new_file_has_every_column_the_tables_have(fresh: dict[str, Any]) -> None:
    from sqlmodel import SQLModel

    from pursuit.store import tables  # noqa: F401  (registers the tables)

    wanted = {t.name: {c.name for c in t.columns} for t in SQLModel.metadata.sorted_tables}
    assert {name: set(t["columns"]) for name, t in fresh.items()} == wanted
