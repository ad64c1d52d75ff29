"""A key in a long note or draft does the work a key does in a short one: it wraps a few rows
again, repaints the rows it changed, and searches for markers only in the lines it changed.
And what it shows stays what Textual's own TextArea shows. Counted, not timed."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from rich.console import Console
from rich.segment import ControlType
from textual import events
from textual.app import App
from textual.document import _wrapped_document
from textual.widgets import TextArea

from pursuit.domain.clock import FixedClock
from pursuit.domain.messages import markers_in
from pursuit.tui.app import PursuitApp

from .conftest import settle
from .test_writing_area import SENTENCE, Editor, paragraph

if TYPE_CHECKING:
    from pursuit.tui.screens.draft import DraftRequest

WIDTH = 100  # the editors' size below: (WIDTH, 30)
LINE = "Asked about the on-call rota and pay.\n"


def short_lines(length: int) -> str:
    return (LINE * (length // len(LINE) + 1))[:length]


def prose(length: int) -> str:
    """One paragraph of LENGTH characters of words of every length, as people write them."""
    rng = random.Random(length)
    words = [*SENTENCE.split(), "I", "a", "interviewed"]
    text = ""
    while len(text) < length:
        text += rng.choice(words) + rng.choice([" ", " ", " ", ", "])
    return text[:length]


# --- what reaches the terminal -----------------------------------------------------------------


class Terminal:
    """The screen as the app's updates leave it: each update written over the last."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cells: dict[tuple[int, int], tuple[str, object]] = {}
        self.rows_written: list[set[int]] = []
        display = App._display
        console = Console()
        terminal = self

        def recording_display(app: App[Any], screen: object, update: Any) -> None:
            if update is not None:
                terminal.write(update, console)
            display(app, screen, update)

        monkeypatch.setattr(App, "_display", recording_display)

    def write(self, update: Any, console: Console) -> None:
        x = y = 0
        rows = set()
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            if segment.text == "\n":
                continue
            for character in segment.text:
                self.cells[(x, y)] = (character, segment.style)
                rows.add(y)
                x += 1
        self.rows_written.append(rows)

    def screen(self) -> dict[tuple[int, int], tuple[str, object]]:
        return dict(self.cells)


async def repainted_whole(area: TextArea, pilot: Any) -> None:
    """Paint AREA afresh from nothing: no row kept, by us or by Textual."""
    rows = getattr(area, "_rows", None)
    if rows is not None:
        rows.clear()
    area._line_cache.clear()
    area.refresh()
    await pilot.pause()


# --- the keys --------------------------------------------------------------------------------

PASTED = "Pasted, over two lines:\nthe second [their name] and more."

#: Typing in the middle of a long wrapped paragraph, splitting and joining lines, deleting
#: across lines, pasting, undo and redo, moving by rows of the wrap, and selecting.
KEYS = [
    *"abc",
    "space",
    *"de",
    "backspace",
    "backspace",
    "ctrl+w",
    "enter",
    *"xy",
    "up",
    "up",
    "end",
    "delete",
    "down",
    "down",
    "home",
    "shift+down",
    "shift+down",
    "shift+right",
    "delete",
    ("paste", PASTED),
    "ctrl+z",
    "ctrl+z",
    "ctrl+y",
    "ctrl+left",
    "ctrl+shift+right",
    "Q",
    "pageup",
    "pagedown",
    "ctrl+k",
    "ctrl+z",
    "ctrl+z",
    "ctrl+z",
]

TEXT = (
    paragraph(1_500).replace("rota", "[their name]")
    + "\nShort line.\n\tA tab, then [specific detail] and more.\n"
    + paragraph(900)
    + "\n"
    + short_lines(400)
)


async def press(pilot: Any, area: TextArea, key: str | tuple[str, str]) -> None:
    if isinstance(key, tuple):
        area.post_message(events.Paste(key[1]))
    else:
        await pilot.press(key)
    await pilot.pause()


def state(area: TextArea) -> tuple[object, ...]:
    wrapped = area.wrapped_document
    return (
        area.text,
        area.selection,
        area.cursor_screen_offset,
        area.scroll_offset,
        wrapped._wrap_offsets,
        wrapped._offset_to_line_info,
        wrapped._line_index_to_offsets,
        wrapped._tab_width_cache,
        wrapped.height,
        [wrapped.get_sections(i) for i in range(area.document.line_count)],
    )


async def states_after_keys(area: TextArea) -> list[tuple[object, ...]]:
    async with Editor(area).run_test(size=(WIDTH, 30)) as pilot:  # type: ignore[arg-type]
        area.cursor_blink = False
        area.focus()
        area.move_cursor((0, 700))
        await pilot.pause()
        states = [state(area)]
        for key in KEYS:
            await press(pilot, area, key)
            states.append(state(area))
    return states


