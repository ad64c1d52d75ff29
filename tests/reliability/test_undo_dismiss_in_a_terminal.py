"""In the real app, in a terminal: `d` on Today says how to undo, and `u` brings it back."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.processes import Children, pursuit_argv, run_pursuit
from tests.support.terminal import start_in_pty


@pytest.mark.slow
def test_dismiss_then_u_in_today(tmp_path: Path, children: Children) -> None:
    db = tmp_path / "undo.db"
    run_pursuit("add", "Northwind", "Analyst", "--applied", "Nov 1", "--db", str(db), check=True)
    app, screen = start_in_pty(children, pursuit_argv("app", str(db), "--tick", "3600"))
    try:
        screen.wait_for(lambda: "1 shown" in screen.text(), "the pipeline, loaded")
        # The first tick's notice: the store is open. A `d` pressed before that was sometimes
        # lost (the row redrawn as the store opened); that is noted on issue 19, not hidden here.
        screen.wait_for(lambda: "Welcome back" in screen.text(), "the app, opened")
        at = screen.mark()
        screen.keys("t")
        screen.wait_for(lambda: "Ask about application" in screen.text(at), "Today's row")
        at = screen.mark()
        screen.keys("d")
        screen.wait_for(lambda: "Press u to" in screen.text(at), "the notice")
        due = json.loads(run_pursuit("due", "--json", "--db", str(db), check=True).stdout)
        assert due == []
        at = screen.mark()
        screen.keys("u")
        screen.wait_for(lambda: "Back on the list" in screen.text(at), "the undo notice")
        screen.keys("\x11")
        app.wait(timeout=30)
    finally:
        os.close(screen.leader)
    due = json.loads(run_pursuit("due", "--json", "--db", str(db), check=True).stdout)
    assert [d["action"] for d in due] == ["application-check-in"]
