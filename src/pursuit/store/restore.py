"""Restoring a JSON export: every table, row and field checked before anything is written.

A dump is read by hand-editing people and by other programs, so it is held to the rules the
store keeps for its own writes (stages, dates, lengths, ranges, links between rows). The first
fault is reported by table, row and field; nothing is created until the whole dump passes.
Writing a checked dump into a file is `restoring.restore_file`.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, Integer, String
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from pursuit.domain.actions import ACTION_KINDS, EVENT_KINDS
from pursuit.domain.interviews import INTERVIEW_KINDS
from pursuit.domain.moments import from_db
from pursuit.domain.safe_text import TextNotAllowed, check_stored_text
from pursuit.domain.settings import BY_KEY, BadSetting, check
from pursuit.domain.stages import SECTORS, STAGES
from pursuit.store import db
from pursuit.store.errors import InvalidValue
from pursuit.store.tables import UTCDateTime

DUMP_FORMAT = "pursuit-dump"
DUMP_VERSION = 1

if TYPE_CHECKING:
    from sqlalchemy import Column


#: Fields each schema added, by the version that added them: a dump made before may lack them
#: (restored, they take the column's default), so an export from an older pursuit still loads.
ADDED_IN: dict[int, dict[str, frozenset[str]]] = {
    4: {
        "application": frozenset(
            {"company_key", "salary_currency", "description", "posted_on", "closes_on"}
        ),
        "interview": frozenset(
            {
                "link",
                "cancelled_at",
                "invite_uid",
                "invite_recurrence",
                "invite_sequence",
                "invite_stamp",
            }
        ),
    },
}
#: The oldest schema whose dumps this pursuit restores.
OLDEST_DUMP_SCHEMA = 3

TEXT_LIMIT = 100_000
INT64 = (-(2**63), 2**63 - 1)

CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("application", "stage"): STAGES,
    ("application", "sector"): SECTORS,
    ("stage_event", "from_stage"): STAGES,
    ("stage_event", "to_stage"): STAGES,
    ("interview", "kind"): INTERVIEW_KINDS,
    ("activity", "kind"): EVENT_KINDS,
    ("follow_up", "action"): ACTION_KINDS,
    ("follow_up_dismissal", "action"): ACTION_KINDS,
    ("checklist_item", "phase"): ("before", "after", "offer"),
    ("checklist_item", "state"): ("open", "done", "skipped"),
    ("message_template", "event"): ("", *EVENT_KINDS),
}
LENGTHS = {
    ("application", "company"): 200,
    ("application", "role"): 200,
    ("application", "url"): 2_000,
    ("application", "source"): 2_000,
    ("application", "location"): 2_000,
}
RANGES = {
    ("application", "salary_min"): (0, 100_000_000),
    ("application", "salary_max"): (0, 100_000_000),
    ("interview", "duration_minutes"): (1, 24 * 60),
    **{("interview", f"rating_{r}"): (1, 5) for r in ("confidence", "clarity", "rapport")},
    ("interview", "rating_knowledge"): (1, 5),
}
DATE = re.compile(r"\d{4}-\d\d-\d\d")
MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?")


def _tables() -> list[Any]:
    from pursuit.store import tables  # noqa: F401  (registers the tables)

    return list(SQLModel.metadata.sorted_tables)


def _show(value: Any) -> str:
    if isinstance(value, str) and len(value) > 40:
        return f"{value[:30]!r}..."
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:50]}... ({len(text):,} characters)"


def _field_fault(table: str, column: Column[Any], value: Any) -> str | None:
    """What is wrong with VALUE for COLUMN, or None."""
    name = column.name
    if value is None:
        return None if column.nullable else "is missing (it cannot be empty)"
    kind = column.type
    moment = isinstance(kind, UTCDateTime)
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, Boolean):
        return None if value in (0, 1) and type(value) in (int, bool) else "is not 0 or 1"
    if isinstance(kind, Integer):
        if type(value) is not int:
            return "is not a whole number"
        low, high = RANGES.get((table, name), (1, INT64[1]) if column.primary_key else INT64)
        return None if low <= value <= high else f"is out of range ({low:,} to {high:,})"
    if not isinstance(value, str):
        return "is not text"
    try:
        check_stored_text(name, value)
    except TextNotAllowed as exc:
        return str(exc).removeprefix(f"{name}: ")
    if isinstance(kind, Date):
        try:
            date.fromisoformat(value)
        except ValueError:
            return "is not a date"
        return None if DATE.fullmatch(value) else "is not a date"
    if moment:
        try:
            from_db(value)
        except ValueError:
            return "is not a moment (YYYY-MM-DD HH:MM:SS)"
        return None if MOMENT.fullmatch(value) else "is not a moment (YYYY-MM-DD HH:MM:SS)"
    if isinstance(kind, String):
        choices = CHOICES.get((table, name))
        if choices is not None and value not in choices:
            return f"is not one of {', '.join(c or '(none)' for c in choices)}"
        limit = LENGTHS.get((table, name), TEXT_LIMIT)
        if len(value) > limit:
            return f"is too long ({len(value):,} characters; at most {limit:,})"
        return None
    return "cannot be stored"


def _label(table: str, row: Any, number: int) -> str:
    row_id = row.get("id") if isinstance(row, dict) else None
    return f"{table} {row_id}" if type(row_id) is int else f"{table} row {number}"


def check_dump(text: str, name: str) -> dict[str, list[dict[str, Any]]]:
    """The dump's tables, checked; InvalidValue names the first fault, prefixed by NAME."""

    def fault(message: str) -> InvalidValue:
        return InvalidValue(f"{name}: {message}")

    try:
        dump = json.loads(text)
    except RecursionError as exc:
        raise fault("not a pursuit export (it is nested too deeply)") from exc
    except ValueError as exc:
        raise fault(f"not a pursuit export: {exc}") from exc
    if not isinstance(dump, dict) or dump.get("format") != DUMP_FORMAT:
        raise fault("not a pursuit export (no pursuit-dump header)")
    schema = dump.get("schema")
    readable = range(OLDEST_DUMP_SCHEMA, db.LATEST + 1)
    if dump.get("version") != DUMP_VERSION or type(schema) is not int or schema not in readable:
        raise fault(
            f"this export is schema {_show(dump.get('schema'))}, version "
            f"{_show(dump.get('version'))}; this pursuit reads schema "
            f"{OLDEST_DUMP_SCHEMA} to {db.LATEST}"
        )
    may_lack = {
        (table, field)
        for version, added in ADDED_IN.items()
        if version > schema
        for table, fields in added.items()
        for field in fields
    }
    tables = dump.get("tables")
    if not isinstance(tables, dict):
        raise fault("not a pursuit export (no tables)")
    known = {t.name: t for t in _tables()}
    for extra in tables:
        if extra not in known:
            raise fault(f"table {_show(extra)} is not one of pursuit's tables")
    keys_seen: dict[str, set[Any]] = {}
    for table in known.values():
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise fault(f"table {table.name} is not a list of rows")
        columns = {c.name: c for c in table.columns}
        key_columns = [c.name for c in table.primary_key.columns]
        seen: set[Any] = set()
        unique_names: set[Any] = set()
        for number, row in enumerate(rows, start=1):
            label = _label(table.name, row, number)
            if not isinstance(row, dict):
                raise fault(f"{label} is not a record")
            for field in row:
                if field not in columns:
                    raise fault(f"{label}: {_show(field)} is not a field of {table.name}")
            for column in columns.values():
                if column.name not in row:
                    if column.nullable and not column.primary_key:
                        continue
                    if (table.name, column.name) in may_lack:
                        continue
                    raise fault(f"{label}, field {column.name} is missing")
                value = row[column.name]
                problem = _field_fault(table.name, column, value)
                if problem is not None:
                    raise fault(f"{label}, field {column.name}: {_show(value)} {problem}")
                for link in column.foreign_keys:
                    parent = link.column.table.name
                    if value is not None and value not in keys_seen.get(parent, set()):
                        raise fault(
                            f"{label}, field {column.name}: {parent} {value} is not in the export"
                        )
            key = tuple(row[c] for c in key_columns)
            if key in seen:
                raise fault(f"{label}: appears twice ({', '.join(key_columns)} {key[0]!r})")
            seen.add(key)
            if table.name == "message_template":
                if row["name"] in unique_names:
                    raise fault(f"{label}: a second template named {_show(row['name'])}")
                unique_names.add(row["name"])
            if table.name == "setting" and row["key"] in BY_KEY:
                try:
                    check(row["key"], row.get("value", ""))
                except BadSetting as exc:
                    raise fault(f"{label} {row['key']}: {exc}") from exc
        if len(key_columns) == 1:
            keys_seen[table.name] = {k[0] for k in seen}
    return {t: tables.get(t, []) for t in known}
