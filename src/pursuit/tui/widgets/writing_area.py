"""The text area of notes and messages: a key costs the same in a long text as in a short one.

Textual's TextArea draws a soft-wrapped line one screen row at a time, and for each row it
styled the whole line and cut it into every one of its rows, then kept one; it repainted the
whole area at each edit and each move of the cursor; and it wrapped an edited line again from
its first character. A paragraph of 10,000 characters made each key cost more the longer it
grew. Here a row is cut from its line alone, only the rows whose content changed are painted
again, and an edit is wrapped again only near where it was made (see wrapping.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import overload

from rich.style import Style
from rich.text import Span, Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.document._document import DocumentBase
from textual.document._document_navigator import DocumentNavigator
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from pursuit.tui.widgets.wrapping import WrappedText

#: Work done while drawing, for the tests that keep it from growing with the text: `cut`
#: counts the characters cut into rows, `drawn` the rows drawn, `searched` the lines searched
#: for markers (by the draft's area).
work = {"cut": 0, "searched": 0, "drawn": 0}


class _Line(Text):
    """One document line as it is drawn: cut into rows only where a row is asked for."""

    def __init__(
        self, text: str, cuts: LRUCache[tuple[object, ...], list[Text]], row: int | None
    ) -> None:
        super().__init__(text, end="", no_wrap=True)
        self._cuts = cuts
        self._row = row

    def stylize(self, style: str | Style, start: int = 0, end: int | None = None) -> None:
        # The cursor line's background is the one style given to a whole line: it goes
        # underneath, so a marker on the cursor's line keeps its colour.
        if start == 0 and end is None:
            self.stylize_before(style)
        else:
            super().stylize(style, start, end)

    def divide(self, offsets: Iterable[int]) -> Sequence[Text]:  # type: ignore[override]
        # Textual cuts the whole line into its rows to draw one of them: a row of a paragraph
        # of 10,000 characters cost the cutting of all 10,000.
        offsets = tuple(offsets)
        if "\t" not in self.plain:
            return _Rows(self, (0, *offsets, len(self.plain)), self._row)
        # Tabs: Textual reads every row before this one (to count their tabs).
        key = (self.plain, tuple(self._spans), offsets, self.style, self.end, self.tab_size)
        sections = self._cuts.get(key)
        if sections is None:
            work["cut"] += len(self.plain)
            sections = list(super().divide(offsets))
            self._cuts[key] = sections
        return sections


class _Plain:
    """A row of a line that is not the one drawn: Textual reads only its text (for tabs)."""

    def __init__(self, plain: str) -> None:
        self.plain = plain


class _Rows(Sequence[Text]):
    """The rows of a line as Rich's Text.divide makes them, each made when it is read.

    Only ROW, the row being drawn, is made in full (its text and styles): Textual reads the
    text of every row before it (to count their tabs, where there are none).
    """

    def __init__(self, line: Text, bounds: tuple[int, ...], row: int | None) -> None:
        self._line = line
        self._bounds = bounds
        self._row = row

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, index: int) -> Text: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Text]: ...
    def __getitem__(self, index: int | slice) -> Text | Sequence[Text]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        start, end = self._bounds[index], self._bounds[index + 1]
        line = self._line
        if self._row is not None and index != self._row:
            return _Plain(line.plain[start:end])  # type: ignore[return-value]
        work["cut"] += end - start
        row = Text(
            line.plain[start:end], style=line.style, justify=line.justify, overflow=line.overflow
        )
        row._spans = [
            Span(max(a, start) - start, min(b, end) - start, style)
            for a, b, style in line._spans
            if min(b, end) > max(a, start)
        ]
        return row


class WritingArea(TextArea):
    """The TextArea of every note and message editor."""

    # Textual's own undo and redo, said in pursuit's words so F1 lists them with this field's
    # keys rather than among the cursor moves (the draft takes ctrl+y for Copy, super+y stays).
    BINDINGS = [
        Binding(
            "ctrl+z,super+z",
            "undo",
            "Undo",
            show=False,
            tooltip="Take back the last change to the text",
        ),
        Binding(
            "ctrl+y,super+y",
            "redo",
            "Redo",
            show=False,
            tooltip="Put back the change undo took back",
        ),
    ]

    #: Textual's, but repainting only the rows that changed (see `_refresh_rows`).
    selection = reactive(Selection(), init=False, always_update=True, repaint=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # A handful: the rows of one frame ask for the same few lines in turn.
        self._cuts: LRUCache[tuple[object, ...], list[Text]] = LRUCache(16)
        self._rows: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        #: The key of each screen row as it was last drawn, to repaint only rows that changed.
        self._drawn: dict[int, tuple[object, ...] | None] = {}
        self._rows_to_check = False
        #: The line and row of it being drawn, while one is.
        self._drawing: tuple[int, int] | None = None

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        # Textual's document and its wrap, taken over as they are (same lines, same breaks):
        # wrapped again after each edit from near the edit, not from the start of its line.
        self.document = self.writing_document(self.document)
        self.wrapped_document = WrappedText.taking_over(self.wrapped_document, self.document)
        self.navigator = DocumentNavigator(self.wrapped_document)

    def writing_document(self, document: DocumentBase) -> DocumentBase:
        """The document to edit, in place of Textual's DOCUMENT: that one here."""
        return document

    def get_line(self, line_index: int) -> Text:
        drawing = self._drawing
        row = drawing[1] if drawing is not None and drawing[0] == line_index else None
        return _Line(self.document.get_line(line_index), self._cuts, row)

    def marks_between(self, line: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The styled stretches of LINE within [START, END), from START: none here."""
        return ()

    def notify_style_update(self) -> None:
        self._rows.clear()
        super().notify_style_update()

    def _settings(self) -> tuple[object, ...]:
        """What every row's look depends on, besides what it shows."""
        return (
            self.size,
            self.scrollable_content_region.size,
            self.virtual_size.width,
            self.scroll_offset.x,
            self.theme,
            self.soft_wrap,
            self.indent_width,
            self.highlight_cursor_line,
            self.match_cursor_bracket,
            self.read_only,
            self.show_cursor,
            self.has_focus,
        )

    def _row_key(self, y: int, settings: tuple[object, ...]) -> tuple[object, ...] | None:
        """What screen row Y shows, as a key: equal keys, equal rows. None: drawn Textual's way.

        A row is known by what it shows (its line's text and its place in it, and the cursor
        and selection only where they touch its line), not by everything on the screen: a key
        typed at the end of a paragraph leaves the rows above it as they were.
        """
        document = self.document
        if document.line_count == 1 and not document.get_line(0):
            return None  # empty: the placeholder
        wrapped = self.wrapped_document
        try:
            line_index, section = wrapped._offset_to_line_info[self.scroll_offset.y + y]
        except IndexError:
            return ("below the text", settings)
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
            # Otherwise a row shows its own stretch of the line, and the cursor if it is in it.
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
        return (
            shown,
            section == 0 if self.show_line_numbers else None,
            line_index if self.show_line_numbers else None,
            (self._draw_cursor, self._has_cursor) if touched else None,
            settings,
        )

    def render_line(self, y: int) -> Strip:
        """A screen row, drawn again only when what it shows has changed.

        Textual keeps a row while the cursor stays put, and forgets every row at each edit:
        each key drew the whole screen again, every row of a long paragraph included.
        """
        key = self._drawn[y] = self._row_key(y, self._settings())
        if key is None:
            return super().render_line(y)
        row = self._rows.get(key)
        if row is None:
            work["drawn"] += 1
            rows = self.wrapped_document._offset_to_line_info
            at = self.scroll_offset.y + y
            self._drawing = rows[at] if at < len(rows) else None
            try:
                row = self._rows[key] = self._render_line(y)
            finally:
                self._drawing = None
        return row

    # --- repainting the rows that changed ----------------------------------------------------

    def _watch_selection(self, previous: Selection, selection: Selection) -> None:
        super()._watch_selection(previous, selection)
        self._refresh_rows()

    def _refresh_rows(self) -> None:
        """Repaint the rows whose key has changed, found when the screen asks what to repaint.

        Textual repaints the whole area at each edit and each move of the cursor: every row
        went through the styles, the compositor and out to the terminal again, for one row
        that changed. (`selection` here repaints nothing itself, and calls this instead.)
        """
        if not self.is_mounted:
            return
        self._rows_to_check = True
        # What Widget.refresh does for a repaint, but for marking the whole area dirty.
        self._layout_cache.clear()
        self.clear_cached_dimensions()
        self._rich_style_cache.clear()
        self._repaint_required = True
        self.check_idle()

    def _exchange_repaint_regions(self) -> Collection[Region]:
        if self._rows_to_check:
            self._rows_to_check = False
            width = self.size.width
            settings = self._settings()
            for y in range(self.size.height):
                key = self._row_key(y, settings)
                if key is None or key != self._drawn.get(y):
                    self._set_dirty(Region(0, y, width, 1))
        return super()._exchange_repaint_regions()

    def _set_dirty(self, *regions: Region) -> None:
        if not regions:
            self._drawn.clear()  # everything is drawn again: nothing to compare with
        super()._set_dirty(*regions)
