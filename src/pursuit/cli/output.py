"""How the commands print: JSON, tables, and data written whole to stdout or a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pursuit.domain.safe_text import for_terminal, json_records, json_text
from pursuit.paths import user_path


def print_json(value: Any) -> None:
    if isinstance(value, list) and value:
        # A record a line: as easy to read and grep, and written by the C encoder, where
        # indent= takes the pure-Python one (most of `due --json` on a long list).
        print(json_records(value))
    else:
        print(json_text(value, indent=2))


def as_table(rows: list[list[str]], headers: list[str]) -> str:
    # One line a row: a newline or tab inside a name shows as a picture, not a break.
    rows = [[for_terminal(c) for c in r] for r in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def write_output(path: str | None, data: str | bytes, database: Path) -> None:
    """To stdout, or whole to a file only the user can read (exports hold personal data)."""
    from pursuit.store.safe_write import write_whole

    if path is None:
        # Bytes, past the terminal stream: the format's own escaping has made them safe.
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.buffer.flush()
        return
    target = user_path(path)
    write_whole(target, data.encode("utf-8") if isinstance(data, str) else data, database)
    print(f"wrote {target}", file=sys.stderr)


def check_output(path: str | None, database: Path) -> None:
    """Refuse a bad target before the work of the export, not after it."""
    from pursuit.store.safe_write import check_target

    if path is not None:
        check_target(user_path(path), database)
