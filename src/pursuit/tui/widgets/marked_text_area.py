"""Text areas for notes and drafts: a keystroke costs the same in a long text as in a short one.

Textual's TextArea draws a soft-wrapped line one screen row at a time, and for each row it
styles the whole line and cuts it into every one of its rows, then keeps one: a paragraph of
10,000 characters was cut into some ninety pieces ninety times per frame, so each key cost
more the longer the paragraph grew. Here a line is cut once per frame (the cut is kept while
the line and its styles are unchanged), a row is drawn again only when what it shows has
changed, and the draft's unfilled `[markers]` are styled on the line as it is drawn rather
than by re-scanning the whole text after every edit.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip
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
        self._rows: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)

    def get_line(self, line_index: int) -> Text:
        return _Line(self.document.get_line(line_index), self._cuts)

    def marks_between(self, line: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The styled stretches of LINE within [START, END), from START: none here."""
        return ()

    def notify_style_update(self) -> None:
        self._rows.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        """A screen row, drawn again only when what it shows has changed.

        Textual keeps a row while the cursor stays put, and forgets every row at each edit:
        each key drew the whole screen again, every row of a long paragraph included. Here
        a row is kept by what it shows (its line's text and its place in it, and the cursor
        and selection only where they touch its line), so a key draws the rows it changed.
        """
        document = self.document
        if document.line_count == 1 and not document.get_line(0):
            return super().render_line(y)  # empty: the placeholder, Textual's way
        wrapped = self.wrapped_document
        scroll_x, scroll_y = self.scroll_offset
        try:
            line_index, section = wrapped._offset_to_line_info[scroll_y + y]
        except IndexError:
            return super().render_line(y)  # below the text: blank rows
        line = document.get_line(line_index)
        offsets = wrapped.get_offsets(line_index)
        selection = self.selection
        top, bottom = sorted(selection)
        bracket = self._matching_bracket_location
        touched = top[0] <= line_index <= bottom[0] or (bracket and bracket[0] == line_index)
        plain_cursor = selection.start == selection.end and not bracket and not self.suggestion
        if "\t" in line or (touched and not plain_cursor):
            # Tabs take their width from where they are; a selection or a bracket pair
            # from columns anywhere in the line: the row goes with its whole line then.
            shown: tuple[object, ...] = (line, section, tuple(offsets), selection, bracket)
            touched = True
        else:
            # Otherwise a row shows its own stretch of the line, and the cursor if it is in
            # it: typing at the end of a paragraph leaves the rows above it as they were.
            bounds = [0, *offsets, len(line)]
            start, end = bounds[section], bounds[section + 1]
            last = section == len(bounds) - 2
            column = selection.end[1]
            inside = start <= column < end or (last and column == end)
            shown = (
                line[start:end],
                last,
                self.marks_between(line, start, end),
                column - start if touched and inside else None,
            )
        key = (
            shown,
            section == 0 if self.show_line_numbers else None,
            line_index if self.show_line_numbers else None,
            (self._draw_cursor, self._has_cursor) if touched else None,
            self.size,
            self.scrollable_content_region.size,
            self.virtual_size.width,
            scroll_x,
            self.theme,
            self.soft_wrap,
            self.indent_width,
            self.highlight_cursor_line,
            self.match_cursor_bracket,
            self.read_only,
            self.show_cursor,
            self.has_focus,
        )
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = self._render_line(y)
        return row


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

    def marks_between(self, line: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
        return tuple(
            (max(a, start) - start, min(b, end) - start)
            for a, b in self.markers(line)
            if a < end and b > start
        )

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end in self.markers(self.document.get_line(line_index)):
            line.stylize(MARKER_STYLE, start, end)
        return line
