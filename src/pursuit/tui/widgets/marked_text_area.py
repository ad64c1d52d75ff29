"""Text areas for notes and drafts: a keystroke costs the same in a long text as in a short one.

Textual's TextArea draws a soft-wrapped line one screen row at a time, and for each row it
styles the whole line and cuts it into every one of its rows, then keeps one: a paragraph of
10,000 characters was cut into some ninety pieces ninety times per frame, so each key cost
more the longer the paragraph grew. Here a line is cut once per frame (the cut is kept while
the line and its styles are unchanged), and the draft's unfilled `[markers]` are styled on the
line as it is drawn rather than by re-scanning the whole text after every edit.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.widgets import TextArea

from pursuit.domain.messages import MARKERS

MARKER_STYLE = Style(color="black", bgcolor="yellow", bold=True)

#: Work done while drawing, for the tests that keep it from growing with the text: `cut`
#: counts the lines actually cut into rows, `searched` the lines searched for markers.
work = {"cut": 0, "searched": 0}


class _Line(Text):
    """One document line as it is drawn, with its cut into rows shared across the frame."""

    def __init__(self, text: str, cuts: LRUCache[tuple[object, ...], list[Text]]) -> None:
        super().__init__(text, end="", no_wrap=True)
        self._cuts = cuts

    def stylize(self, style: str | Style, start: int = 0, end: int | None = None) -> None:
        # The cursor line's background is the one style given to a whole line: it goes
        # underneath, so a marker on the cursor's line keeps its colour.
        if start == 0 and end is None:
            self.stylize_before(style)
        else:
            super().stylize(style, start, end)

    def divide(self, offsets: Iterable[int]) -> list[Text]:  # type: ignore[override]
        offsets = tuple(offsets)
        key = (self.plain, tuple(self._spans), offsets, self.style, self.end, self.tab_size)
        sections = self._cuts.get(key)
        if sections is None:
            work["cut"] += 1
            sections = list(super().divide(offsets))
            self._cuts[key] = sections
        return sections


class WritingArea(TextArea):
    """The TextArea of every note and message editor."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # A handful: the rows of one frame ask for the same few lines in turn.
        self._cuts: LRUCache[tuple[object, ...], list[Text]] = LRUCache(16)

    def get_line(self, line_index: int) -> Text:
        return _Line(self.document.get_line(line_index), self._cuts)


class MarkedTextArea(WritingArea):
    """Markers left in the text stand out, and keep standing out while it is edited."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Where the markers of a line are, by the line's text: a screenful of lines and
        # then some, so a key searches only the line it changed.
        self._marks: LRUCache[str, tuple[tuple[int, int], ...]] = LRUCache(512)

    def markers(self, plain: str) -> tuple[tuple[int, int], ...]:
        found = self._marks.get(plain)
        if found is None:
            work["searched"] += 1
            spans = []
            if "[" in plain:
                for marker in MARKERS:
                    start = plain.find(marker)
                    while start != -1:
                        spans.append((start, start + len(marker)))
                        start = plain.find(marker, start + len(marker))
            found = self._marks[plain] = tuple(spans)
        return found

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end in self.markers(self.document.get_line(line_index)):
            line.stylize(MARKER_STYLE, start, end)
        return line
