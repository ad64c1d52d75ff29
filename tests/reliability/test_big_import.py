"""Big imports: written in batches, others write in between, a killed import completes on re-run."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.store.importer import read_text, rows_of, scan_csv
from pursuit.store.repo import Store
from tests.support.processes import CHILD_TIMEOUT, MOMENT, Children, run_pursuit

CHILD = Path(__file__).with_name("import_child.py")
STATUSES = ["Applied", "Phone screen", "Interviewing", "Rejected", "Offer", ""]


def _sheet(path: Path, rows: int, extra: str = "") -> Path:
    lines = ["Company,Role,Status,Applied,Contact"]
    for i in range(rows):
        contact = f"Recruiter {i % 7}" if i % 3 == 0 else ""
        lines.append(
            f"Company {i},Engineer,{STATUSES[i % len(STATUSES)]},2026-10-{1 + i % 28:02d},{contact}"
        )
    path.write_text("\n".join(lines) + "\n" + extra)
    return path


def _counts(db: Path) -> tuple[int, int, list[str]]:
    """(applications, their distinct companies, applications lacking their first stage event)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        apps = conn.execute("SELECT count(*), count(DISTINCT company) FROM application").fetchone()
        orphans = [
            r[0]
            for r in conn.execute(
                "SELECT company FROM application a WHERE NOT EXISTS "
                "(SELECT 1 FROM stage_event e WHERE e.application_id = a.id) "
                "OR (a.next_action IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM follow_up f WHERE f.application_id = a.id))"
            )
        ]
        return apps[0], apps[1], orphans
    finally:
        conn.close()


def test_another_connection_writes_between_batches(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path / "big.csv", 1_000)
    other = sqlite3.connect(db_path, timeout=0.5, isolation_level=None)
    written: list[int] = []

    def between(added: int) -> None:
        # Fails with "database is locked" if the import still held the write lock.
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('my_name', ?)", (added,))
        other.execute("COMMIT")
        written.append(added)

    result = store.transfer.import_applications(
        rows_of(sheet, MOMENT), source="big.csv", batch_size=150, after_batch=between
    )
    other.close()
    assert result.added == 1_000
    assert written == [150, 300, 450, 600, 750, 900, 1_000]
    assert store.settings.values()["my_name"] == "1000"


def test_duplicates_are_found_across_batches_and_a_rerun_adds_nothing(
    store: Store, tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path / "s.csv", 300, extra="company 7,ENGINEER,Offer,2026-10-08,\n")
    first = store.transfer.import_applications(rows_of(sheet, MOMENT), batch_size=50)
    assert first.added == 300 and first.duplicates == [302]
    again = store.transfer.import_applications(rows_of(sheet, MOMENT), batch_size=50)
    assert again.added == 0 and again.duplicate_count == 301


@pytest.mark.parametrize("status", ["Applied", "Phone screen", "Rejected", "Offer", "Saved"])
def test_an_imported_application_is_the_same_as_one_added_by_hand(
    tmp_path: Path, clock: FixedClock, status: str
) -> None:
    [row] = read_text(f"Company,Role,Status,Applied\nAcme,Dev,{status},2026-11-02\n", MOMENT).rows
    imported = Store.open(tmp_path / "imported.db", clock)
    imported.transfer.import_applications([row])
    by_hand = Store.open(tmp_path / "by_hand.db", clock)
    by_hand.applications.add_application("Acme", "Dev", stage=row.stage, applied_on=row.applied_on)
    dumps = [json.loads(s.transfer.export_json())["tables"] for s in (imported, by_hand)]
    for tables in dumps:
        for event in tables["stage_event"]:
            event.pop("note")
    assert dumps[0] == dumps[1]
    assert imported.views.due(MOMENT.replace(year=2027)) == by_hand.views.due(
        MOMENT.replace(year=2027)
    )
    imported.close()
    by_hand.close()


def test_a_bad_row_late_in_a_big_file_stops_everything_before_a_write(
    db_path: Path, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path / "s.csv", 2_500, extra="Late,Dev,Maybe later,,\n")
    assert main(["--db", str(db_path), "import", str(sheet)], clock=clock) == 2
    err = capsys.readouterr().err
    assert "line 2502: unknown status 'Maybe later'" in err and "nothing was imported" in err
    assert not db_path.exists()  # refused before the database was opened
    assert scan_csv(sheet, MOMENT).readable == 2_500


def test_a_note_the_store_would_refuse_is_a_bad_row_found_first(
    db_path: Path, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Company,Role,Notes\nAcme,Dev,ok\nBolt,SRE," + "x" * 100_001 + "\n"
    (tmp_path / "n.csv").write_text(text)
    assert main(["--db", str(db_path), "import", str(tmp_path / "n.csv")], clock=clock) == 2
    err = capsys.readouterr().err
    assert "line 3: notes is too long" in err
    assert not db_path.exists()  # refused before the database was opened


@pytest.mark.slow
def test_a_killed_import_leaves_whole_batches_and_a_rerun_completes_it_once(
    db_path: Path, tmp_path: Path, clock: FixedClock, children: Children
) -> None:
    Store.open(db_path, clock).close()
    sheet = _sheet(tmp_path / "big.csv", 3_000)
    child = children.start(
        [sys.executable, str(CHILD), str(db_path), str(sheet), MOMENT.isoformat(), "1500"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready, _w, _x = select.select([child.stdout], [], [], CHILD_TIMEOUT)
    assert ready and child.stdout.readline().strip() == "midway"
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=CHILD_TIMEOUT)
    # Batches of 1,000: the first is in, the half-written second is gone whole.
    assert _counts(db_path) == (1_000, 1_000, [])
    done = run_pursuit("--db", str(db_path), "import", str(sheet))
    assert done.returncode == 0, done.stderr
    assert "imported 2000, 1000 already there, 0 unreadable" in done.stdout
    assert _counts(db_path) == (3_000, 3_000, [])
