"""The row of stage counts above the pipeline; the active filter is highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from pursuit.domain.stages import SHORT_LABELS, STAGES, label


class StageBar(Static):
    DEFAULT_CSS = """
    StageBar { height: 1; padding: 0 1; }
    """

    counts: reactive[dict[str, int]] = reactive(dict, always_update=True)
    active: reactive[str | None] = reactive(None)

    def render(self) -> Text:
        total = sum(self.counts.values())
        entries: list[tuple[str, str | None, str, int]] = [("0", None, "All", total)] + [
            (str(i + 1), stage, label(stage), self.counts.get(stage, 0))
            for i, stage in enumerate(STAGES)
        ]
        width = self.size.width - 2
        text = self._line(entries)
        if width > 0 and text.cell_len > width:
            # Narrow terminal: keep the stages that hold something (and the chosen one).
            entries = [e for e in entries if e[3] or e[1] == self.active or e[1] is None]
            text = self._line(entries)
        if width > 0 and text.cell_len > width:
            entries = [(k, s, SHORT_LABELS.get(s or "", n), c) for k, s, n, c in entries]
            text = self._line(entries)
        if width > 0 and text.cell_len > width:
            # An 80-column terminal: three letters a stage ("4Int 4", "8Wit 1"), the number
            # before each still the key to press, so that no stage with something in it is lost.
            entries = [(k, s, n.rstrip(".")[:3], c) for k, s, n, c in entries]
            text = self._line(entries)
        return text

    def _line(self, entries: list[tuple[str, str | None, str, int]]) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, (key, stage, name, count) in enumerate(entries):
            if i:
                text.append("  ")
            chosen = stage == self.active
            style = "bold reverse" if chosen else ("dim" if count == 0 else "")
            # The key to press, then the stage: "4Interviewing 3".
            text.append(key, style=style or "bold underline")
            text.append(f"{name} {count}", style=style)
        return text
