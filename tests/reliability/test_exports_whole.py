"""Exports and calendar files are written whole or not at all, and never onto a database."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.store import safe_write


@pytest.fixture
def run(db_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]):
    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args], clock=clock)
        out, err = capsys.readouterr()
        return code, out, err

    assert _run("add", "Acme", "Data Engineer")[0] == 0
    return _run


def _companies(run) -> list[str]:
    code, out, _err = run("list", "--json")
    assert code == 0
    return [r["company"] for r in json.loads(out)]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["export"], ["ics"]])
def test_the_database_itself_is_never_the_target(run, db_path: Path, command: list[str]) -> None:
    before = db_path.stat().st_size
    code, _out, err = run(*command, "-o", str(db_path))
    assert code == 2 and "is the database" in err and "Traceback" not in err
    assert db_path.stat().st_size == before
    assert _companies(run) == ["Acme"]


@pytest.mark.parametrize("side", ["-wal", "-shm", "-journal"])
def test_nor_its_side_files(run, db_path: Path, side: str) -> None:
    target = Path(f"{db_path}{side}")
    existed = target.exists()
    before = target.read_bytes() if existed else None
    code, _out, err = run("export", "-o", str(target))
    assert code == 2 and "is the database" in err
    assert (target.read_bytes() if target.exists() else None) == before
    assert _companies(run) == ["Acme"]


def test_a_hard_link_to_the_database_is_found_by_its_inode(
    run, db_path: Path, tmp_path: Path
) -> None:
    alias = tmp_path / "alias.csv"
    os.link(db_path, alias)
    code, _out, err = run("export", "--format", "csv", "-o", str(alias))
    assert code == 2 and "is the database" in err
    assert _companies(run) == ["Acme"]


def test_any_other_sqlite_file_is_refused(run, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    code, _out, err = run("export", "-o", str(other))
    assert code == 2 and "is an SQLite database" in err
    assert other.read_bytes() == before


def test_a_symlink_is_refused_and_what_it_points_to_is_untouched(run, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    link = tmp_path / "export.json"
    link.symlink_to(precious)
    code, _out, err = run("export", "-o", str(link))
    assert code == 2 and "symbolic link" in err
    assert link.is_symlink() and precious.read_text() == "keep me\n"
    assert _leftovers(tmp_path) == []


def test_a_pipe_a_folder_and_a_device_are_refused(run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target, words in ((fifo, "not a regular file"), (folder, "is a folder")):
        code, _out, err = run("ics", "-o", str(target))
        assert code == 2 and words in err, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and folder.is_dir()
    code, _out, err = run("export", "-o", os.devnull)
    assert code == 2 and "not a regular file" in err


def test_an_export_replaces_the_earlier_one_whole_and_private(run, tmp_path: Path) -> None:
    target = tmp_path / "dump.json"
    target.write_text("old\n")
    target.chmod(0o644)
    code, _out, err = run("export", "-o", str(target))
    assert code == 0 and "wrote" in err
    assert json.loads(target.read_text())["tables"]["application"][0]["company"] == "Acme"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("command", [["export"], ["ics"]])
def test_a_full_disk_keeps_the_earlier_export(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    target = tmp_path / "dump.out"
    assert run(*command, "-o", str(target))[0] == 0
    good = target.read_bytes()
    assert run("add", "Bolt", "SRE")[0] == 0
    real_write = os.write
    written: list[int] = []

    def full(fd: int, data: bytes) -> int:
        # Part of the file goes out, then the disk is full.
        if not written:
            written.append(real_write(fd, bytes(data[:10])))
            return 10
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "write", full)
    code, _out, err = run(*command, "-o", str(target))
    monkeypatch.undo()
    assert code == 2 and "disk full" in err and str(target) in err
    assert target.read_bytes() == good
    assert _leftovers(tmp_path) == []
