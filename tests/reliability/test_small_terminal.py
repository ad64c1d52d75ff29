"""The real app in an 80x24 terminal with NO_COLOR=1: everything on the line, overdue readable."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.support.processes import Children, pursuit_argv
from tests.support.terminal import start_in_pty

SGR = re.compile(rb"\x1b\[([0-9;]*)m")
#: Every other escape (cursor moves and the like): not text a person sees.
OTHER = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-ln-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07"
)


def luminance(rgb: tuple[int, ...]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours_of(raw: bytes, text: bytes) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The (text, background) truecolour each time TEXT was drawn, from the SGR codes before it."""
    fg: tuple[int, ...] | None = None
    bg: tuple[int, ...] | None = None
    found = []
    pos = 0
    for match in SGR.finditer(raw):
        run = OTHER.sub(b"", raw[pos : match.start()])
        if text in run and fg is not None and bg is not None:
            found.append((fg, bg))
        codes = [int(c) if c else 0 for c in match.group(1).split(b";")]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                fg = bg = None
            elif code in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                rgb = tuple(codes[i + 2 : i + 5])
                fg, bg = (rgb, bg) if code == 38 else (fg, rgb)
                i += 4
            i += 1
        pos = match.end()
    return found


@pytest.mark.slow
def test_an_80x24_terminal_without_colour(tmp_path: Path, children: Children) -> None:
    app, screen = start_in_pty(
        children,
        pursuit_argv("app", str(tmp_path / "small.db"), "--demo", "--tick", "3600"),
        size=(24, 80),
        env={"COLORTERM": "truecolor", "NO_COLOR": "1"},
    )
    try:
        screen.wait_for(lambda: "q Quit" in screen.text(), "the pipeline's footer")
        screen.wait_for(lambda: "9Gho 1" in screen.text(), "Ghosted on the stage bar")
        screen.wait_for(lambda: "Northwind Analyt" in screen.text(), "a company named in full")
        screen.wait_for(lambda: b"Mon 16 Nov" in bytes(screen.raw), "the overdue check-in")
        # Pinecrest's overdue reply (Quarry's, the first row, is under the cursor).
        drawn = colours_of(bytes(screen.raw), b"! Mon 16 Nov")
        assert drawn, "the overdue row's colours"
        for fg, bg in drawn:
            assert contrast(fg, bg) >= 4.5, (fg, bg)
        screen.keys("\x11")
        app.wait(timeout=30)
    finally:
        os.close(screen.leader)
