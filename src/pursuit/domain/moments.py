"""How moments are written in the database: naive UTC ISO text, which sorts as it reads."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def from_db(value: str) -> datetime:
    try:
        # Read with its zone in one call: replace(tzinfo=) costs several times the parse.
        return datetime.fromisoformat(value + "+00:00")
    except ValueError:  # text that already carries an offset
        return datetime.fromisoformat(value).astimezone(UTC)
