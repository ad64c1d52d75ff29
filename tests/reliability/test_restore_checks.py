"""Restore checks the whole dump before it writes anything, and creates nothing when it refuses."""

from __future__ import annotations

import errno
import json
import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from tests.support.processes import CHILD_TIMEOUT, MOMENT, Children, run_pursuit

CHILD = Path(__file__).with_name("restore_child.py")

NOW = datetime(2026, 11, 18, 10, tzinfo=UTC)
Dump = dict[str, Any]


@pytest.fixture(scope="module")
def good_dump(tmp_path_factory: pytest.TempPathFactory) -> str:
    from pursuit.store.demo import seed

    store = Store.open(tmp_path_factory.mktemp("demo") / "demo.db", FixedClock(NOW))
    seed(store)
    text = store.transfer.export_json()
    store.close()
    return text


def _first(table: str, field: str, value: Any) -> Callable[[Dump], None]:
    def change(dump: Dump) -> None:
        dump["tables"][table][0][field] = value

    return change


def _duplicate(dump: Dump) -> None:
    dump["tables"]["application"].append(dict(dump["tables"]["application"][0]))


def _drop(field: str) -> Callable[[Dump], None]:
    def change(dump: Dump) -> None:
        del dump["tables"]["application"][0][field]

    return change


def _setting(key: str, value: str) -> Callable[[Dump], None]:
    def change(dump: Dump) -> None:
        dump["tables"]["setting"].append({"key": key, "value": value})

    return change


def _table(dump: Dump) -> None:
    dump["tables"]["passwords"] = []


# (what is changed in a good dump, the words of the message after "dump.json: ")
BAD = {
    "a date that is not one": (
        _first("application", "applied_on", "garbage"),
        "application 1, field applied_on: 'garbage' is not a date",
    ),
    "an unknown stage": (
        _first("application", "stage", "dreaming"),
        "application 1, field stage: 'dreaming' is not one of saved, applied",
    ),
    "a number for a company": (
        _first("application", "company", 42),
        "application 1, field company: 42 is not text",
    ),
    "yes for a flag": (
        _first("application", "archived", "yes"),
        "application 1, field archived: 'yes' is not 0 or 1",
    ),
    "a duplicate id": (_duplicate, "application 1: appears twice (id 1)"),
    "a dangling link": (
        _first("stage_event", "application_id", 9999),
        "field application_id: application 9999 is not in the export",
    ),
    "a 10**30 salary": (
        _first("application", "salary_min", 10**30),
        "application 1, field salary_min: 1000000000000000000000000000000 is out of range",
    ),
    "a 10**30 id": (_first("application", "id", 10**30), "is out of range"),
    "a 10 MB note": (
        _first("application", "notes", "x" * 10_000_000),
        "application 1, field notes: 'xxxxxxxx",
    ),
    "a moment that is not one": (
        _first("activity", "at", "yesterday"),
        "field at: 'yesterday' is not a moment",
    ),
    "an unknown interview kind": (
        _first("interview", "kind", "seance"),
        "field kind: 'seance' is not one of phone",
    ),
    "a rating of 9": (_first("interview", "rating_clarity", 9), "is out of range (1 to 5)"),
    "a fraction for a number": (
        _first("interview", "duration_minutes", 1.5),
        "field duration_minutes: 1.5 is not a whole number",
    ),
    "a list for a note": (_first("application", "notes", [[["x"]]]), "is not text"),
    "a missing company": (_drop("company"), "application 1, field company is missing"),
    "an unknown field": (
        _first("application", "password", "x"),
        "application 1: 'password' is not a field of application",
    ),
    "an unknown table": (_table, "table 'passwords' is not one of pursuit's tables"),
    "a bad setting": (_setting("check_in_days", "soon"), "'soon' is not a whole number"),
    "a row that is not a record": (
        lambda d: d["tables"]["contact"].append([1, 2]),
        "is not a record",
    ),
}


def _restore(target: Path, dump_file: Path, clock: FixedClock, capsys) -> tuple[int, str]:
    code = main(["--db", str(target), "restore", str(dump_file)], clock=clock)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("case", list(BAD))
