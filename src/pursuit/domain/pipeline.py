"""The pipeline's rows, their order and their filters, kept light enough for 100,000 of them.

Each application is held as an `Entry` with only what the pipeline shows or sorts by; moments
stay as the database's UTC text, which sorts and compares as it reads, so that nothing is
parsed until a row is on screen. `PipelineView` keeps each column's order once it is made,
and narrows the previous result while a filter is being typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from operator import attrgetter
from typing import Any

from pursuit.domain.actions import ACTION_LABELS
from pursuit.domain.days import short_day
from pursuit.domain.moments import from_db, to_db
from pursuit.domain.stages import STAGES, label

#: (key, title, width): a width of 0 shares what the fixed columns leave, by the weights below.
COLUMNS = (
    ("company", "Company", 0),
    ("role", "Role", 0),
    ("stage", "Stage", 12),
    ("next", "Next action", 0),
    ("due", "Due", 11),
    ("contact", "Last contact", 12),
)
COLUMN_KEYS = tuple(k for k, _t, _w in COLUMNS)
FLEX = {"company": 3, "role": 3, "next": 4}
#: Sorts after every stored moment: rows with nothing pending go last.
NEVER = "~"


def column_widths(total: int) -> dict[str, int]:
    """Widths that fill TOTAL cells (each column also takes 2 cells of padding)."""
    fixed = sum(w for _k, _t, w in COLUMNS)
    spare = max(total - fixed - 2 * len(COLUMNS), 3 * len(FLEX))
    weights = sum(FLEX.values())
    widths = {k: w for k, _t, w in COLUMNS}
    for key, weight in FLEX.items():
        widths[key] = max(6, spare * weight // weights)
    return widths


class Entry:
    """One application as the pipeline needs it."""

    __slots__ = (
        "company",
        "due_at",
        "haystack",
        "id",
        "last_contact_at",
        "next_action",
        "next_contact",
        "opens_at",
        "overdue_at",
        "role",
        "stage",
    )

    def __init__(
        self,
        id: int,
        company: str,
        role: str,
        stage: str,
        next_action: str | None = None,
        next_contact: str | None = None,
        opens_at: str | None = None,
        due_at: str | None = None,
        overdue_at: str | None = None,
        last_contact_at: str | None = None,
        haystack: str = "",
    ) -> None:
        self.id = id
        self.company = company
        self.role = role
        self.stage = stage
        self.next_action = next_action
        self.next_contact = next_contact
        self.opens_at = opens_at
        self.due_at = due_at
        self.overdue_at = overdue_at
        self.last_contact_at = last_contact_at
        #: Company, role, location and notes in lower case: what the text filter looks in.
        self.haystack = haystack or f"{company}\n{role}".lower()

    def state(self, now: str) -> str:
        """`overdue`, `due` (open now), `later`, or `` when nothing is pending; NOW as stored."""
        if self.opens_at is None or self.overdue_at is None:
            return ""
        if now >= self.overdue_at:
            return "overdue"
        return "due" if now >= self.opens_at else "later"

    def __repr__(self) -> str:
        return f"Entry({self.id}, {self.company!r}, {self.stage!r})"


def sort_key(column: str) -> Any:
    """The key function for COLUMN; ties fall back on the company, then the id."""
    if column == "stage":
        ranks = {s: i for i, s in enumerate(STAGES)}
        return lambda e: (ranks.get(e.stage, len(STAGES)), e.company.lower(), e.id)
    if column == "due":
        return lambda e: (e.due_at or NEVER, e.company.lower(), e.id)
    if column == "contact":
        return lambda e: (e.last_contact_at or NEVER, e.company.lower(), e.id)
    if column == "next":
        return lambda e: (e.next_action or NEVER, e.company.lower(), e.id)
    if column == "role":
        return lambda e: (e.role.lower(), e.id)
    return lambda e: (e.company.lower(), e.id)


def _first_key(column: str) -> Any:
    """The first part of `sort_key(COLUMN)` alone: the rest comes from a stable sort."""
    if column == "stage":
        ranks = {s: i for i, s in enumerate(STAGES)}
        return lambda e: ranks.get(e.stage, len(STAGES))
    if column == "due":
        return lambda e: e.due_at or NEVER
    if column == "contact":
        return lambda e: e.last_contact_at or NEVER
    if column == "next":
        return lambda e: e.next_action or NEVER
    return None


@dataclass(frozen=True)
class Query:
    column: str = "due"
    reverse: bool = False
    stage: str | None = None
    text: str = ""


class PipelineView:
    """ENTRIES in the order and under the filters asked for, without re-sorting each time.

    Safe to share with one worker that makes the orders ahead (`make_orders`): an order is
    stored whole once made, and making one twice gives the same list.
    """

    def __init__(self, entries: Iterable[Entry], *, sorted_by: str | None = None) -> None:
        self.entries = list(entries)
        self.by_id = {e.id: e for e in self.entries}
        self._orders: dict[str, list[Entry]] = {}
        if sorted_by is not None:
            self._orders[sorted_by] = self.entries
        #: The last query's rows, and those of each shorter text before it (for backspace).
        self._typed: list[tuple[Query, list[Entry]]] = []

    def __len__(self) -> int:
        return len(self.entries)

    def order(self, column: str) -> list[Entry]:
        order = self._orders.get(column)
        if order is None:
            order = self._orders[column] = self._sorted(column)
        return order

    def _sorted(self, column: str) -> list[Entry]:
        # Sorting on one plain value at a time is several times quicker than on tuples: sort
        # on the tie-breakers first, then (stably) on the column's own value.
        if column == "role":
            by_id = sorted(self.entries, key=_ID)
            return sorted(by_id, key=_ROLE)
        if column == "company":
            by_id = sorted(self.entries, key=_ID)
            return sorted(by_id, key=_COMPANY)
        return sorted(self.order("company"), key=_first_key(column))

    def make_orders(self) -> None:
        """Every column's order, so that no sort has to wait for one (for a worker)."""
        for column in COLUMN_KEYS:
            self.order(column)

    def select(self, query: Query) -> Sequence[Entry]:
        needle = query.text.lower()
        typed = self._typed
        same_order = bool(typed) and _same_order(typed[0][0], query)
        if same_order:
            # Backspace: the rows of a shorter text were kept on the way.
            while len(typed) > 1 and not needle.startswith(typed[-1][0].text.lower()):
                typed.pop()
        if same_order and needle.startswith(typed[-1][0].text.lower()):
            last_query, last_rows = typed[-1]
            if needle == last_query.text.lower():
                return last_rows
            # Typing one more letter can only narrow what the last letter left.
            rows = [e for e in last_rows if needle in e.haystack]
            typed.append((query, rows))
            return rows
        # Not copied when neither reversed nor narrowed: nobody changes a list once shown.
        base = self.order(query.column)
        if query.reverse:
            base = base[::-1]
        if query.stage:
            base = [e for e in base if e.stage == query.stage]
        self._typed = [(Query(query.column, query.reverse, query.stage), base)]
        if not needle:
            return base
        rows = [e for e in base if needle in e.haystack]
        self._typed.append((query, rows))
        return rows

    def stage_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.entries:
            counts[e.stage] = counts.get(e.stage, 0) + 1
        return counts


