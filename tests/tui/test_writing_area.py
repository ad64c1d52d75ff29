"""Note and draft editors: the work a keystroke does does not grow with the text, and the
unfilled markers stay marked while it is edited. Counted, not timed."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from pursuit.domain.messages import MARKERS
from pursuit.tui.widgets import marked_text_area
from pursuit.tui.widgets.marked_text_area import MARKER_STYLE, MarkedTextArea, WritingArea

SENTENCE = "We spoke about the data platform, the on-call rota and the plans for next year. "
KEYS = "northwind"


def paragraph(length: int) -> str:
    return (SENTENCE * (length // len(SENTENCE) + 1))[:length]


class Editor(App[None]):
    def __init__(self, area: WritingArea) -> None:
        super().__init__()
        self.area = area

    def compose(self) -> ComposeResult:
        yield self.area


class Counted:
    """How many characters Rich cut into rows, and how many lines were searched for markers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cut = 0
        self.searched = 0
        self.drawn = 0
        divide = Text.divide
        render_row = TextArea._render_line
        counted = self

        def counting_render_row(self: TextArea, y: int) -> object:
            counted.drawn += 1
            return render_row(self, y)

        def counting_divide(self: Text, offsets: object) -> object:
            counted.cut += len(self.plain)
            return divide(self, offsets)  # type: ignore[arg-type]

        class CountingMarkers(frozenset[str]):
            def __iter__(self):  # type: ignore[no-untyped-def]
                counted.searched += 1
                return super().__iter__()

        monkeypatch.setattr(Text, "divide", counting_divide)
        monkeypatch.setattr(TextArea, "_render_line", counting_render_row)
        monkeypatch.setattr(marked_text_area, "MARKERS", CountingMarkers(MARKERS))

    def reset(self) -> None:
        self.cut = self.searched = self.drawn = 0


async def typed(area: WritingArea, counted: Counted) -> tuple[float, float]:
    """Characters cut and lines searched per key, typing at the end of AREA's text."""
    async with Editor(area).run_test(size=(120, 40)) as pilot:
        area.cursor_blink = False  # frames only from the keys
        area.focus()
        area.move_cursor(area.document.end)
        area.scroll_cursor_visible()
        await pilot.pause()
        counted.reset()
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
        assert area.text.endswith(KEYS)
    counted.rows_per_key = counted.drawn / len(KEYS)
    return counted.cut / len(KEYS), counted.searched / len(KEYS)


async def test_a_key_in_a_long_paragraph_cuts_the_line_once(monkeypatch: pytest.MonkeyPatch):
    counted = Counted(monkeypatch)
    short, _ = await typed(WritingArea(paragraph(2_000), soft_wrap=True), counted)
    long, _ = await typed(WritingArea(paragraph(10_000), soft_wrap=True), counted)
    # The edited line is cut into its rows once per frame: five times the text is about five
    # times the characters, not five times the characters on each of more rows (about 25x).
    assert long <= 6 * short, (short, long)
    # And once per frame, not once per row on screen (about 35 rows of this paragraph).
    assert long <= 6 * 10_001, long
    # Typed at its end, a key draws the paragraph's last rows again, not the whole screen.
    assert counted.rows_per_key <= 3, counted.rows_per_key


async def test_a_key_in_a_long_draft_searches_only_its_line(monkeypatch: pytest.MonkeyPatch):
    counted = Counted(monkeypatch)
    line = "Dear [their name], thank you for [specific detail].\n"
    # Typed at the end of the last line, which has markers of its own to find.
    _, few = await typed(MarkedTextArea((line * 3).rstrip(), soft_wrap=True), counted)
    _, many = await typed(MarkedTextArea((line * 300).rstrip(), soft_wrap=True), counted)
    assert few >= 1  # the edited line is searched again, so its markers are right
    assert many <= few, (few, many)


def marked_on_screen(area: WritingArea) -> list[str]:
    """The runs of text drawn in the marker's colours, row by row."""
    runs = []
    for y in range(area.size.height):
        text = "".join(
            segment.text
            for segment in area.render_line(y)
            if segment.style is not None and segment.style.bgcolor == MARKER_STYLE.bgcolor
        )
        if text:
            runs.append(text)
    return runs


async def test_markers_stay_marked_while_edited_and_on_the_cursor_line():
    area = MarkedTextArea("Dear [their name],\n\nThanks for [specific detail].\n", soft_wrap=True)
    async with Editor(area).run_test(size=(120, 40)) as pilot:
        area.focus()
        area.move_cursor((0, 0))  # the cursor's line has its own background
        await pilot.pause()
        assert marked_on_screen(area) == ["[their name]", "[specific detail]"]
        area.move_cursor((0, 16))  # inside "[their name]", after the "e"
        await pilot.press("backspace")
        await pilot.pause()
        assert area.document.get_line(0) == "Dear [their nam],"
        assert marked_on_screen(area) == ["[specific detail]"]
        await pilot.press("e")
        area.move_cursor((1, 0))  # off the "]", which the cursor would colour
        await pilot.pause()
        assert marked_on_screen(area) == ["[their name]", "[specific detail]"]


def screen_rows(area: WritingArea) -> list[list[object]]:
    return [list(area.render_line(y)) for y in range(area.size.height)]


@pytest.mark.parametrize("kind", [WritingArea, MarkedTextArea])
async def test_the_rows_kept_between_keys_are_the_rows_drawn_afresh(kind: type[WritingArea]):
    text = (
        paragraph(1_500).replace("rota", "[their name]")
        + "\nShort line.\n\tA tab, then [specific detail] and more.\n"
        + paragraph(900)
    )
    area = kind(text, soft_wrap=True)
    async with Editor(area).run_test(size=(100, 30)) as pilot:
        area.cursor_blink = False
        area.focus()
        area.move_cursor((0, 700))  # mid-paragraph: the rows after it move, those before stay
        await pilot.pause()
        # Typing, deleting across a marker, joining and splitting lines, moving, selecting.
        for key in [*"abc", "backspace", "enter", *"xy", "up", "end", "delete"]:
            await pilot.press(key)
            await pilot.pause()
            drawn = screen_rows(area)
            area._rows.clear()
            assert drawn == screen_rows(area), key
        area.move_cursor((0, 10), select=True)
        await pilot.press("shift+right")
        await pilot.pause()
        drawn = screen_rows(area)
        area._rows.clear()
        assert drawn == screen_rows(area)
