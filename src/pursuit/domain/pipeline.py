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


@dataclass(frozen=True)
class Query:
    column: str = "due"
    reverse: bool = False
    stage: str | None = None
    text: str = ""


class PipelineView:
    """ENTRIES in the order and under the filters asked for, without re-sorting each time."""

    def __init__(self, entries: Iterable[Entry], *, sorted_by: str | None = None) -> None:
        self.entries = list(entries)
        self.by_id = {e.id: e for e in self.entries}
        self._orders: dict[str, list[Entry]] = {}
        if sorted_by is not None:
            self._orders[sorted_by] = self.entries
        self._last: tuple[Query, list[Entry]] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def order(self, column: str) -> list[Entry]:
        if column not in self._orders:
            self._orders[column] = sorted(self.entries, key=sort_key(column))
        return self._orders[column]

    def select(self, query: Query) -> Sequence[Entry]:
        needle = query.text.lower()
        last = self._last
        if (
            last is not None
            and last[0].column == query.column
            and last[0].reverse == query.reverse
            and last[0].stage == query.stage
            and needle.startswith(last[0].text.lower())
        ):
            # Typing one more letter can only narrow what the last letter left.
            if needle == last[0].text.lower():
                return last[1]
            rows = [e for e in last[1] if needle in e.haystack]
        else:
            base: Sequence[Entry] = self.order(query.column)
            if query.reverse:
                base = base[::-1]
            if query.stage:
                base = [e for e in base if e.stage == query.stage]
            rows = [e for e in base if needle in e.haystack] if needle else list(base)
        self._last = (query, rows)
        return rows

    def stage_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.entries:
            counts[e.stage] = counts.get(e.stage, 0) + 1
        return counts


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
