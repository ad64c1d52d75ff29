"""Soft wrapping that, after an edit, wraps again only the rows the edit can have moved.

Textual's WrappedDocument wraps an edited line again from its first character: a key typed in
a paragraph of 10,000 characters walked all of its words. Wrapping is greedy, so a row that
starts where a word starts depends only on the text from there on. After an edit, the rows
before it keep their breaks (up to the last one whose first word the edit did not touch), the
wrap starts again from there, and it stops as soon as it breaks where the old wrap broke in
the unchanged text after the edit: from there on the old breaks hold, moved by the length
the edit added or took away. A few rows are wrapped per key, however long the paragraph
(unless the edit moves the break of every row after it: those rows are all wrapped again once,
as Textual did).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from textual._wrap import compute_wrap_offsets
from textual.document._document import DocumentBase, Location
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths
from textual.geometry import clamp

#: Where a word starts after a space: the start of one of the wrap's "chunks" (a word and the
#: spaces after it), as textual._wrap cuts them.
_WORD_START = re.compile(r"\s\S")
_CHUNK = re.compile(r"\S+\s*|\s+")

#: Characters walked by the wrap after each edit, for the tests that keep it from growing.
work = {"wrapped": 0}


def common_prefix(a: str, b: str, limit: int) -> int:
    """How many characters A and B share at their start, at most LIMIT."""
    if a[:limit] == b[:limit]:
        return limit
    low, high = 0, limit  # a[:low] == b[:low] and a[:high] != b[:high]
    while high - low > 1:
        middle = (low + high) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle
    return low


def common_suffix(a: str, b: str, limit: int) -> int:
    """How many characters A and B share at their end, at most LIMIT."""
    if not limit or a[len(a) - limit :] == b[len(b) - limit :]:
        return limit
    low, high = 0, limit
    while high - low > 1:
        middle = (low + high) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle
    return low


def _word_start(line: str, at: int) -> bool:
    return 0 < at < len(line) and line[at - 1].isspace() and not line[at].isspace()


def _wrap(line: str, start: int, end: int, width: int, tab_width: int) -> list[int]:
    work["wrapped"] += end - start
    return [start + b for b in compute_wrap_offsets(line[start:end], width, tab_width)]


def rewrap(
    line: str,
    width: int,
    tab_width: int,
    before: tuple[str, list[int]] | None,
    after: tuple[str, list[int]] | None,
) -> list[int]:
    """The breaks of LINE wrapped at WIDTH, as compute_wrap_offsets gives them.

    BEFORE is an old line (its text and breaks) that LINE may start as; AFTER one that LINE
    may end as (the same line, for an edit within one line).
    """
    if not width or "\t" in line:
        # A tab's width comes from its column in the whole line: wrapped whole, Textual's way.
        return compute_wrap_offsets(
            line, width, tab_width, precomputed_tab_sections=get_tab_widths(line, tab_width)
        )
    kept: list[int] = []
    restart = shared = 0
    if before is not None:
        old, old_breaks = before
        shared = common_prefix(line, old, min(len(line), len(old)))
        # The last old break whose first word ends before the edit: it stands, and so does
        # every break before it. (The word must end before the edit, not at it: a letter
        # typed onto its end could make it fit on the row above.)
        index = bisect_left(old_breaks, shared) - 1
        while index >= 0:
            at = old_breaks[index]
            word = _CHUNK.match(line, at)
            if _word_start(line, at) and word is not None and word.end() < shared:
                kept, restart = old_breaks[: index + 1], at
                break
            index -= 1
    # The unchanged text after the edit: LINE[moved:] is OLD[was:].
    moved = was = len(line)
    later: list[int] = []
    if after is not None:
        old, later = after
        # Within one line, what the start and the end share is counted once.
        limit = min(len(line), len(old)) - (shared if before is not None and before is after else 0)
        tail = common_suffix(line, old, limit)
        moved, was = len(line) - tail, len(old) - tail
    reach = 2 * width
    while True:
        # The wrap of a stretch that ends where a word starts is the start of the whole
        # line's wrap: every break it makes is decided by words it holds in full.
        target = max(restart, moved) + reach
        found = _WORD_START.search(line, target - 1) if target < len(line) else None
        end = found.start() + 1 if found is not None else len(line)
        breaks = _wrap(line, restart, end, width, tab_width)
        if end == len(line):
            return kept + breaks
        for i, at in enumerate(breaks):
            # A row that starts with a word of the unchanged text, where a row started
            # before the edit: the rows after it are the old ones, moved.
            if at > moved and _word_start(line, at):
                old_at = at - moved + was
                j = bisect_left(later, old_at)
                if j < len(later) and later[j] == old_at:
                    shift = moved - was
                    return kept + breaks[: i + 1] + [b + shift for b in later[j + 1 :]]
        # Not yet: on from the stretch's last row that starts with a word (a row of its own,
        # whatever came before), so that no row is wrapped twice but that one; and further
        # each time, as the rows moved so far say more are to come.
        starts = [i for i, at in enumerate(breaks) if _word_start(line, at)]
        if starts:
            kept += breaks[: starts[-1] + 1]
            restart = breaks[starts[-1]]
        reach *= 2


class WrappedText(WrappedDocument):
    """Textual's WrappedDocument, wrapping after an edit only the rows it can have moved."""

    @classmethod
    def taking_over(cls, wrapped: WrappedDocument, document: DocumentBase) -> WrappedText:
        """DOCUMENT wrapped as WRAPPED has just wrapped its lines, without wrapping it again."""
        assert document.lines == wrapped.document.lines
        taken = cls.__new__(cls)
        taken.__dict__.update(wrapped.__dict__)
        taken.document = document
        taken._wrapped_lines = list(document.lines)
        return taken

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        super().wrap(width, tab_width)
        # The lines as wrapped, next to their breaks: what an edit is compared with.
        self._wrapped_lines = list(self.document.lines)

    @property
    def height(self) -> int:
        # Textual adds up the rows of every line, and asks once per row drawn.
        return len(self._offset_to_line_info)

    def get_sections(self, line_index: int) -> list[str]:
        # Textual cuts the line with Rich's Text.divide to find the cursor's row.
        line = self.document[line_index]
        bounds = [0, *self._wrap_offsets[line_index], len(line)]
        return [line[a:b] for a, b in pairwise(bounds)]

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        """Textual's wrap_range, with each line's breaks from `rewrap`."""
        old_max = len(self._line_index_to_offsets) - 1
        new_max = self.document.line_count - 1
        top = clamp(start[0], 0, min(old_max, new_max))
        old_bottom = clamp(old_end[0], 0, old_max)
        new_bottom = clamp(new_end[0], 0, new_max)
        new_bottom = max(top, new_bottom)
        top, old_bottom = sorted((top, old_bottom))

        top_y = self._line_index_to_offsets[top][0]
        old_bottom_y = self._line_index_to_offsets[old_bottom][-1]
        first = (self._wrapped_lines[top], self._wrap_offsets[top])
        last = (self._wrapped_lines[old_bottom], self._wrap_offsets[old_bottom])
        new_lines = self.document.lines[top : new_bottom + 1]

        wrap_offsets: list[list[int]] = []
        line_offsets: list[list[int]] = []
        line_info: list[tuple[int, int]] = []
        tab_widths: list[list[int]] = []
        y = top_y
        for index, line in enumerate(new_lines, top):
            breaks = rewrap(
                line,
                self._width,
                self._tab_width,
                first if index == top else None,
                (first if old_bottom == top else last) if index == new_bottom else None,
            )
            tab_widths.append(
                [w for _, w in get_tab_widths(line, self._tab_width)]
                if "\t" in line
                else [0] * bool(line)
            )
            wrap_offsets.append(breaks)
            rows = list(range(y, y + len(breaks) + 1))
            line_offsets.append(rows)
            line_info.extend((index, section) for section in range(len(rows)))
            y += len(rows)

        self._offset_to_line_info[top_y : old_bottom_y + 1] = line_info
        self._line_index_to_offsets[top : old_bottom + 1] = line_offsets
        self._tab_width_cache[top : old_bottom + 1] = tab_widths
        self._wrap_offsets[top : old_bottom + 1] = wrap_offsets
        self._wrapped_lines[top : old_bottom + 1] = new_lines

        row_shift = len(line_info) - (old_bottom_y - top_y + 1)
        line_shift = new_bottom - old_bottom
        if line_shift:
            infos = self._offset_to_line_info
            for row in range(top_y + len(line_info), len(infos)):
                index, section = infos[row]
                infos[row] = (index + line_shift, section)
        if row_shift:
            offsets = self._line_index_to_offsets
            for index in range(top + len(new_lines), len(offsets)):
                offsets[index] = [row + row_shift for row in offsets[index]]
