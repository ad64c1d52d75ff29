"""The one write path: transactions and rows on a plain sqlite3 connection.

Every write the command line makes runs here, without the ORM, so that `pursuit add` starts as
quickly as a shell tool; the app's store calls the same functions on a connection of its pool,
so no write rule exists twice. Every text value passes `check_stored_text` on its way in: the
door the ORM's flush keeps for the writes still made through it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime

from pursuit.domain.moments import to_db
from pursuit.domain.safe_text import TextNotAllowed, check_stored_text
from pursuit.store.errors import InvalidValue, NotFound

#: What a column takes: moments as naive UTC text, days as ISO dates, flags as 0 or 1.
Value = str | int | float | date | datetime | None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE: wait for the write lock up front (busy timeout), never halfway through;
    committed when the block ends, rolled back on an error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # A COMMIT that failed (a full disk) leaves the transaction open: end it here.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def stored(name: str, value: Value) -> str | int | float | None:
    """VALUE as the column NAME stores it; text no field may hold is refused, naming the field."""
    if isinstance(value, str):
        try:
            check_stored_text(name.replace("_", " "), value)
        except TextNotAllowed as exc:
            raise InvalidValue(str(exc)) from None
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("pursuit stores only aware datetimes")
        return to_db(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _with_keys(table: str, row: Mapping[str, Value]) -> Mapping[str, Value]:
    # The company as compared travels with every write of the name, so no path forgets it.
    if table == "application" and isinstance(row.get("company"), str):
        from pursuit.domain.companies import company_key

        return {**row, "company_key": company_key(str(row["company"]))}
    return row


def insert(conn: sqlite3.Connection, table: str, row: Mapping[str, Value]) -> int:
    """Add ROW to TABLE; its id."""
    row = _with_keys(table, row)
    names = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    cursor = conn.execute(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        [stored(name, value) for name, value in row.items()],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update(conn: sqlite3.Connection, table: str, row_id: int, values: Mapping[str, Value]) -> None:
    """Set VALUES on TABLE's row ROW_ID."""
    if not values:
        return
    values = _with_keys(table, values)
    sets = ", ".join(f'"{name}" = ?' for name in values)
    conn.execute(
        f"UPDATE {table} SET {sets} WHERE id = ?",
        [*(stored(name, value) for name, value in values.items()), row_id],
    )


def marks(items: object) -> str:
    """The `?, ?, ?` of an IN (...) for ITEMS (a sized collection)."""
    assert hasattr(items, "__len__")
    return ", ".join("?" * len(items))


def application_stage(conn: sqlite3.Connection, app_id: int) -> tuple[str, date | None]:
    """The application's stage and the day it was applied for, or NotFound saying so."""
    row = conn.execute("SELECT stage, applied_on FROM application WHERE id = ?", (app_id,))
    found = row.fetchone()
    if found is None:
        raise NotFound(f"no application with id {app_id}")
    return str(found[0]), date.fromisoformat(found[1]) if found[1] else None