@pytest.mark.parametrize("kind", ["WritingArea", "MarkedTextArea"])
async def test_every_key_leaves_the_text_cursor_and_wrap_as_textual_leaves_them(kind: str):
    from pursuit.tui.widgets import marked_text_area

    ours = await states_after_keys(getattr(marked_text_area, kind)(TEXT, soft_wrap=True))
    textual = await states_after_keys(TextArea(TEXT, soft_wrap=True))
    for key, mine, theirs in zip(["(opened)", *KEYS], ours, textual, strict=True):
        assert mine == theirs, key


@pytest.mark.parametrize("kind", ["WritingArea", "MarkedTextArea"])
async def test_what_the_terminal_shows_after_each_key_is_the_area_painted_afresh(
    kind: str, monkeypatch: pytest.MonkeyPatch
):
    from pursuit.tui.widgets import marked_text_area

    terminal = Terminal(monkeypatch)
    area = getattr(marked_text_area, kind)(TEXT, soft_wrap=True)
    async with Editor(area).run_test(size=(WIDTH, 30)) as pilot:
        area.cursor_blink = False
        area.focus()
        area.move_cursor((0, 700))
        await pilot.pause()
        for key in KEYS:
            await press(pilot, area, key)
            shown = terminal.screen()
            await repainted_whole(area, pilot)
            assert terminal.screen() == shown, key


# --- the work per key --------------------------------------------------------------------------


