"""Every follow-up row reads at 4.5:1 or better, in every theme the app offers and under NO_COLOR.

Measured on what the app draws: the compositor's final lines (after Textual's NO_COLOR and
ANSI filters), each character's colour against its own background, by WCAG relative luminance.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color
from rich.segment import Segment
from rich.terminal_theme import TerminalTheme
from textual.pilot import Pilot

from pursuit.domain.clock import FixedClock
from pursuit.domain.moments import to_db
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.widgets.application_table import ApplicationTable

from .conftest import SIZE, settle

#: WCAG AA for normal text.
LEAST = 4.5


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours(segment: Segment, terminal: TerminalTheme) -> tuple[tuple[int, int, int], ...]:
    """The text's and the background's colour as the terminal shows them."""
    style = segment.style
    assert style is not None
    fg = (style.color or Color.default()).get_truecolor(terminal, foreground=True)
    bg = (style.bgcolor or Color.default()).get_truecolor(terminal, foreground=False)
    fore, back = (tuple(fg), tuple(bg))
    if style.reverse:
        fore, back = back, fore
    if style.dim:
        # A terminal draws faint text about halfway to its background.
        fore = tuple((f + b) // 2 for f, b in zip(fore, back, strict=True))
    return fore, back  # type: ignore[return-value]


def low_contrast(pilot: Pilot, selector: str, where: str) -> list[str]:
    """Each run of text in the widget SELECTOR that reads below LEAST, with its ratio."""
    app = pilot.app
    widget = app.screen.query_one(selector)
    region = widget.content_region
    terminal = app.ansi_theme_dark if app.current_theme.dark else app.ansi_theme_light
    strips = app.screen._compositor.render_strips()
    found = []
    for y in range(region.y, region.bottom):
        line = strips[y].crop(region.x, region.right)
        for segment in line:
            text = segment.text.strip()
            if not text:
                continue
            fore, back = colours(segment, terminal)
            ratio = contrast(fore, back)
            if ratio < LEAST:
                found.append(f"{app.theme}: {where} {text!r} {ratio:.1f}:1")
    return found


async def set_theme(pilot: Pilot, theme: str) -> None:
    pilot.app.theme = theme
    await settle(pilot)
    await pilot.pause()


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_every_row_reads_in_every_theme(
    db_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        # Textual reads it once, as the app is made.
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = PursuitApp(db_path, clock, demo=True, tick_seconds=3600)
    assert app.no_color is no_color
    themes = sorted(app.available_themes)
    assert len(themes) > 10
    found: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PipelineScreen)
        # Without colour the marker says the state: `!` overdue, `•` due (the README's legend).
        table = app.screen.query_one("#pipeline", ApplicationTable)
        marks = {"overdue": "!", "due": "•"}
        for index, entry in enumerate(table.rows):
            cells = table.cells(index)
            state = entry.state(to_db(clock.now()))
            if state in marks and not cells[3].startswith("Prepare"):
                assert cells[4].startswith(marks[state]), (entry, cells)
        for theme in themes:
            await set_theme(pilot, theme)
            found += low_contrast(pilot, "#pipeline", "pipeline")
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        for theme in themes:
            await set_theme(pilot, theme)
            found += low_contrast(pilot, "#today-due", "Today")
            found += low_contrast(pilot, "#today-interviews", "Today's interviews")
    shown = "\n".join(found[:40])
    assert not found, f"{len(found)} runs of text below {LEAST}:1, the first:\n{shown}"
