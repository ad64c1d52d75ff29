"""q quits at once only when everything is saved: an invitation read and not saved, or a
screen of settings changed and not saved, asks first."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Switch

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.import_invitation import ImportInvitationScreen
from pursuit.tui.screens.settings import SettingsScreen
from pursuit.tui.screens.unsaved import UnsavedOnQuit
from tests.tour import screen_text

from .conftest import SIZE, settle
from .test_import_invitation import add_applications, every_interview, read_file


async def test_q_on_an_invitation_read_and_not_saved_asks_before_quitting(
    db_path: Path, clock: FixedClock
):
    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_file(pilot, "google-meet.ics")
        assert "Nothing is saved yet" in screen_text(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, UnsavedOnQuit)
        assert app.screen.question.startswith("Quit without saving? What the invitation changes")
        await pilot.press("q")  # not a second question over the first
        await settle(pilot)
        assert len([s for s in app.screen_stack if isinstance(s, UnsavedOnQuit)]) == 1

        await pilot.press("n")  # stay: the preview is still there to save
        await settle(pilot)
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert every_interview(app) == 1

        # Saved: nothing is left to lose, so q quits at once.
        await pilot.press("q")
        await settle(pilot)
        assert app.return_code == 0


async def test_quitting_from_the_question_throws_the_preview_away(db_path: Path, clock: FixedClock):
    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await read_file(pilot, "google-meet.ics")
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.return_code == 0
    assert every_interview(app) == 0


async def test_q_on_an_invitation_already_in_pursuit_quits_at_once(
    db_path: Path, clock: FixedClock
):
    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await read_file(pilot, "google-meet.ics")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = await read_file(pilot, "google-meet.ics")  # the same again: nothing changes
        assert isinstance(screen, ImportInvitationScreen) and screen.planned is not None
        screen.query_one("#read", Button).focus()  # off the fields, where q is a letter
        await pilot.pause()
        await pilot.press("q")
        await settle(pilot)
        assert app.return_code == 0


async def test_q_on_settings_changed_and_not_saved_asks_first(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"settings")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, SettingsScreen)
        switch = screen.query(Switch).first()
        switch.focus()
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert demo_app.is_running and isinstance(demo_app.screen, UnsavedOnQuit)
        question = demo_app.screen.question
        assert question == "Quit without saving? Your changes to your settings will be lost."
        await pilot.press("n")
        await settle(pilot)
        assert demo_app.screen is screen