@pytest.fixture
def wrapped_characters(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The characters each call of Textual's wrapping walked, wherever it is called from."""
    import importlib

    from textual import _wrap

    walked: list[int] = []
    compute = _wrap.compute_wrap_offsets

    def counting(text: str, *args: Any, **kwargs: Any) -> list[int]:
        walked.append(len(text))
        return compute(text, *args, **kwargs)

    monkeypatch.setattr(_wrapped_document, "compute_wrap_offsets", counting)
    try:
        ours = importlib.import_module("pursuit.tui.widgets.wrapping")
    except ImportError:  # before there was one
        pass
    else:
        monkeypatch.setattr(ours, "compute_wrap_offsets", counting)
    yield walked


async def typed_in(area: TextArea, where: tuple[int, int], keys: str, terminal: Terminal | None):
    async with Editor(area).run_test(size=(WIDTH, 30)) as pilot:  # type: ignore[arg-type]
        area.cursor_blink = False
        area.focus()
        area.move_cursor(where)
        await pilot.pause()
        if terminal is not None:
            terminal.rows_written.clear()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        return area.text


@pytest.mark.parametrize("where", ["start", "middle", "end"])
async def test_a_key_in_a_long_paragraph_wraps_a_few_rows_again(
    where: str, wrapped_characters: list[int]
):
    from pursuit.tui.widgets.marked_text_area import WritingArea

    text = prose(10_000)
    column = {"start": 3, "middle": 5_000, "end": 10_000}[where]
    area = WritingArea(text, soft_wrap=True)
    keys = "northwind platform"
    async with Editor(area).run_test(size=(WIDTH, 30)) as pilot:
        area.cursor_blink = False
        area.focus()
        area.move_cursor((0, column))
        await pilot.pause()
        per_key = []
        for key in keys:
            wrapped_characters.clear()
            await pilot.press("space" if key == " " else key)
            await pilot.pause()
            per_key.append(sum(wrapped_characters))
        assert area.text == text[:column] + keys + text[column:]
    # Textual wrapped the whole paragraph again at each key: 10,000 characters. Here a key
    # wraps the rows around it, and then the rows below for as long as their words move (in
    # prose, now and then, a word pushed down moves some rows after it): never more than once.
    assert sorted(per_key)[len(per_key) // 2] <= 3 * WIDTH, per_key
    assert max(per_key) <= len(text) + 4 * WIDTH, per_key


@pytest.mark.parametrize(
    "text", [paragraph(10_000), short_lines(10_000)], ids=["paragraph", "lines"]
)
async def test_a_key_repaints_the_rows_it_changed(text: str, monkeypatch: pytest.MonkeyPatch):
    from pursuit.tui.widgets.marked_text_area import MarkedTextArea, WritingArea

    for kind in (WritingArea, MarkedTextArea):
        terminal = Terminal(monkeypatch)
        await typed_in(kind(text, soft_wrap=True), (10_000, 10_000), "northwind", terminal)
        rows = [len(written) for written in terminal.rows_written]
        # Textual repainted the whole area (its 30 rows) at each key; a row scrolled into
        # view as the paragraph grows still moves them all, once in a while.
        assert sorted(rows)[len(rows) // 2] <= 1, rows


def test_the_incremental_wrap_breaks_lines_as_a_whole_wrap_does():
    from textual._wrap import compute_wrap_offsets

    from pursuit.tui.widgets.wrapping import rewrap

    rng = random.Random(20)
    pieces = ["a", "bc", " ", "  ", "word", "platform,", "x" * 45, "漢字", " \u3000", "-", "é"]

    def text(words: int) -> str:
        return "".join(rng.choice(pieces) for _ in range(words))

    for _ in range(3_000):
        width = rng.randint(1, 40)
        old, other = text(rng.randint(0, 300)), text(rng.randint(0, 200))
        old_wrap = (old, compute_wrap_offsets(old, width, 4))
        other_wrap = (other, compute_wrap_offsets(other, width, 4))
        a = rng.randint(0, len(old))
        b = rng.randint(a, len(old))
        # An edit within a line, and lines joined (the start of one, the end of another).
        edited = old[:a] + text(rng.randint(0, 4)) + old[b:]
        got = rewrap(edited, width, 4, old_wrap, old_wrap)
        assert got == compute_wrap_offsets(edited, width, 4), (old, edited, width)
        joined = old[:a] + text(rng.randint(0, 3)) + other[rng.randint(0, len(other)) :]
        got = rewrap(joined, width, 4, old_wrap, other_wrap)
        assert got == compute_wrap_offsets(joined, width, 4), (old, other, joined, width)


# --- the draft's markers -----------------------------------------------------------------------


def test_the_markers_kept_line_by_line_are_the_markers_of_the_whole_text():
    from pursuit.tui.widgets.marked_text_area import MarkedDocument

    rng = random.Random(7)
    pieces = ["[their name]", "[specific detail]", "{compnay}", "{company}", "[", "]", "a", "\n"]
    document = MarkedDocument("Dear [their name],\n\nThanks for {compnay}.\n")
    for _ in range(2_000):
        lines = document.lines
        top = rng.randrange(len(lines))
        bottom = rng.randrange(top, min(len(lines), top + 3))
        start = (top, rng.randint(0, len(lines[top])))
        end = (bottom, rng.randint(0, len(lines[bottom])))
        if end < start:
            start, end = end, start
        document.replace_range(start, end, "".join(rng.choices(pieces, k=rng.randint(0, 3))))
        assert document.unfilled() == markers_in(document.text)


def a_draft_of(db_path: Path, clock: FixedClock, body: str) -> DraftRequest:
    from pursuit.store.repo import Store
    from pursuit.tui.screens.draft import DraftRequest

    store = Store.open(db_path, clock)
    try:
        app_id = store.applications.add_application("Northwind", "Data Engineer")
        template = store.drafts.templates()[0]
        draft_id = store.drafts.save_draft(None, app_id, template.name, "Hello", body)
    finally:
        store.close()
    return DraftRequest(app_id, draft_id=draft_id)


async def typed_into_the_draft(
    app: PursuitApp, request: DraftRequest, keys: list[str]
) -> AsyncIterator[tuple[str, Any]]:
    """("ready", None) once the draft is open, ("typed", the status line) after each key."""
    from pursuit.tui.screens.draft import DraftEditor
    from pursuit.tui.widgets.marked_text_area import MarkedTextArea

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(DraftEditor(request))
        await settle(pilot)
        body = app.screen.query_one("#draft-body", MarkedTextArea)
        body.cursor_blink = False
        body.move_cursor(body.document.end)
        await pilot.pause()
        yield "ready", None
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            yield "typed", str(app.screen.query_one("#draft-status").render())


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The characters searched for markers, wherever they are searched from."""
    from pursuit.domain import messages
    from pursuit.tui.screens import draft
    from pursuit.tui.widgets import marked_text_area

    walked: list[int] = []

    def counting(text: str) -> list[str]:
        walked.append(len(text))
        return messages.markers_in(text)

    for module in (draft, marked_text_area):
        monkeypatch.setattr(module, "markers_in", counting, raising=False)
    return walked


async def test_a_key_in_a_long_draft_searches_for_markers_in_its_line_only(
    db_path: Path, clock: FixedClock, empty_app: PursuitApp, searched: list[int]
):
    body = short_lines(10_000).replace("pay.", "pay [specific detail].")
    request = a_draft_of(db_path, clock, body)
    per_key, statuses = [], []
    async for what, status in typed_into_the_draft(empty_app, request, [*"[their name]"]):
        if what == "typed":
            per_key.append(sum(searched))
            statuses.append(status)
        searched.clear()
    # The draft searched all its 10,000 characters again at each key, to count what is left.
    assert max(per_key) <= 2 * len(LINE) + len("[their name]"), per_key
    # And the count is right: the marker typed in is counted once it is whole.
    count = body.count("[specific detail]")
    assert f"{count} to fill in" in statuses[-2]
    assert f"{count + 1} to fill in: [specific detail], [their name]" in statuses[-1]


async def test_typing_a_letter_leaves_the_status_line_as_it_was(
    db_path: Path, clock: FixedClock, empty_app: PursuitApp, monkeypatch: pytest.MonkeyPatch
):
    from textual.widgets import Static

    updates = []
    update = Static.update

    def counting(self: Static, *args: Any, **kwargs: Any) -> None:
        if self.id == "draft-status":
            updates.append(args)
        update(self, *args, **kwargs)

    monkeypatch.setattr(Static, "update", counting)
    request = a_draft_of(db_path, clock, "Dear [their name],\n\n" + short_lines(2_000))
    per_key = []
    async for what, _status in typed_into_the_draft(empty_app, request, [*"Thanks", "enter"]):
        if what == "typed":
            per_key.append(len(updates))
        updates.clear()
    # Updating it lays the whole screen out again; it was updated, unchanged, at every key.
    assert per_key == [0] * len(per_key), per_key
