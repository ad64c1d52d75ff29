"""In a real terminal: ctrl+r in the draft editor writes the thank-you to the other panelist."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.processes import Children, pursuit_argv, run_pursuit
from tests.support.terminal import start_in_pty


@pytest.mark.slow
def test_ctrl_r_picks_the_other_panelist_in_a_real_terminal(
    tmp_path: Path, children: Children
) -> None:
    db = str(tmp_path / "panel.db")
    run_pursuit("add", "Acme", "Data Engineer", "--db", db, check=True)
    run_pursuit(
        "interview", "1", "--at", "today 9am", "--with", "Ann Lee", "--with", "Bo Chen",
        "--db", db, check=True,
    )  # fmt: skip
    app, screen = start_in_pty(children, pursuit_argv("app", db, "--tick", "3600"))
    try:
        screen.wait_for(lambda: "1 shown" in screen.text(), "the pipeline, loaded")
        at = screen.mark()
        screen.keys("t")

        def today_lists_ann() -> bool:
            drawn = screen.text(at)
            return "Ann Lee" in drawn[max(drawn.find("Follow-ups"), 0) :] and "Follow-ups" in drawn

        screen.wait_for(today_lists_ann, "Today's thank-you to Ann")
        at = screen.mark()
        screen.keys("\r")
        screen.wait_for(lambda: "Hi Ann," in screen.text(at), "the thank-you to Ann")
        at = screen.mark()
        screen.keys("\x12")  # ctrl+r
        screen.wait_for(lambda: "Write this message to" in screen.text(at), "the people to pick")
        at = screen.mark()
        screen.keys("\x1b[B")  # down, to Bo Chen
        screen.keys("\r")
        screen.wait_for(lambda: "Hi Bo," in screen.text(at), "the thank-you written to Bo")
        assert "to Bo Chen" in screen.text(at)
        screen.keys("\x11")  # ctrl+q
        app.wait(timeout=30)
    finally:
        os.close(screen.leader)
    assert app.returncode == 0
