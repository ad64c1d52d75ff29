"""What a new user tripped over on the command line, each pinned down."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock


@pytest.fixture
def run(clock: FixedClock, capsys: pytest.CaptureFixture[str]):
    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv), clock=clock)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_db_is_taken_after_the_command_as_well_as_before(run, tmp_path: Path) -> None:
    db = str(tmp_path / "after.db")
    assert run("add", "Acme", "Dev", "--db", db)[0] == 0
    code, out, err = run("due", "--at", "in 20 days", "--db", db)
    assert code == 0 and "Acme" in out, err
    assert "Acme" in run("list", "--db", db)[1]
    assert "Acme" in run("--db", db, "list")[1]
    assert not (tmp_path / "elsewhere.db").exists()
    # Given both ways, the one after the command is the one meant.
    other = str(tmp_path / "other.db")
    assert run("--db", db, "list", "--db", other)[1].startswith("No applications yet")


def test_an_empty_list_says_why(run, tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    assert "No applications yet" in run("--db", db, "list")[1]
    run("--db", db, "add", "Acme", "Dev")
    out = run("--db", db, "list", "--stage", "offer")[1]
    assert "No applications at offer" in out and "Add one" not in out
    out = run("--db", db, "list", "--archived")[1]
    assert out.strip() == "No archived applications."


def test_every_setting_is_checked_when_set(run, tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    code, _, err = run("--db", db, "config", "set", "theme", "not-a-theme")
    assert code == 2 and "not a known theme" in err and "nord" in err
    assert run("--db", db, "config", "set", "theme", "nord")[0] == 0
    assert "nord" in run("--db", db, "config")[1]
    code, _, err = run("--db", db, "config", "set", "check_in_days", "0")
    assert code == 2 and "between 1 and 60" in err


def test_reading_a_database_not_there_yet_makes_no_file(tmp_path: Path) -> None:
    """A mistyped --db: every command that only reads answers as for an empty database, says
    there is none there, and leaves nothing behind."""
    from tests.support.processes import run_pursuit

    typo = tmp_path / "typo.db"
    for args in (
        ["list"], ["due"], ["show", "1"], ["export"], ["export", "--format", "csv"], ["ics"],
        ["config"], ["draft", "1", "check-in"], ["list", "--json"],
    ):  # fmt: skip
        done = run_pursuit("--db", str(typo), *args)
        assert "Traceback" not in done.stderr, (args, done.stderr)
        assert f"there is no database at {typo}" in done.stderr, (args, done.stderr)
        assert list(tmp_path.iterdir()) == [], args
    assert run_pursuit("--db", str(typo), "list").stdout.startswith("No applications yet")
    done = run_pursuit("--db", str(typo), "backup")
    assert done.returncode == 2 and f"there is no database at {typo} to back up" in done.stderr
    assert list(tmp_path.iterdir()) == []
    # Writing makes it, as ever.
    assert run_pursuit("--db", str(typo), "add", "Acme", "Dev").returncode == 0
    assert typo.exists()
