"""Spreadsheets for the import's tests."""

from __future__ import annotations

from pathlib import Path

#: The import's size limit before it read files of any size.
OLD_LIMIT = 50 * 1024 * 1024


def over_the_old_limit(path: Path, first: int = 25) -> Path:
    """A CSV larger than OLD_LIMIT that is quick to read: FIRST rows, then lines of blanks
    (a record of blanks is no row: skipped), then one last row, which only a reading that goes
    through the whole file finds."""
    rows = [f"Company {i},Engineer,Applied,2026-10-{1 + i % 28:02d}\n" for i in range(first)]
    blank = " " * 100_000 + "\n"  # under the csv module's limit for one field
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Company,Role,Status,Applied\n")
        fh.writelines(rows)
        for _ in range(OLD_LIMIT // len(blank) + 10):
            fh.write(blank)
        fh.write("The Last Company,Engineer,Applied,2026-10-01\n")
    assert path.stat().st_size > OLD_LIMIT
    return path
