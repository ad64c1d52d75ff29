"""A TextArea that highlights the unfilled `[markers]` of a draft."""

from __future__ import annotations

from rich.style import Style
from textual.widgets import TextArea

from pursuit.domain.messages import MARKERS

MARKER_STYLE = Style(color="black", bgcolor="yellow", bold=True)


class MarkedTextArea(TextArea):
    """Markers left in the text stand out, and keep standing out while it is edited."""

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        # A copy: the theme object's own dict is shared with every other TextArea.
        self._theme.syntax_styles = {**self._theme.syntax_styles, "marker": MARKER_STYLE}

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        for row, line in enumerate(self.document.lines):
            if "[" not in line:
                continue
            encoded = line.encode("utf-8")
            for marker in MARKERS:
                needle = marker.encode("utf-8")
                start = encoded.find(needle)
                while start != -1:
                    self._highlights[row].append((start, start + len(needle), "marker"))
                    start = encoded.find(needle, start + len(needle))
