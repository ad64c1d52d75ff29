"""How long `pursuit import` takes on a big spreadsheet, and its peak memory.

    python bench/import_bench.py [--rows 50000 200000]

For each size, writes a CSV (varied statuses, dates, notes, a contact on every fifth row) into
a temporary folder, then runs the real command line on a new database and prints the wall time
and the child's peak resident memory (from wait4). The same import is then run again, which
must add nothing.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STATUSES = ["Applied", "Phone screen", "Interviewing", "Rejected", "No response", "Offer", ""]


def write_sheet(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(
            ["Company", "Job Title", "Status", "Date Applied", "Location", "Notes", "Contact"]
        )
        for i in range(rows):
            out.writerow(
                [
                    f"Company {i}",
                    ["Data Engineer", "Platform Engineer", "Analyst"][i % 3],
                    STATUSES[i % len(STATUSES)],
                    f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    ["Boston", "Remote", "Berlin", ""][i % 4],
                    f"Referred by a friend; row {i}" if i % 2 else "",
                    f"Recruiter {i % 700}" if i % 5 == 0 else "",
                ]
            )


def run(argv: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB, and the last line of output."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert child.stdout is not None
    lines = child.stdout.read().splitlines()
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{argv} failed ({child.returncode}): {lines[-5:]}")
    return elapsed, usage.ru_maxrss // 1024, lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[50_000, 200_000])
    args = parser.parse_args()
    pursuit = [sys.executable, "-m", "pursuit"]
    with tempfile.TemporaryDirectory(prefix="pursuit-import-bench-") as folder:
        for rows in args.rows:
            sheet = Path(folder) / f"sheet-{rows}.csv"
            write_sheet(sheet, rows)
            db = Path(folder) / f"bench-{rows}.db"
            size = sheet.stat().st_size / 1024 / 1024
            seconds, peak, last = run([*pursuit, "--db", str(db), "import", str(sheet)])
            print(f"{rows:>8,} rows ({size:.1f} MB): {seconds:6.1f} s, peak RSS {peak} MB")
            print(f"{'':>10}{last}")
            seconds, peak, last = run([*pursuit, "--db", str(db), "import", str(sheet)])
            print(f"{'again':>8}: {seconds:6.1f} s, peak RSS {peak} MB")
            print(f"{'':>10}{last}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
