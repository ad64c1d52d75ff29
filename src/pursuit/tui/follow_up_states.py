"""How a follow-up's state looks, on every screen: one marker, one style, one word for each.

The marker carries the state without colour (README: `!` overdue, `•` due), so it reads the
same in every theme and with NO_COLOR. The states themselves are the domain's
(`pursuit.domain.pipeline.state_at`); preparing for an interview is shown like one more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widget import Widget

from pursuit.domain.pipeline import MARKERS, state_at
from pursuit.tui.legible import state_style

if TYPE_CHECKING:
    from pursuit.domain.records import DueRow


@dataclass(frozen=True)
class Look:
    marker: str
    style: str
    #: The state in words, where a screen names it (an interview's thank-you notes).
    words: str


#: state -> its look. `due`: open now; `later`: not yet open; `prepare`: an interview coming
#: whose checklist is not done; `prepared`: one whose checklist is.
#: The styles name theme colours (`$error`): `tui/legible` makes each one read at 4.5:1 on the
#: lines it is drawn on, in every theme, and drops it under NO_COLOR (the marker stays).
STATES: dict[str, Look] = {
    "overdue": Look(MARKERS["overdue"], "bold $error", "overdue"),
    "due": Look(MARKERS["due"], "$warning", "due"),
    "later": Look(MARKERS["later"], "", "later"),
    "prepare": Look("•", "$primary", "to prepare"),
    "prepared": Look("·", "$success", "prepared"),
    "sent": Look("✓", "$success", "sent"),
    "dismissed": Look("–", "$text-muted", "dismissed"),
    "": Look(" ", "", ""),
}


def due_state(row: DueRow, now: datetime) -> str:
    """ROW's state at NOW: overdue, due or later."""
    return state_at(now, row.opens_at, row.overdue_at)


def readable(widget: Widget, spec: str) -> Style:
    """SPEC (`bold $error`) as a style that reads on WIDGET's background in the app's theme."""
    if not spec:
        return Style()
    back = widget.rich_style.bgcolor
    backs = [Color.from_rich_color(back)] if back else []
    return state_style(widget.app, spec, backs)


def marked(widget: Widget, state: str, text: str) -> Text:
    """TEXT after STATE's marker, in its style as it reads on WIDGET."""
    look = STATES[state]
    return Text(f"{look.marker} {text}", style=readable(widget, look.style))
