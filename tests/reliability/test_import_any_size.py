"""A spreadsheet of any size goes through the import, in memory that does not grow with it
(bench/import_bench.py measures a million rows)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pursuit.store import importer
from pursuit.store.importer import LISTED_BAD, ImportFailed, scan_csv
from tests.support.processes import MOMENT, run_pursuit
from tests.support.sheets import over_the_old_limit


def test_a_file_larger_than_the_old_limit_is_imported_through_to_its_last_row(
    tmp_path: Path,
) -> None:
    sheet = over_the_old_limit(tmp_path / "big.csv")
    db = tmp_path / "pursuit.db"
    done = run_pursuit("--db", str(db), "import", str(sheet))
    assert done.returncode == 0, done.stderr
    assert "imported 26, 0 already there, 0 unreadable" in done.stdout
    conn = sqlite3.connect(db)
    try:
        last = conn.execute("SELECT count(*) FROM application WHERE company = 'The Last Company'")
        assert last.fetchone() == (1,)
    finally:
        conn.close()


def test_a_file_of_bad_rows_lists_the_first_and_counts_them_all(tmp_path: Path) -> None:
    """A reason kept for every bad line of a million-line file would fill the memory."""
    bad = LISTED_BAD + 500
    sheet = tmp_path / "bad.csv"
    lines = [f"Company {i},Engineer,Sleeping\n" for i in range(bad)]
    sheet.write_text("Company,Role,Status\n" + "".join(lines) + "Acme,Engineer,Applied\n")
    plan = scan_csv(sheet, MOMENT)
    assert (plan.readable, plan.unreadable, len(plan.bad)) == (1, bad, LISTED_BAD)
    assert plan.bad[0].line == 2 and "unknown status 'Sleeping'" in plan.bad[0].reason
    done = run_pursuit("--db", str(tmp_path / "pursuit.db"), "import", str(sheet))
    assert done.returncode == 2
    listed = [line for line in done.stderr.splitlines() if line.startswith("line ")]
    assert len(listed) == LISTED_BAD
    assert "... and 500 more lines that cannot be read" in done.stderr
    assert f"{bad} row(s) cannot be read; nothing was imported" in done.stderr


def test_a_reading_told_to_stop_stops(tmp_path: Path) -> None:
    sheet = tmp_path / "long.csv"
    rows = [f"Company {i},Engineer\n" for i in range(5_000)]
    sheet.write_text("Company,Role\n" + "".join(rows))
    assert scan_csv(sheet, MOMENT, stopped=lambda: True).readable == 1_000
    assert scan_csv(sheet, MOMENT, stopped=lambda: False).readable == 5_000


def test_a_line_longer_than_any_row_is_refused_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of any size is read a line at a time: a file that is one endless line must not
    be read whole into memory either."""
    monkeypatch.setattr(importer, "LONGEST_LINE", 1024 * 1024)
    sheet = tmp_path / "one-line.csv"
    sheet.write_text("Company,Role\nAcme,Engineer\n" + "x" * (2 * 1024 * 1024))
    with pytest.raises(ImportFailed, match=r"line 3 of .* is longer than 1 MB"):
        scan_csv(sheet, MOMENT)
