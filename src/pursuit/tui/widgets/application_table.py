"""The pipeline's table: draws only the lines on screen, whatever the number of applications.

Textual's DataTable builds every row up front (about 13 s for 100,000); this widget holds a
sequence of light entries and renders a line when the compositor asks for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pursuit.domain.localzone import local_tz
from pursuit.domain.pipeline import Coming, Entry
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.legible import state_style
from pursuit.tui.pipeline_cells import COLUMNS, Moment, column_widths, row_cells
from pursuit.tui.screens.base import pursuit_of
from pursuit.tui.widgets.application_table_css import TABLE_CSS

#: A count at the end of a cell, such as a checklist's " (2/22)".
COUNT = re.compile(r" \(\d+/\d+\)$")


def fit(text: str, width: int) -> str:
    """TEXT padded or cut (with an ellipsis) to exactly WIDTH cells, controls shown as pictures.

    Every cell of the table passes here: a stored name never reaches the terminal as a
    control sequence (an OSC 52 in a company name would write the clipboard at every frame).
    """
    text = for_terminal(text)
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    # "Prepare onsite (2/22)": the count is what changes, so the words give way to it.
    count = COUNT.search(text) if text.endswith(")") else None
    if count is not None and cell_len(count[0]) + 2 <= width:
        tail = count[0]
        words = text[: count.start()].split()
        # Whole words first ("Prepare (2/22)"); a word is cut only when the first does not fit.
        while len(words) > 1 and cell_len(" ".join(words) + tail) > width:
            words.pop()
        if cell_len(" ".join(words) + tail) <= width:
            return set_cell_size(" ".join(words) + tail, width)
        return set_cell_size(text[: count.start()], width - cell_len(tail) - 1) + "…" + tail
    return set_cell_size(text, width - 1) + "…"


class ApplicationTable(ScrollView, can_focus=True):
    """Applications a line each under a header that sorts when clicked."""

    DEFAULT_CSS = TABLE_CSS
    COMPONENT_CLASSES = {
        "application-table--header",
        "application-table--even-row",
        "application-table--cursor",
    }
    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "open", "Open", show=False, tooltip="Open the selected application"),
    ]

    # Not repaint=True: watch_cursor redraws the two lines that changed, not all of them.
    cursor: reactive[int] = reactive(0, init=False, repaint=False)

    class Opened(Message):
        """Enter, or a click on the selected line: open this application."""

        def __init__(self, app_id: int) -> None:
            super().__init__()
            self.app_id = app_id

    class SortClicked(Message):
        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[Entry] = ()
        self._widths: tuple[int, dict[str, int]] = (0, column_widths(80))
        self.sort_column = "due"
        self.sort_reverse = False
        self._coming_by_id: dict[int, Coming] = {}
        self.now: datetime | None = None
        self._moment: Moment | None = None
        self._looks: tuple[Style, Style, Style] | None = None
        self._state_looks: dict[str, Style] = {}
        self._cache: dict[tuple[object, ...], Strip] = {}
        #: What each screen line showed when drawn: a tick redraws only the lines that moved.
        self._drawn: dict[int, tuple[object, ...]] = {}

    # --- what is shown ---------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def selected(self) -> Entry | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def show(self, rows: Sequence[Entry], select: Entry | None = None) -> None:
        """Show ROWS, keeping the cursor on SELECT when it is among them."""
        # The drawn lines are kept: each is keyed by its entry (an object a reload replaces),
        # so lines that stay on screen as the filter narrows are not drawn again.
        self.rows = rows
        self._size_to_rows()
        index = 0
        if select is not None:
            # Usually the line under the cursor stays near where it was: look there first.
            near = range(max(0, self.cursor - 50), min(len(rows), self.cursor + 50))
            index = next((i for i in near if rows[i] is select), -1)
            if index < 0:
                # Elsewhere (a new order): found in C, not in a Python loop over every line.
                try:
                    index = rows.index(select)
                except ValueError:
                    index = 0
        self.set_reactive(ApplicationTable.cursor, min(index, max(0, len(rows) - 1)))
        self._scroll_to_cursor()
        self.refresh()

    def cells(self, index: int) -> list[str]:
        """The texts of line INDEX as they read on screen (for tests and screen readers)."""
        entry = self.rows[index]
        cells = row_cells(entry, self._at(), self._coming(entry))
        return [text for text, _style in cells]

    def restyle(self, now: datetime) -> None:
        """The clock moved: redraw the lines on screen whose state or day changed."""
        self.now = now
        self._moment = None
        top = int(self.scroll_y)
        for y in range(1, min(len(self.rows) - top + 1, self.size.height)):
            if self._drawn.get(y) != self._line_key(top + y - 1):
                self.refresh_row(top + y - 1)

    def refresh_row(self, index: int) -> None:
        y = index - int(self.scroll_y) + 1
        if 0 < y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    # --- geometry --------------------------------------------------------------------------

    @property
    def widths(self) -> dict[str, int]:
        """Each column's width at the table's width now (worked out again when it changes)."""
        width = self.scrollable_content_region.width
        if width and width != self._widths[0]:
            self._widths = (width, column_widths(width))
        return self._widths[1]

    def _size_to_rows(self) -> None:
        # No width: the lines fit whatever width the table has, and a virtual size that
        # followed it would lay the screen out again after the first frame.
        new, old = Size(0, len(self.rows) + 1), self.virtual_size
        if new == old:
            return
        window = self.container_size.height
        if old.height and (old.height > window) == (new.height > window):
            # The scroll bar stays (or stays away): only its thumb changes. Setting the
            # virtual size would lay the whole screen out again, at every filter keystroke.
            self.set_reactive(ApplicationTable.virtual_size, new)
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.window_virtual_size = new.height
            self.scroll_y = self.validate_scroll_y(self.scroll_y)
            return
        self.virtual_size = new

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = int(self.scroll_y)
        page = self._page()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + page:
            self.scroll_to(y=self.cursor - page + 1, animate=False, immediate=True)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self._scroll_to_cursor()

    # --- drawing ---------------------------------------------------------------------------

    def _at(self) -> Moment:
        now = self.now or pursuit_of(self).clock.now()
        if self._moment is None or self._moment.now != now:
            self._moment = Moment(now, local_tz())
        return self._moment

    @property
    def coming(self) -> dict[int, Coming]:
        """Each application's next interview (its line says to get ready for it)."""
        return self._coming_by_id

    @coming.setter
    def coming(self, coming: dict[int, Coming]) -> None:
        self._coming_by_id = coming
        self._cache.clear()

    def _coming(self, entry: Entry) -> Coming | None:
        return self._coming_by_id.get(entry.id)

    def _line_key(self, index: int) -> tuple[object, ...]:
        entry = self.rows[index]
        at = self._at()
        return (
            entry,
            entry.state(at.stored),
            at.today,
            index % 2,
            index == self.cursor,
            self.has_focus,
            self.scrollable_content_region.width,
        )

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header(width)
        index = int(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        key = self._line_key(index)
        self._drawn[y] = key
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > 500:
                self._cache.clear()
            strip = self._cache[key] = self._line(index, width)
        return strip

    def _styles(self) -> tuple[Style, Style, Style]:
        """The plain line's, the even line's and the cursor's styles, as the CSS has them now."""
        if self._looks is None:
            base = self.rich_style
            self._looks = (
                base,
                base + self.get_component_rich_style("application-table--even-row"),
                self.get_component_rich_style("application-table--cursor"),
            )
        return self._looks

    def _state_look(self, spec: str) -> Style:
        """SPEC's theme colours, made to read on both the plain and the even lines."""
        look = self._state_looks.get(spec)
        if look is None:
            plain, even, _cursor = self._styles()
            backs = [Color.from_rich_color(s.bgcolor) for s in (plain, even) if s.bgcolor]
            look = self._state_looks[spec] = state_style(self.app, spec, backs)
        return look

    def _line(self, index: int, width: int) -> Strip:
        entry = self.rows[index]
        plain, even, cursor_style = self._styles()
        base = even if index % 2 else plain
        cursor = cursor_style if index == self.cursor else None
        segments = []
        widths = self.widths
        cells = row_cells(entry, self._at(), self._coming(entry))
        looks: dict[str, Style] = {}
        for (text, style), (key, _title, _w) in zip(cells, COLUMNS, strict=True):
            if not widths[key]:
                continue  # left out at this width
            look = looks.get(style)
            if look is None:
                look = base + self._state_look(style) if style else base
                if cursor is not None:
                    look += cursor
                looks[style] = look
            segments.append(Segment(f" {fit(text, widths[key])} ", look))
        return Strip(segments).adjust_cell_length(width, base + cursor if cursor else base)

    def _header(self, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style("application-table--header")
        segments = []
        widths = self.widths
        for key, title, _w in COLUMNS:
            if not widths[key]:
                continue
            if key == self.sort_column:
                # The arrow is what says how the list is sorted: the title gives way to it.
                arrow = " ↑" if self.sort_reverse else " ↓"
                title = fit(title, max(1, widths[key] - len(arrow))).rstrip() + arrow
            segments.append(Segment(f" {fit(title, widths[key])} ", style))
        return Strip(segments).adjust_cell_length(width, style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._looks = None
        self._state_looks = {}

    def on_focus(self) -> None:
        self._looks = None
        self.refresh()

    def on_blur(self) -> None:
        self._looks = None
        self.refresh()

    # --- keys and mouse --------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self.selected.id))

    def column_at(self, x: int) -> str | None:
        edge = 0
        widths = self.widths
        for key, _title, _w in COLUMNS:
            if not widths[key]:
                continue
            edge += widths[key] + 2
            if x < edge:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self.column_at(offset.x)
            if column is not None:
                self.post_message(self.SortClicked(column))
            return
        index = int(self.scroll_y) + offset.y - 1
        if index >= len(self.rows):
            return
        if index == self.cursor:
            self.action_open()
        else:
            self.cursor = index
