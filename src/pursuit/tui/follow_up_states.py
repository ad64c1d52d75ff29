"""How a follow-up's state looks, on every screen: one marker, one style, one word for each.

The marker carries the state without colour (README: `!` overdue, `•` due), so it reads the
same in every theme and with NO_COLOR. The states themselves are the domain's
(`pursuit.domain.pipeline.state_at`); preparing for an interview is shown like one more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text

from pursuit.domain.pipeline import state_at

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
STATES: dict[str, Look] = {
    "overdue": Look("!", "bold red", "overdue"),
    "due": Look("•", "yellow", "due"),
    "later": Look("·", "", "later"),
    "prepare": Look("•", "cyan", "to prepare"),
    "prepared": Look("·", "green", "prepared"),
    "sent": Look("✓", "green", "sent"),
    "dismissed": Look("–", "dim", "dismissed"),
    "": Look(" ", "", ""),
}


def due_state(row: DueRow, now: datetime) -> str:
    """ROW's state at NOW: overdue, due or later."""
    return state_at(now, row.opens_at, row.overdue_at)


def marked(state: str, text: str) -> Text:
    """TEXT after STATE's marker, in its style."""
    look = STATES[state]
    return Text(f"{look.marker} {text}", style=look.style)
