"""Importing an interview invitation in the app: from a file or pasted, previewed, then saved."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static, TextArea

from pursuit.domain.clock import FixedClock
from pursuit.domain.records import InterviewRow
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.application_picker import ApplicationPicker
from pursuit.tui.screens.import_invitation import ImportInvitationScreen
from pursuit.tui.screens.pipeline import PipelineScreen
from tests.tour import screen_text

from .conftest import SIZE, settle

INVITATIONS = Path(__file__).resolve().parent.parent / "fixtures" / "invitations"
#: google-meet.ics: Mon 23 Nov 10:00 in Los Angeles; -moved.ics: Tue 8 Dec 14:00 there.
FIRST = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
MOVED = datetime(2026, 12, 8, 22, 0, tzinfo=UTC)
MEET = "https://meet.google.com/xkq-bnwd-pte"


def add_applications(db_path: Path, clock: FixedClock, *apps: tuple[str, str]) -> list[int]:
    """APPS (company, role) in a new database, before the app opens it; the job seeker is
    Alex Morgan, whom the invitations invite."""
    store = Store.open(db_path, clock)
    try:
        store.settings.set_many({"my_name": "Alex Morgan", "my_email": "alex.morgan@gmail.com"})
        return [store.applications.add_application(company, role) for company, role in apps]
    finally:
        store.close()


def interviews(app: PursuitApp, app_id: int) -> list[InterviewRow]:
    assert app.store is not None
    return app.store.views.detail(app_id).interviews


def every_interview(app: PursuitApp) -> int:
    assert app.store is not None
    with app.store.reader() as conn:
        return int(conn.execute("SELECT count(*) FROM interview").fetchone()[0])


def shown(screen: ImportInvitationScreen, part: str) -> str:
    return str(screen.query_one(f"#invitation-{part}", Static).content)


async def open_import(pilot: Pilot, *, via_palette: bool = False) -> ImportInvitationScreen:
    """The import screen, opened as the palette's "Import an invitation" opens it (typed into
    the palette when VIA_PALETTE: the palette searches at every key, a few seconds' typing)."""
    await settle(pilot)
    if via_palette:
        await pilot.press("ctrl+p", *"import an invitation")
        await settle(pilot)
        await pilot.press("enter")
    else:
        await pilot.app.push_screen(ImportInvitationScreen())
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ImportInvitationScreen)
    return screen


async def read_file(
    pilot: Pilot, name: str, *, via_palette: bool = False
) -> ImportInvitationScreen:
    """Open the import screen, type the path of the fixture NAME and read it (enter)."""
    screen = await open_import(pilot, via_palette=via_palette)
    screen.query_one("#invitation-path", Input).value = str(INVITATIONS / name)
    screen.query_one("#invitation-path", Input).focus()
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def import_file(pilot: Pilot, name: str) -> None:
    await read_file(pilot, name)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PipelineScreen)


async def test_a_file_is_previewed_with_what_changes_then_saved_as_the_interview(
    db_path: Path, clock: FixedClock
):
    northwind, lumen = add_applications(
        db_path, clock, ("Northwind Analytics", "Data Engineer"), ("Lumen Health", "Platform")
    )
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_file(pilot, "google-meet.ics", via_palette=True)
        preview = shown(screen, "preview")
        assert "A new interview  Northwind Analytics · Data Engineer" in preview
        assert "Mon 23 Nov 18:00" in preview and MEET in preview
        assert "with Priya Shah\n" in preview  # not the job seeker themselves
        assert "Nothing is saved yet" in shown(screen, "status")
        assert every_interview(app) == 0  # the preview wrote nothing
        assert screen.query_one("#save", Button).has_focus

        await pilot.press("enter")  # the focused Save
        await settle(pilot)
        assert isinstance(app.screen, PipelineScreen)
        [stored] = interviews(app, northwind)
        assert (stored.starts_at, stored.link, stored.cancelled) == (FIRST, MEET, False)
        assert interviews(app, lumen) == []


async def test_escape_after_the_preview_leaves_and_writes_nothing(db_path: Path, clock: FixedClock):
    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_file(pilot, "google-meet.ics")
        assert "A new interview" in shown(screen, "preview")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PipelineScreen)
        assert every_interview(app) == 0


