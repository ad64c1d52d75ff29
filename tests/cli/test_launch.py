"""`pursuit` with no arguments goes straight to the app; anything else to the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit import launch
from pursuit.domain.clock import SystemClock
from pursuit.tui.app import PursuitApp
from tests.support.processes import MOMENT


def test_arguments_go_to_the_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PURSUIT_DB", str(tmp_path / "p.db"))
    # The entry point reads the system clock: make that reading one the test chose.
    monkeypatch.setattr(SystemClock, "now", lambda self: MOMENT)
    assert launch.main(["add", "Acme", "Engineer"]) == 0
    assert launch.main(["list"]) == 0
    assert "Acme" in capsys.readouterr().out


def test_a_bug_in_the_app_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PURSUIT_DB", str(tmp_path / "p.db"))

    def broken(self: PursuitApp) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(PursuitApp, "run", broken)
    assert launch.main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected error: KeyError('oops')" in err
