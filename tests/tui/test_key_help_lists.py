"""F1 lists every key a screen answers to, each with what it does there (enter included)."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding
from textual.keys import key_to_character
from textual.widgets import OptionList

from pursuit.domain.stages import STAGES
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.key_help import KeyHelp
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.screens.stage_picker import StagePicker
from tests.tour import SCREENS

from .conftest import SIZE, settle


def help_lines(app: PursuitApp) -> list[str]:
    assert isinstance(app.screen, KeyHelp)
    return app.screen.query_one("#key-help-keys").render().plain.split("\n")  # type: ignore[attr-defined]


def listed(lines: list[str], key: str, what: str) -> bool:
    """Whether KEY (alone or with others, "f1 / ?") is listed as doing WHAT."""
    return any(
        key in [k.strip() for k in re.split(r" / ", line.split("  ")[0])]
        and line.split("  ")[0].strip() != line.strip()
        and what in line[len(line.split("  ")[0]) :]
        for line in lines
    )


@pytest.mark.parametrize("name", list(SCREENS))
async def test_f1_lists_each_key_of_the_screen_with_what_it_does(
    demo_app: PursuitApp, name: str
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        stop = SCREENS[name]
        await settle(pilot)
        await stop.steps(pilot)
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, stop.screen)
        focused = demo_app.focused
        # pursuit's own keys for this screen, each key of a binding on its own.
        expected = [
            (demo_app.get_key_display(Binding(key, b.action)), b.description)
            for cls in type(screen).__mro__
            if cls.__module__.startswith("pursuit")
            for b in vars(cls).get("BINDINGS", ())
            if isinstance(b, Binding) and screen.check_action(b.action, ()) is not False
            for key in b.key.split(",")
            # A letter typed in the focused field is typing ("c" in the draft's body).
            if focused is None or not focused.check_consume_key(key, key_to_character(key))
        ]
        assert expected, name
        await pilot.press("f1")
        await settle(pilot)
        lines = help_lines(demo_app)
        for key, what in expected:
            assert listed(lines, key, what), (name, key, what, lines)
        # A list's enter is said in the screen's words, not as Textual's "Select".
        if isinstance(focused, OptionList) or type(focused).__name__ == "RowTable":
            assert not listed(lines, "⏎", "Select"), (name, lines)


async def test_todays_f1_says_enter_writes_the_follow_up(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", "f1")
        await settle(pilot)
        lines = help_lines(demo_app)
        assert listed(lines, "⏎", "Write"), lines
        assert not listed(lines, "⏎", "Select"), lines


async def test_the_pipelines_f1_tells_archive_from_show_the_archive(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        lines = help_lines(demo_app)
        assert listed(lines, "x", "Archive the selected application"), lines
        assert listed(lines, "z", "Show the archive"), lines
        assert not any(line.startswith("x / z") for line in lines), lines
        assert listed(lines, "esc", "Clear filter"), lines


async def test_the_stage_pickers_numbers_are_keys_f1_lists(demo_app: PursuitApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(demo_app.screen, StagePicker)
        await pilot.press("f1")
        await settle(pilot)
        lines = help_lines(demo_app)
        for n in range(1, len(STAGES) + 1):
            assert listed(lines, str(n), "Pick by number"), lines
        await pilot.press("escape")
        await settle(pilot)
        picked: list[str | None] = []
        demo_app.push_screen(StagePicker("Move to", STAGES[0]), picked.append)
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert picked == [STAGES[2]]


def section(lines: list[str], title: str) -> list[str]:
    """The lines of the help's group TITLE, up to the blank line that ends it."""
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


async def test_the_drafts_f1_lists_undo_and_redo_with_the_fields_keys(
    demo_app: PursuitApp,
) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await SCREENS["draft"].steps(pilot)
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        lines = help_lines(demo_app)
        field = section(lines, "In this list or field")
        assert listed(field, "^z", "Take back the last change"), lines
        assert listed(field, "super+y", "Put back the change undo took back"), lines
        # ctrl+y stays the draft's Copy.
        assert listed(section(lines, "On this screen"), "^y", "Copy"), lines