async def test_pasted_text_is_read_and_saved_and_a_change_after_the_preview_is_read_again(
    db_path: Path, clock: FixedClock
):
    [northwind] = add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        paste = screen.query_one("#invitation-paste", TextArea)
        paste.load_text((INVITATIONS / "google-meet.ics").read_text())
        paste.focus()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Mon 23 Nov 18:00" in shown(screen, "preview")

        # The moved copy pasted over it: saving now would not be what the preview showed.
        paste.load_text((INVITATIONS / "google-meet-moved.ics").read_text())
        await pilot.pause()
        assert screen.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")  # reads it again, shows it, saves nothing yet
        await settle(pilot)
        assert app.screen is screen and every_interview(app) == 0
        assert "Tue 8 Dec 22:00" in shown(screen, "preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [stored] = interviews(app, northwind)
        assert stored.starts_at == MOVED


async def test_two_applications_that_match_are_offered_in_a_picker(
    db_path: Path, clock: FixedClock
):
    platform, analyst = add_applications(
        db_path,
        clock,
        ("Northwind Analytics", "Platform Engineer"),
        ("Northwind Analytics", "Staff Analyst"),
    )
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await read_file(pilot, "google-meet.ics")
        picker = app.screen
        assert isinstance(picker, ApplicationPicker)
        assert "Several applications" in screen_text(pilot)
        choices = picker.query_one(OptionList)
        # The two, then a new application.
        assert [choices.get_option_at_index(i).id for i in range(choices.option_count)] == [
            str(platform),
            str(analyst),
            "new",
        ]
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportInvitationScreen)
        assert "Northwind Analytics · Staff Analyst" in shown(screen, "preview")
        assert every_interview(app) == 0
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(interviews(app, analyst)) == 1 and interviews(app, platform) == []


async def test_escape_in_the_picker_saves_nothing_and_says_how_to_be_asked_again(
    db_path: Path, clock: FixedClock
):
    add_applications(
        db_path,
        clock,
        ("Northwind Analytics", "Platform Engineer"),
        ("Northwind Analytics", "Staff Analyst"),
    )
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await read_file(pilot, "google-meet.ics")
        assert isinstance(app.screen, ApplicationPicker)
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportInvitationScreen)
        assert "choose the application" in shown(screen, "status")
        assert screen.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")  # asks again rather than saving
        await settle(pilot)
        assert isinstance(app.screen, ApplicationPicker)
        assert every_interview(app) == 0


async def test_a_later_copy_moves_the_interview_and_a_cancellation_strikes_it_out(
    db_path: Path, clock: FixedClock
):
    [northwind] = add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await import_file(pilot, "google-meet.ics")

        screen = await read_file(pilot, "google-meet-moved.ics")
        preview = shown(screen, "preview")
        assert "The interview changes" in preview
        assert "moved to Tue 8 Dec 22:00 (was Mon 23 Nov 18:00)" in preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        [moved] = interviews(app, northwind)
        assert moved.starts_at == MOVED and not moved.cancelled

        screen = await read_file(pilot, "google-meet-cancel.ics")
        assert "The interview is cancelled" in shown(screen, "preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [cancelled] = interviews(app, northwind)
        assert cancelled.cancelled and cancelled.id == moved.id

        await pilot.press("slash", *"northwind", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationScreen)
        listed = app.screen.query_one("#app-interviews", OptionList)
        line = listed.get_option_at_index(0).prompt
        assert "cancelled" in str(line)
        assert any(Style.parse(str(s.style)).strike for s in line.spans)  # type: ignore[union-attr]

        # The same cancellation again changes nothing, and says so.
        await pilot.press("escape")
        screen = await read_file(pilot, "google-meet-cancel.ics")
        assert "already up to date" in shown(screen, "preview")
        assert screen.query_one("#save", Button).disabled


async def test_on_an_application_screen_the_invitation_goes_to_that_application(
    db_path: Path, clock: FixedClock
):
    _northwind, lumen = add_applications(
        db_path, clock, ("Northwind Analytics", "Data Engineer"), ("Lumen Health", "Platform")
    )
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lumen", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationScreen)
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportInvitationScreen)
        assert "Import an invitation for Lumen Health · Platform" in screen_text(pilot)
        screen.query_one("#invitation-path", Input).value = str(
            INVITATIONS / "app-unknown-company.ics"
        )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "A new interview  Lumen Health · Platform" in shown(screen, "preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ApplicationScreen)
        [stored] = interviews(app, lumen)
        assert stored.link == "https://zoom.us/j/93377120411"


async def test_an_invitation_nothing_matches_asks_among_every_application(
    db_path: Path, clock: FixedClock
):
    add_applications(
        db_path, clock, ("Northwind Analytics", "Data Engineer"), ("Lumen Health", "Platform")
    )
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await read_file(pilot, "app-unknown-company.ics")
        picker = app.screen
        assert isinstance(picker, ApplicationPicker)
        assert "No application matched" in screen_text(pilot)
        # Both applications, then a new one.
        assert picker.query_one(OptionList).option_count == 3
        assert "A new application…" in screen_text(pilot)


async def _add_in_the_form(pilot: Pilot, company: str, role: str) -> None:
    form = pilot.app.screen
    assert isinstance(form, ApplicationForm)
    form.query_one("#f-company", Input).value = company
    form.query_one("#f-role", Input).value = role
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_new_application_can_be_added_for_an_invitation_nothing_matches(
    db_path: Path, clock: FixedClock
):
    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_file(pilot, "app-unknown-company.ics")
        picker = app.screen
        assert isinstance(picker, ApplicationPicker)
        choices = picker.query_one(OptionList)
        choices.highlighted = choices.option_count - 1
        await pilot.press("enter")
        await settle(pilot)
        await _add_in_the_form(pilot, "Orbit Labs", "Platform Engineer")
        # Back on the import, the invitation read for the application just added.
        assert app.screen is screen
        assert "A new interview  Orbit Labs · Platform Engineer" in shown(screen, "preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store is not None
        [orbit] = [r for r in app.store.views.applications() if r.company == "Orbit Labs"]
        assert len(interviews(app, orbit.id)) == 1


async def test_with_no_application_yet_the_add_form_comes_first(db_path: Path, clock: FixedClock):
    add_applications(db_path, clock)
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_file(pilot, "google-meet.ics")
        assert isinstance(app.screen, ApplicationForm)
        await _add_in_the_form(pilot, "Northwind Analytics", "Data Engineer")
        assert app.screen is screen
        assert "A new interview  Northwind Analytics · Data Engineer" in shown(screen, "preview")


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("", "Type the path of the invitation file"),
        ("missing.ics", "does not exist"),
        ("not-an-invitation.txt", "neither a calendar"),
        ("pursuit.db", "is the pursuit database"),
    ],
)
async def test_what_cannot_be_read_is_said_and_nothing_is_written(
    db_path: Path, clock: FixedClock, tmp_path: Path, name: str, said: str
):
    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    (tmp_path / "not-an-invitation.txt").write_text("Dear Alex, see you on Monday!\n")
    assert db_path == tmp_path / "pursuit.db"
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        screen.query_one("#invitation-path", Input).value = str(tmp_path / name) if name else ""
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert said in shown(screen, "status")
        assert screen.query_one("#save", Button).disabled
        assert every_interview(app) == 0
        # The database, refused unopened, keeps its locks: the app still writes to it.
        await pilot.press("escape")
        await import_file(pilot, "google-meet.ics")
        assert every_interview(app) == 1


