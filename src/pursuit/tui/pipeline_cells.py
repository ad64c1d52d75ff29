"""How the pipeline's lines look: its columns' titles and widths, and each cell's text and style.

The rows, their order and their filters are the domain's (`pursuit.domain.pipeline`); the
marker and style of a follow-up's state are every screen's (`follow_up_states`).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from pursuit.domain.actions import ACTION_LABELS
from pursuit.domain.days import short_day
from pursuit.domain.moments import from_db, to_db
from pursuit.domain.pipeline import Coming, Entry
from pursuit.domain.stages import label
from pursuit.tui.follow_up_states import STATES

#: (key, title, width): a width of 0 shares what the fixed columns leave, by the weights below.
#: The day columns hold this year's days (`! Wed 30 Dec`); another year's (`Fri 1 Jan 2027`),
#: weeks away at most in a pipeline, is cut short of its year, which the application shows.
COLUMNS = (
    ("company", "Company", 0),
    ("role", "Role", 0),
    ("stage", "Stage", 12),
    ("next", "Next action", 0),
    ("due", "Due", 13),
    ("contact", "Last contact", 13),
)
FLEX = {"company": 3, "role": 3, "next": 4}
#: Narrower than this (an 80-column terminal), the last-contact column gives its room to the
#: names, company first: the application screen still shows when you were last in touch.
NARROW = 100
NARROW_FLEX = {"company": 5, "role": 3, "next": 4}


def column_widths(total: int) -> dict[str, int]:
    """Widths that fill TOTAL cells (each shown column also takes 2 cells of padding).

    A width of 0 is a column left out at this width.
    """
    widths = {k: w for k, _t, w in COLUMNS}
    flex = FLEX
    if total < NARROW:
        widths["contact"] = 0
        flex = NARROW_FLEX
    shown = sum(1 for w in widths.values() if w) + sum(1 for k in flex if not widths[k])
    spare = max(total - sum(widths.values()) - 2 * shown, 3 * len(flex))
    weights = sum(flex.values())
    for key, weight in flex.items():
        widths[key] = max(6, spare * weight // weights)
    return widths


class Moment:
    """The clock's reading as each line needs it, worked out once per frame rather than per line."""

    __slots__ = ("now", "stored", "today", "tz")

    def __init__(self, now: datetime, tz: tzinfo) -> None:
        self.now = now
        self.tz = tz
        self.stored = to_db(now)
        self.today = now.astimezone(tz).date()


def row_cells(
    entry: Entry, at: Moment, coming: Coming | None = None
) -> tuple[tuple[str, str], ...]:
    """(text, style) for each column of ENTRY's line, as it reads at the moment AT."""
    tz, today = at.tz, at.today
    state = entry.state(at.stored)
    action = ACTION_LABELS.get(entry.next_action or "", "")
    if action and entry.next_contact:
        action += f" · {entry.next_contact}"
    due = ""
    if entry.due_at is not None:
        due = short_day(from_db(entry.due_at).astimezone(tz).date(), today)
    look = STATES[state]
    if coming is not None and (
        entry.opens_at is None or coming.starts_at <= from_db(entry.opens_at)
    ):
        # The interview comes before anything there is to send: get ready for it.
        action = f"Prepare {coming.kind} ({coming.settled}/{coming.total})"
        due = short_day(coming.starts_at.astimezone(tz).date(), today)
        state = "prepare" if coming.settled < coming.total else "prepared"
    look = STATES[state]
    contact = ""
    if entry.last_contact_at is not None:
        contact = short_day(from_db(entry.last_contact_at).astimezone(tz).date(), today)
    return (
        (entry.company, "bold"),
        (entry.role, ""),
        (label(entry.stage), ""),
        (action, look.style),
        (f"{look.marker} {due}" if due else "", look.style),
        (contact, "$text-muted"),
    )