def _same_order(a: Query, b: Query) -> bool:
    return (a.column, a.reverse, a.stage) == (b.column, b.reverse, b.stage)


_ID = attrgetter("id")


def _ROLE(e: Entry) -> str:
    return e.role.lower()


def _COMPANY(e: Entry) -> str:
    return e.company.lower()


#: Marker characters so that the state reads without colour too.
MARKERS = {"overdue": "!", "due": "•", "later": " ", "": " "}
STATE_STYLES = {"overdue": "bold red", "due": "yellow", "later": "", "": ""}


@dataclass(frozen=True)
class Coming:
    """An application's next interview within the month, and how far its preparation is."""

    kind: str
    starts_at: datetime
    settled: int
    total: int


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
    style = STATE_STYLES[state]
    action = ACTION_LABELS.get(entry.next_action or "", "")
    if action and entry.next_contact:
        action += f" · {entry.next_contact}"
    due = ""
    if entry.due_at is not None:
        due = short_day(from_db(entry.due_at).astimezone(tz).date(), today)
    if coming is not None and (
        entry.opens_at is None or coming.starts_at <= from_db(entry.opens_at)
    ):
        # The interview comes before anything there is to send: get ready for it.
        action = f"Prepare {coming.kind} ({coming.settled}/{coming.total})"
        due = short_day(coming.starts_at.astimezone(tz).date(), today)
        state, style = ("due", "cyan") if coming.settled < coming.total else ("later", "green")
    contact = ""
    if entry.last_contact_at is not None:
        contact = short_day(from_db(entry.last_contact_at).astimezone(tz).date(), today)
    return (
        (entry.company, "bold"),
        (entry.role, ""),
        (label(entry.stage), ""),
        (action, style),
        (f"{MARKERS[state]} {due}" if due else "", style),
        (contact, "dim"),
    )