def test_each_bad_dump_is_refused_by_table_row_and_field_and_nothing_is_made(
    case: str, good_dump: str, tmp_path: Path, clock: FixedClock, capsys
) -> None:
    change, words = BAD[case]
    dump = json.loads(good_dump)
    change(dump)
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(json.dumps(dump))
    target = tmp_path / "new" / "restored.db"
    target.parent.mkdir()
    code, err = _restore(target, dump_file, clock, capsys)
    assert code == 2, err
    assert err.startswith("pursuit: error: dump.json: ") and words in err, err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert list(target.parent.iterdir()) == []


def test_deep_nesting_is_refused_in_words(tmp_path: Path, clock: FixedClock, capsys) -> None:
    dump_file = tmp_path / "dump.json"
    dump_file.write_text("[" * 200_000 + "]" * 200_000)
    target = tmp_path / "restored.db"
    code, err = _restore(target, dump_file, clock, capsys)
    assert code == 2 and "nested too deeply" in err, err
    assert not target.exists()


def test_a_good_dump_restores_and_reads_back(
    good_dump: str, tmp_path: Path, clock: FixedClock, capsys
) -> None:
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(good_dump)
    target = tmp_path / "restored.db"
    code, err = _restore(target, dump_file, clock, capsys)
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("dump")) == [
        "restored.db"
    ]
    store = Store.open(target, clock)
    assert store.transfer.export_json() == good_dump
    store.close()


def test_a_database_holding_only_settings_is_refused_and_kept(
    good_dump: str, db_path: Path, tmp_path: Path, clock: FixedClock, capsys
) -> None:
    store = Store.open(db_path, clock)
    store.settings.set_many({"my_name": "Sam", "check_in_days": "10"})
    store.close()
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(good_dump)
    code, err = _restore(db_path, dump_file, clock, capsys)
    assert code == 2 and "restore needs an empty database" in err and "(setting)" in err
    store = Store.open(db_path, clock)
    assert store.settings.values() == {"my_name": "Sam", "check_in_days": "10"}
    assert store.views.applications() == []
    store.close()


def test_an_existing_empty_database_takes_the_restore(
    good_dump: str, db_path: Path, tmp_path: Path, clock: FixedClock, capsys
) -> None:
    Store.open(db_path, clock).close()
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(good_dump)
    assert _restore(db_path, dump_file, clock, capsys)[0] == 0
    store = Store.open(db_path, clock)
    assert store.transfer.export_json() == good_dump
    store.close()


def test_a_restore_that_fails_at_the_end_leaves_no_file(
    good_dump: str, tmp_path: Path, clock: FixedClock, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(good_dump)
    target = tmp_path / "data" / "restored.db"
    target.parent.mkdir()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("pursuit.store.restoring.os.link", full)
    code, err = _restore(target, dump_file, clock, capsys)
    assert code == 2 and f"cannot restore into {target}" in err
    assert list(target.parent.iterdir()) == []


@pytest.mark.slow
def test_a_restore_killed_before_it_is_in_place_leaves_no_database(
    good_dump: str, tmp_path: Path, clock: FixedClock, children: Children
) -> None:
    dump_file = tmp_path / "dump.json"
    dump_file.write_text(good_dump)
    target = tmp_path / "restored.db"
    child = children.start(
        [sys.executable, str(CHILD), str(target), str(dump_file), MOMENT.isoformat()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready, _w, _x = select.select([child.stdout], [], [], CHILD_TIMEOUT)
    assert ready and child.stdout.readline().strip() == "written"
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=CHILD_TIMEOUT)
    assert not target.exists()
    done = run_pursuit("--db", str(target), "restore", str(dump_file))
    assert done.returncode == 0, done.stderr
    store = Store.open(target, clock)
    assert store.transfer.export_json() == good_dump
    store.close()
    # What the killed one was building is cleared by the next restore, not left behind.
    assert not list(tmp_path.glob(".restored.db.restoring-*"))
