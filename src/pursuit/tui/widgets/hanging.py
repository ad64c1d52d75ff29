"""Lines that wrap under their own text, not back at the left edge: a hanging indent.

A line is a lead (`  • link `) and a body (the address): a body too long for the width goes on
in the lines below, each starting where the body started, so that a meeting link folded over
two lines still reads as one value under its label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

#: A lead wider than this share of the width is not hung under: the body would be too narrow.
_MOST = 0.5


@dataclass
class HangingLines:
    rows: list[tuple[Text, Text]] = field(default_factory=list)

    def add(self, lead: str | Text, body: str | Text = "", style: str = "") -> None:
        lead = lead if isinstance(lead, Text) else Text(lead)
        body = body if isinstance(body, Text) else Text(body, style=style)
        self.rows.append((lead, body))

    @property
    def plain(self) -> str:
        """The lines as one text, unwrapped (what a test or a copy reads)."""
        return "\n".join(lead.plain + body.plain for lead, body in self.rows)

    def __str__(self) -> str:
        return self.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((lead.cell_len + body.cell_len for lead, body in self.rows), default=0)
        return Measurement(1, min(widest, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for lead, body in self.rows:
            indent = lead.cell_len
            if indent > width * _MOST or not body.plain:
                # Too narrow to hang under (or nothing to hang): it wraps as it comes.
                yield Text.assemble(lead, body, overflow="fold")
                continue
            for i, part in enumerate(body.wrap(console, width - indent, overflow="fold")):
                part.rstrip()
                line = Text.assemble(lead if i == 0 else " " * indent, part, no_wrap=True)
                yield line
