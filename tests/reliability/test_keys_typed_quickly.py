"""Keys typed faster than the app handles them reach what the keys before them opened."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.processes import Children, pursuit_argv, run_pursuit
from tests.support.terminal import start_in_pty


@pytest.mark.slow
def test_a_burst_of_keys_after_a_lands_in_the_new_application_form(
    tmp_path: Path, children: Children
) -> None:
    db = tmp_path / "quick.db"
    run_pursuit("add", "Northwind", "Analyst", "--db", str(db), check=True)
    app, screen = start_in_pty(children, pursuit_argv("app", str(db), "--tick", "3600"))
    try:
        screen.wait_for(lambda: "1 shown" in screen.text(), "the pipeline, loaded")
        at = screen.mark()
        # One write: the form is not open yet when "Contoso" arrives.
        screen.keys("aContoso\tData wrangler\x13")
        screen.wait_for(lambda: "2 shown" in screen.text(at), "the new application listed")
        screen.keys("\x11")
        app.wait(timeout=30)
    finally:
        os.close(screen.leader)
    listed = json.loads(run_pursuit("list", "--json", "--db", str(db), check=True).stdout)
    added = {(a["company"], a["role"]) for a in listed}
    assert ("Contoso", "Data wrangler") in added, added