def test_the_import_screen_with_a_pasted_invitation_previewed(
    snap_compare, db_path: Path, clock: FixedClock
) -> None:
    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))

    async def run_before(pilot: Pilot) -> None:
        screen = await open_import(pilot)
        paste = screen.query_one("#invitation-paste", TextArea)
        paste.load_text((INVITATIONS / "google-meet.ics").read_text())
        paste.focus()
        await pilot.press("ctrl+r")
        await settle(pilot)
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
        pilot.app.clear_notifications()
        await pilot.pause()

    app = PursuitApp(db_path, clock, tick_seconds=3600)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


async def test_f1_lists_the_import_keys_and_the_application_screens_I(
    db_path: Path, clock: FixedClock
):
    from tests.tui.test_key_help_lists import help_lines, listed

    add_applications(db_path, clock, ("Northwind Analytics", "Data Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the one application
        await settle(pilot)
        assert isinstance(app.screen, ApplicationScreen)
        await pilot.press("f1")
        await settle(pilot)
        assert listed(help_lines(app), "I", "Import an interview invitation"), help_lines(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, ImportInvitationScreen)
        await pilot.press("f1")
        await settle(pilot)
        lines = help_lines(app)
        assert listed(lines, "^r", "Read the pasted text"), lines
        assert listed(lines, "^s", "Save the changes shown"), lines
        assert listed(lines, "esc", "Import nothing"), lines


async def test_an_invitation_for_another_company_is_warned_of_in_the_preview(
    db_path: Path, clock: FixedClock
):
    add_applications(
        db_path, clock, ("Northwind Analytics", "Data Engineer"), ("Fabrikam", "Platform Engineer")
    )
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"northwind", "enter", "enter")
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportInvitationScreen)
        screen.query_one("#invitation-path", Input).value = str(INVITATIONS / "outlook-teams.ics")
        await pilot.press("ctrl+r")
        await settle(pilot)
        preview = " ".join(shown(screen, "preview").split())
        # What was asked is still what it does; the preview says what it looks like.
        assert "A new interview Northwind Analytics · Data Engineer" in preview, preview
        assert "! This invitation looks like it is for Fabrikam" in preview, preview
        assert "not Northwind Analytics." in preview, preview
