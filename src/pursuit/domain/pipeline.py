"""The pipeline's rows, their order and their filters, kept light enough for 100,000 of them.

Each application is held as an `Entry` with only what the pipeline shows or sorts by; moments
stay as the database's UTC text, which sorts and compares as it reads, so that nothing is
parsed until a row is on screen. `PipelineView` keeps each column's order once it is made,
and narrows the previous result while a filter is being typed.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import compress, repeat
from operator import attrgetter, contains
from typing import Any, Protocol, TypeVar, overload

from pursuit.domain.stages import STAGES

#: The pipeline's columns, in order (their titles and widths are the app's: tui/pipeline_cells).
COLUMN_KEYS = ("company", "role", "stage", "next", "due", "contact")
#: Sorts after every stored moment: rows with nothing pending go last.
NEVER = "~"


def searchable(text: str) -> str:
    """TEXT as the filter compares it: case and accents ignored (`buro` finds `Büro`)."""
    if text.isascii():  # nearly every name: no decomposition to pay for
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _Moment(Protocol):
    def __ge__(self, other: Any, /) -> bool: ...


M = TypeVar("M", bound=_Moment)


#: Each state's marker, the same on every screen and on the command line (README: `!`
#: overdue, `•` due, `·` not yet due): it carries the state without colour.
MARKERS = {"overdue": "!", "due": "•", "later": "·"}


def state_at(now: M, opens_at: M, overdue_at: M) -> str:
    """A follow-up's state at NOW: `overdue` once past OVERDUE_AT, `due` once open, `later`.

    The one rule for every screen (moments as stored text or as datetimes, alike).
    """
    if now >= overdue_at:
        return "overdue"
    return "due" if now >= opens_at else "later"


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
        self.haystack = haystack or searchable(f"{company}\n{role}")

    def state(self, now: str) -> str:
        """`overdue`, `due` (open now), `later`, or `` when nothing is pending; NOW as stored."""
        if self.opens_at is None or self.overdue_at is None:
            return ""
        return state_at(now, self.opens_at, self.overdue_at)

    def __repr__(self) -> str:
        return f"Entry({self.id}, {self.company!r}, {self.stage!r})"


def _key(column: str) -> Any:
    """COLUMN's own value to sort by: ties keep the order the sort is given (see `_sorted`)."""
    if column == "stage":
        ranks = {s: i for i, s in enumerate(STAGES)}
        return lambda e: ranks.get(e.stage, len(STAGES))
    if column == "due":
        return lambda e: e.due_at or NEVER
    if column == "contact":
        return lambda e: e.last_contact_at or NEVER
    if column == "next":
        return lambda e: e.next_action or NEVER
    if column == "role":
        return lambda e: e.role.lower()
    return lambda e: e.company.lower()


@dataclass(frozen=True)
class Query:
    column: str = "due"
    reverse: bool = False
    stage: str | None = None
    text: str = ""


class Matches(Sequence[Entry]):
    """The rows a filter kept: their positions among ROWS, in an array (the garbage collector
    has nothing in it to walk, where a list of entries has each of them)."""

    __slots__ = ("_positions", "_rows")

    def __init__(self, rows: list[Entry], positions: array[int]) -> None:
        self._rows = rows
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self._rows[i] for i in self._positions[index]]
        return self._rows[self._positions[index]]

    def __iter__(self) -> Iterator[Entry]:
        return map(self._rows.__getitem__, self._positions)

    def index(self, entry: Any, start: int = 0, stop: int | None = None) -> int:
        """Where ENTRY is among these rows (ValueError when it is not), found in C."""
        found = self._positions.index(self._rows.index(entry), start)
        if stop is not None and found >= stop:
            raise ValueError(entry)
        return found


