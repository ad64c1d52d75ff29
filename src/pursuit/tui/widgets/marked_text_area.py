"""The draft's text area: the unfilled `[markers]` stand out, and what is left to fill in is
counted, edit by edit, without searching the whole text again.

Markers are styled on each line as it is drawn (not by re-scanning the text after every edit),
and counted per line by the document as lines change.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.document._document import Document, DocumentBase, EditResult, Location

from pursuit.domain.messages import MARKERS, markers_in
from pursuit.tui.widgets.writing_area import WritingArea, work

MARKER_STYLE = Style(color="black", bgcolor="yellow", bold=True)

__all__ = ["MARKER_STYLE", "MarkedDocument", "MarkedTextArea", "WritingArea"]


class MarkedDocument(Document):
    """A document that keeps, line by line, the markers left unfilled in it.

    What is left to fill in is shown after every key: found again only in the lines an edit
    touched, not in the whole text. (A marker never spans lines: the text's markers are its
    lines' markers, in turn.)
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._unfilled = [tuple(markers_in(line)) for line in self._lines]
        self._all: list[str] | None = None

    def replace_range(self, start: Location, end: Location, text: str) -> EditResult:
        # Textual's only way to change a document: typing, pasting, undo and redo all come here.
        top, bottom = sorted((start[0], end[0]))
        result = super().replace_range(start, end, text)
        new = [tuple(markers_in(line)) for line in self._lines[top : result.end_location[0] + 1]]
        if self._unfilled[top : bottom + 1] != new:
            self._all = None
        self._unfilled[top : bottom + 1] = new
        return result

    def unfilled(self) -> list[str]:
        """The markers left in the text, in order (markers_in of the whole text)."""
        if self._all is None:
            self._all = [marker for line in self._unfilled for marker in line]
        return self._all


class MarkedTextArea(WritingArea):
    """Markers left in the text stand out, and keep standing out while it is edited."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Where the markers of a line are, by the line's text: a screenful of lines and
        # then some, so a key searches only the line it changed.
        self._marks: LRUCache[str, tuple[tuple[int, int], ...]] = LRUCache(512)

    def writing_document(self, document: DocumentBase) -> DocumentBase:
        return MarkedDocument(document.text)

    def unfilled(self) -> list[str]:
        """The markers left in the text, in order: kept up to date edit by edit."""
        assert isinstance(self.document, MarkedDocument)
        return self.document.unfilled()

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
