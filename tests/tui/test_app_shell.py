"""The app around the screens: key help, the command palette, a database it cannot open."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.pipeline import PipelineScreen

from .conftest import SIZE, settle


async def test_f1_and_question_mark_toggle_the_key_help(demo_app: PursuitApp):
    from pursuit.tui.screens.key_help import KeyHelp

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(demo_app.screen, KeyHelp)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)


async def test_the_key_help_scrolls_from_the_keyboard_and_puts_this_screens_keys_first(
    demo_app: PursuitApp,
):
    from pursuit.tui.screens.key_help import KeyHelp
    from tests.tour import screen_text

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(demo_app.screen, KeyHelp)
        listed = demo_app.screen.query_one("#key-help-keys").render().plain
        assert listed.index("On this screen") < listed.index("Everywhere")
        assert listed.index("Everywhere") < listed.index("Moving around")
        assert listed.index("Add an application") < listed.index("Focus Next")
        first = screen_text(pilot)
        assert "Add an application" in first
        assert "Focus Next" not in first  # the last keys are below the fold at 120x40
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        assert "Focus Next" in screen_text(pilot)
        await pilot.press("home")
        await settle(pilot)
        assert "Add an application" in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)


async def test_every_binding_has_an_id_and_a_tooltip(demo_app: PursuitApp):
    from pursuit.tui.screens import (
        application,
        application_form,
        confirm,
        pipeline,
        stage_picker,
        today,
    )

    classes = [
        PursuitApp,
        pipeline.PipelineScreen,
        today.TodayScreen,
        application.ApplicationScreen,
        application_form.ApplicationForm,
        confirm.Confirm,
        stage_picker.StagePicker,
    ]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.id and binding.tooltip, (cls.__name__, binding.key)


async def test_the_palette_jumps_to_an_application_by_name(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(demo_app.screen, CommandPalette)
        await pilot.press(*"open meridian")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        assert demo_app.screen.detail is not None
        assert demo_app.screen.detail.row.company == "Meridian Bank"


async def test_the_palette_adds_and_filters(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"show stage: offer")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, PipelineScreen)
        assert [r.company for r in screen.visible_rows()] == ["Meridian Bank"]
        await pilot.press("ctrl+p", *"add application")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationForm)


async def test_a_broken_database_exits_with_a_message_and_is_untouched(
    tmp_path: Path, clock: FixedClock
):
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    before = path.read_bytes()
    app = PursuitApp(path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 2
    assert path.read_bytes() == before


async def test_people_are_found_from_the_palette(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"person: grace")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        assert demo_app.screen.detail is not None
        assert demo_app.screen.detail.row.company == "Lumen Health"


async def test_the_app_backs_up_once_a_day_on_start(empty_app: PursuitApp, db_path: Path):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    from pursuit.store.backup import backups_dir, existing

    assert len(existing(backups_dir(db_path))) == 1
    again = PursuitApp(db_path, empty_app.clock, tick_seconds=3600)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert len(existing(backups_dir(db_path))) == 1  # not again the same day


async def test_the_mouse_works_on_tables_tabs_and_buttons(demo_app: PursuitApp):
    from pursuit.tui.screens.checklist_templates import ChecklistTemplatesScreen

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Click the third row of the pipeline, then click it again to open it.
        await pilot.click("#pipeline", offset=(5, 3))
        await pilot.click("#pipeline", offset=(5, 3))
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        await pilot.press("escape")
        demo_app.push_screen(ChecklistTemplatesScreen())
        await settle(pilot)
        await pilot.click("#fmt-video")
        await settle(pilot)
        assert demo_app.screen.fmt == "video"
        await pilot.press("escape")
        await pilot.press("a")
        await settle(pilot)
        await pilot.click("#cancel")
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)


async def test_the_title_bar_shows_the_overdue_count_and_opens_the_palette(demo_app: PursuitApp):
    from pursuit.tui.widgets.title_bar import TitleBar

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = str(demo_app.screen.query_one(TitleBar).render())
        assert "pursuit — demo · 3 overdue" in line and line.startswith(" ⭘")
        # The title sits in the middle, as Textual's Header puts it.
        assert abs(line.index("pursuit") - (SIZE[0] - len("pursuit — demo · 3 overdue")) // 2) < 8
        demo_app.sub_title = "demo"
        await pilot.pause()
        assert "pursuit — demo" in str(demo_app.screen.query_one(TitleBar).render())
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(demo_app.screen, CommandPalette)


async def test_every_style_file_is_read_the_first_before_the_others(demo_app: PursuitApp):
    from pursuit.paths import styles_dir

    first, later = PursuitApp.CSS_PATH, PursuitApp.LATER_CSS_PATH
    assert sorted(p.name for p in [*first, *later]) == sorted(
        p.name for p in styles_dir().glob("*.tcss")
    )
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        read = [Path(path).name for path, _ in demo_app.stylesheet.source]
        assert [p.name for p in [*first, *later]] == [n for n in read if n.endswith(".tcss")]


async def take_screenshot_from_the_palette(pilot, app: PursuitApp) -> list[str]:
    from tests.tui.test_write_retry import messages, wait_until

    await settle(pilot)
    await pilot.press("ctrl+p", *"screenshot")
    await settle(pilot)
    await pilot.press("enter")
    await wait_until(pilot, lambda: any("picture of the screen" in m for m in messages(app)))
    return messages(app)


async def test_a_screenshot_is_saved_and_the_notice_names_the_file(
    demo_app: PursuitApp, tmp_path: Path, monkeypatch
):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    monkeypatch.setattr("pursuit.tui.screenshot.user_downloads_path", lambda: folder)
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        said = await take_screenshot_from_the_palette(pilot, demo_app)
    saved = list(folder.glob("*.svg"))
    assert len(saved) == 1, saved
    assert f"Saved a picture of the screen to {saved[0]}" in said
    assert "Northwind" in saved[0].read_text()
    assert saved[0].stat().st_mode & 0o777 == 0o600  # your applications: yours alone


async def test_a_screenshot_that_cannot_be_saved_says_where_and_why(
    demo_app: PursuitApp, tmp_path: Path, monkeypatch
):
    not_a_folder = tmp_path / "Downloads"
    not_a_folder.write_text("a file where the folder should be")
    monkeypatch.setattr("pursuit.tui.screenshot.screenshot_folder", lambda: not_a_folder)
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        said = await take_screenshot_from_the_palette(pilot, demo_app)
        assert demo_app.is_running
    failed = [m for m in said if "Could not save" in m]
    assert failed and str(not_a_folder) in failed[0], said
    assert "part of the path is a file, not a folder" in failed[0]
