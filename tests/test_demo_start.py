"""`pursuit demo`: a line says what is happening from the first frame, then the rows come;
the sample data is made in a process of its own and put in place whole."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from subprocess import Popen
from typing import Any

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.demo import seed
from pursuit.store.demo_file import copy_template, make_file
from pursuit.store.repo import Store
from tests.support.processes import MOMENT, Children, pursuit_argv
from tests.support.terminal import Terminal, start_in_pty

MAKING = "Making the demo"


def start_demo(children: Children, db: Path, cache: Path) -> tuple[Popen[Any], Terminal]:
    argv = pursuit_argv("app", str(db), "--demo", "--tick", "3600")
    return start_in_pty(children, argv, env={"XDG_CACHE_HOME": str(cache)})


def demo_shown(children: Children, db: Path, cache: Path) -> str:
    """What a demo on DB draws, from its launch until every row is in; then it is left."""
    app, screen = start_demo(children, db, cache)
    try:
        screen.wait_for(lambda: "Northwind Analytics" in screen.text(), "the demo's rows")
        screen.wait_for(lambda: "13 shown" in screen.text(), "every row of the demo")
        screen.keys("\x11")  # ctrl+q
        assert app.wait(timeout=30) == 0
    finally:
        os.close(screen.leader)
    return screen.text()


@pytest.mark.slow
def test_the_demo_says_it_is_being_made_from_the_first_frame_then_shows_its_rows(
    tmp_path: Path, children: Children
) -> None:
    (tmp_path / "first").mkdir()
    shown = demo_shown(children, tmp_path / "first" / "demo.db", tmp_path / "cache")
    # Drawn top to bottom: in the first frame the line comes before the table's header.
    assert MAKING in shown
    assert shown.index(MAKING) < shown.index("Company")
    assert shown.index(MAKING) < shown.index("Northwind Analytics")
    assert not list((tmp_path / "first").glob("*.making*"))  # nothing half-made
    # The same day's next demo is a copy of this one: its rows are in its first frame.
    (tmp_path / "again").mkdir()
    shown = demo_shown(children, tmp_path / "again" / "demo.db", tmp_path / "cache")
    assert MAKING not in shown and "Opening" not in shown
    assert applications(tmp_path / "again" / "demo.db") == applications(
        tmp_path / "first" / "demo.db"
    )


@pytest.mark.slow
def test_leaving_while_the_demo_is_made_leaves_nothing_half_made(
    tmp_path: Path, children: Children
) -> None:
    app, screen = start_demo(children, tmp_path / "demo.db", tmp_path / "cache")
    try:
        screen.wait_for(lambda: MAKING in screen.text(), "the line")
        screen.keys("\x11")  # ctrl+q, most likely before the data is made
        assert app.wait(timeout=30) == 0
    finally:
        os.close(screen.leader)
    assert not list(tmp_path.glob("*.making*"))


def applications(path: Path) -> list[tuple[str, str, str]]:
    store = Store.open(path, FixedClock(MOMENT))
    try:
        rows = store.views.applications() + store.views.applications(archived=True)
        return sorted((r.company, r.role, r.stage) for r in rows)
    finally:
        store.close()


def test_the_demo_file_holds_what_the_store_makes_in_place(tmp_path: Path) -> None:
    made = tmp_path / "made.db"
    make_file(made, MOMENT)
    here = Store.open(tmp_path / "here.db", FixedClock(MOMENT))
    seed(here)
    here.close()
    assert applications(made) == applications(tmp_path / "here.db")
    assert len(applications(made)) == 14
    assert not list(tmp_path.glob("*.making*"))
    # Kept for the day: a copy, private like every database; none for another day.
    assert copy_template(tmp_path / "copy.db", MOMENT)
    assert applications(tmp_path / "copy.db") == applications(made)
    assert (tmp_path / "copy.db").stat().st_mode & 0o077 == 0
    assert not copy_template(tmp_path / "tomorrow.db", MOMENT + timedelta(days=1))
    assert not (tmp_path / "tomorrow.db").exists()


def test_a_file_that_appeared_meanwhile_is_never_replaced(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    db.write_text("someone else's")
    with pytest.raises(FileExistsError):
        make_file(db, MOMENT)
    assert db.read_text() == "someone else's"
    assert not list(tmp_path.glob("*.making*"))


async def test_when_no_process_can_make_the_demo_the_app_makes_it_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pursuit.tui import demo_maker
    from pursuit.tui.app import PursuitApp
    from pursuit.tui.screens.pipeline import PipelineScreen
    from tests.tour import settle

    monkeypatch.setattr(demo_maker.sys, "executable", "/bin/false")
    app = PursuitApp(tmp_path / "demo.db", FixedClock(MOMENT), demo=True, tick_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PipelineScreen)
        assert screen.loaded and len(screen.visible_rows()) == 13