class PipelineView:
    """ENTRIES in the order and under the filters asked for, without re-sorting each time.

    Safe to share with one worker that makes the orders ahead (`make_orders`): an order is
    stored whole once made, and making one twice gives the same list.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.by_id = {e.id: e for e in self.entries}
        self._orders: dict[str, list[Entry]] = {}
        #: Each column's filter texts, in its order (the filter scans these, not the entries).
        self._hays: dict[str, list[str]] = {}
        #: Each column's order backwards, with its texts.
        self._backwards: dict[str, tuple[list[Entry], list[str]]] = {}
        #: The rows the last query filtered, with their texts, and its column, order, stage.
        self._base: tuple[tuple[str, bool, str | None], list[Entry], list[str]] | None = None
        #: The last text's matches, and those of each shorter text before it (for backspace).
        self._typed: list[tuple[str, array[int]]] = []

    def __len__(self) -> int:
        return len(self.entries)

    def order(self, column: str) -> list[Entry]:
        order = self._orders.get(column)
        if order is None:
            order = self._orders[column] = self._sorted(column)
        return order

    def _sorted(self, column: str) -> list[Entry]:
        # Sorting on one plain value at a time is several times quicker than on tuples: sort
        # on the tie-breakers first, then (stably) on the column's own value. Ties fall back
        # on the company, then the id; the role and the company on the id alone.
        if column in ("role", "company"):
            ties = sorted(self.entries, key=attrgetter("id"))
        else:
            ties = self.order("company")
        return sorted(ties, key=_key(column))

    def make_orders(self) -> None:
        """Every column's order and filter texts, so that no key waits for them (a worker's)."""
        for column in COLUMN_KEYS:
            self.order(column)
            self._texts(column)
            self._reversed(column)

    def _reversed(self, column: str) -> tuple[list[Entry], list[str]]:
        # Kept like the orders: two fresh lists of 100,000 at each `r` were work for the
        # garbage collector as well as for the copy.
        pair = self._backwards.get(column)
        if pair is None:
            pair = self._backwards[column] = (
                self.order(column)[::-1],
                self._texts(column)[::-1],
            )
        return pair

    def _texts(self, column: str) -> list[str]:
        hays = self._hays.get(column)
        if hays is None:
            hays = self._hays[column] = [e.haystack for e in self.order(column)]
        return hays

    def _rows_for(self, query: Query) -> tuple[list[Entry], list[str]]:
        """The rows of QUERY's column, order and stage before any text, with their texts."""
        key = (query.column, query.reverse, query.stage)
        if self._base is None or self._base[0] != key:
            # Not copied when neither reversed nor narrowed: nobody changes a list once shown.
            rows, hays = self.order(query.column), self._texts(query.column)
            if query.reverse:
                rows, hays = self._reversed(query.column)
            if query.stage:
                rows = [e for e in rows if e.stage == query.stage]
                hays = [e.haystack for e in rows]
            self._base = (key, rows, hays)
            self._typed = []
        return self._base[1], self._base[2]

    def select(self, query: Query) -> Sequence[Entry]:
        rows, hays = self._rows_for(query)
        needle = searchable(query.text)
        typed = self._typed
        # Backspace: the matches of a shorter text were kept on the way.
        while typed and not needle.startswith(typed[-1][0]):
            typed.pop()
        if not needle:
            return rows
        if typed and typed[-1][0] == needle:
            return Matches(rows, typed[-1][1])
        # The scan runs in C over the texts alone (map, contains, compress), and keeps the
        # positions in an array: a list of 80,000 entries cost every garbage collection
        # milliseconds, and a first keystroke at 100,000 rows paused for 50 ms.
        if typed:
            # Typing one more letter can only narrow what the last letter left.
            before = typed[-1][1]
            texts: Iterable[str] = map(hays.__getitem__, before)
            positions: Iterable[int] = before
        else:
            texts, positions = hays, range(len(rows))
        found = array("l", compress(positions, map(contains, texts, repeat(needle))))
        typed.append((needle, found))
        return Matches(rows, found)

    def stage_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.entries:
            counts[e.stage] = counts.get(e.stage, 0) + 1
        return counts


@dataclass(frozen=True)
class Coming:
    """An application's next interview within the month, and how far its preparation is."""

    kind: str
    starts_at: datetime
    settled: int
    total: int
