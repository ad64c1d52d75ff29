"""The command line called in-process, as a script would call it, on the fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock


@pytest.fixture
def run(db_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]):
    """`pursuit --db DB_PATH ARGS`: (exit code, stdout, stderr)."""

    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *argv], clock=clock)
        out, err = capsys.readouterr()
        return code, out, err

    return _run
