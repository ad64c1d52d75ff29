"""Importing applications from a spreadsheet export (CSV, semicolon or tab separated).

Reading is separate from writing: `scan_csv` reads a file through once, checking every row and
reporting the ones it cannot use by line number; `rows_of` reads the good ones again, one at a
time, for `store.transfer.import_applications`, which writes them in batches, skipping any that are
already in the database. `preview_csv` reads only the first rows, for the app's preview. None
holds the whole file, so a file of any size goes through in the same memory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Any

from pursuit.domain import date_order
from pursuit.domain.companies import ImportedBefore
from pursuit.domain.dates import BadDate, parse_day
from pursuit.domain.salary import BadSalary, parse_salary
from pursuit.domain.spreadsheet_words import FIELDS as FIELDS  # the import screen reads them here
from pursuit.domain.spreadsheet_words import HEADERS, SECTOR_WORDS, STATUS_WORDS, fold

#: The bad rows a plan lists (their count is kept in full): a file of a million rows that all
#: fail the same way must not fill the memory with their reasons.
LISTED_BAD = 1000
#: The longest line read (in characters): one row of a spreadsheet export is far shorter (the
#: csv module refuses a cell over 128 KB), and a file of any size is read a line at a time.
LONGEST_LINE = 8 * 1024 * 1024


class ImportFailed(ValueError):
    """The file as a whole cannot be read (not the fault of one row)."""


class AmbiguousDates(ImportFailed):
    """Every date of the file reads as day/month and as month/day: the job seeker says which."""

    def __init__(self, line: int, text: str) -> None:
        self.line, self.text = line, text
        super().__init__(
            f"line {line}: {text!r} could be {date_order.both_readings(text)}, and no date in "
            "the file settles which comes first"
        )


@dataclass(frozen=True)
class ImportRow:
    line: int
    company: str
    role: str
    stage: str
    applied_on: date | None
    values: dict[str, Any] = field(default_factory=dict)
    contact: str = ""

    @property
    def key(self) -> tuple[str, str, date | None]:
        return (fold(self.company), fold(self.role), self.applied_on)


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass
class ImportPlan:
    """What reading the file found: the mapping used, good rows and bad ones."""

    mapping: dict[str, str]  # column header -> field
    unmapped: list[str]
    rows: list[ImportRow]
    bad: list[BadRow]
    preview: list[list[str]]
    #: Set when the file cannot be imported as mapped (no company or role column).
    problem: str = ""
    #: How many rows can be imported (`rows` may hold them, or not: see `scan_csv`).
    readable: int = 0
    #: The order of the file's dates like 03/04/2026 (`dmy`, `mdy`; "" when it has none).
    dates: str = ""
    #: How many rows cannot be read (`bad` lists the first LISTED_BAD of them).
    unreadable: int = 0


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """`--map "Firm=company"` pairs into {header folded: field}."""
    out = {}
    for pair in pairs:
        column, sep, target = pair.rpartition("=")
        target = target.strip().lower()
        if not sep or not column.strip() or target not in (*FIELDS, "ignore"):
            raise ImportFailed(
                f"cannot use --map {pair!r}: write COLUMN=FIELD, FIELD one of "
                f"{', '.join(FIELDS)} or ignore"
            )
        out[fold(column)] = target
    return out


def _lines(path: Path) -> Generator[str, None, None]:
    """The file's lines, read as they are needed (a big file is never held whole, so there is
    no limit to its size).

    Opened as a plain file only (a pipe or a device is refused at once, never read), through
    one descriptor for the sniffing and the reading.
    """
    from pursuit.store.errors import UnreadableFile
    from pursuit.store.files import open_regular

    try:
        raw = open_regular(path, None)
    except UnreadableFile as exc:
        raise ImportFailed(str(exc)) from exc
    try:
        with raw:
            if b"\x00" in raw.read(4096):
                raise ImportFailed(f"{path} looks like a binary file, not a CSV export")
            raw.seek(0)
            with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as fh:
                number = 0
                read = iter(lambda: fh.readline(LONGEST_LINE + 1), "")
                try:
                    for number, line in enumerate(read, start=1):
                        if len(line) > LONGEST_LINE:
                            raise ImportFailed(
                                f"line {number} of {path} is longer than "
                                f"{LONGEST_LINE // 1024 // 1024} MB: not a spreadsheet export"
                            )
                        yield line
                except UnicodeDecodeError as exc:
                    raise ImportFailed(
                        f"{path} is not UTF-8 text (near line {number + 1}); "
                        "export it as CSV UTF-8 and try again"
                    ) from exc
    except OSError as exc:
        raise ImportFailed(f"cannot read {path}: {exc.strerror or exc}") from exc


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _records(lines: Iterable[str], sample: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each record that is not blank."""
    reader = csv.reader(lines, _dialect(sample), strict=True)
    start = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFailed(f"line {reader.line_num}: the file's quoting is broken ({exc})") from exc


def _columns(header: list[str], mapping: dict[str, str] | None) -> tuple[dict[int, str], list[str]]:
    """Which field each column holds (by position), and the headers of those left out."""
    chosen = mapping or {}
    columns: dict[int, str] = {}
    unmapped = []
    for i, name in enumerate(header):
        folded = fold(name)
        target = chosen.get(folded) or HEADERS.get(folded)
        if target and target != "ignore" and target not in columns.values():
            columns[i] = target
        elif name.strip():
            unmapped.append(name.strip())
    return columns, unmapped


def _settle_dates(
    lines: Iterable[str], sample: str, mapping: dict[str, str] | None, given: str | None
) -> str:
    """The order of the file's applied dates: GIVEN, or the one the dates allow.

    AmbiguousDates when every date reads both ways and one of them means two different days.
    """
    if given:
        if given not in date_order.ORDER_WORDS:
            raise ImportFailed(f"unknown date order {given!r}; say dmy (day/month) or mdy")
        return given
    records = _records(lines, sample)
    first = next(records, None)
    if first is None:
        return ""
    where = [i for i, f in _columns(first[1], mapping)[0].items() if f == "applied"]
    if not where:
        return ""
    column = where[0]
    unsure: tuple[int, str] | None = None
    for line, record in records:
        text = record[column].strip() if column < len(record) else ""
        ways = date_order.orders(text)
        if ways is not None and len(ways) == 1:
            return next(iter(ways))
        if unsure is None and date_order.is_ambiguous(text):
            unsure = (line, text)
    if unsure is not None:
        raise AmbiguousDates(*unsure)
    return ""


def _walk(
    lines: Iterable[str],
    sample: str,
    now: datetime,
    mapping: dict[str, str] | None,
    dates: str = "",
) -> tuple[ImportPlan, Iterator[ImportRow | BadRow]]:
    """The plan (mapping, preview; no rows) and every row after the header, read lazily."""
    records = _records(lines, sample)
    first = next(records, None)
    if first is None:
        raise ImportFailed("the file has no rows")
    header_line, header = first
    head = list(islice(records, 5))
    columns, unmapped = _columns(header, mapping)
    mapping_used = {header[i].strip(): f for i, f in columns.items()}
    preview = [header] + [r for _n, r in head]
    missing = [f for f in ("company", "role") if f not in columns.values()]
    if missing:
        problem = (
            f"line {header_line}: no column for {' and '.join(missing)}; headers found: "
            f"{', '.join(h.strip() for h in header)}. Say which column holds it"
        )
        return ImportPlan(mapping_used, unmapped, [], [], preview, problem), iter(())

    def rows() -> Iterator[ImportRow | BadRow]:
        for line, record in chain(head, records):
            cells = {f: (record[i].strip() if i < len(record) else "") for i, f in columns.items()}
            try:
                yield _row(line, cells, now, dates)
            except ValueError as exc:
                yield BadRow(line, str(exc))

    return ImportPlan(mapping_used, unmapped, [], [], preview, dates=dates), rows()


def _sample(path: Path) -> str:
    with closing(_lines(path)) as lines:
        return "".join(islice(lines, 20))


def read_csv(
    path: Path, now: datetime, mapping: dict[str, str] | None = None, dates: str | None = None
) -> ImportPlan:
    """The whole plan, every good row held: for a small file only (the app and the command
    line count the rows with `scan_csv` and read them again with `rows_of`)."""
    return scan_csv(path, now, mapping, keep_rows=True, dates=dates)


def preview_csv(path: Path, now: datetime, mapping: dict[str, str] | None = None) -> ImportPlan:
    """The mapping and the first rows, as the app shows them before counting: only the first
    lines of the file are read (no rows and no counts in the plan)."""
    with closing(_lines(path)) as lines:
        plan, _rows = _walk(lines, _sample(path), now, mapping)
    return plan


def _file_dates(path: Path, mapping: dict[str, str] | None, dates: str | None) -> str:
    if dates is not None:  # "" too: a plan that found no order to settle
        return _settle_dates((), "", mapping, dates)
    with closing(_lines(path)) as lines:
        return _settle_dates(lines, _sample(path), mapping, None)


def scan_csv(
    path: Path,
    now: datetime,
    mapping: dict[str, str] | None = None,
    *,
    keep_rows: bool = False,
    dates: str | None = None,
    stopped: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read the whole file once: the mapping, the bad rows and how many are good.

    Good rows are only counted unless KEEP_ROWS; `rows_of` reads them again to write them.
    DATES (`dmy`, `mdy`) is the order of dates like 03/04/2026, needed only when the file's
    own dates do not settle it (AmbiguousDates). STOPPED, asked every thousand rows, ends the
    reading early (the plan is then of the rows read so far).
    """
    order = _file_dates(path, mapping, dates)
    with closing(_lines(path)) as lines:
        plan, items = _walk(lines, _sample(path), now, mapping, order)
        for seen, item in enumerate(items, start=1):
            if isinstance(item, BadRow):
                plan.unreadable += 1
                if len(plan.bad) < LISTED_BAD:
                    plan.bad.append(item)
            else:
                plan.readable += 1
                if keep_rows:
                    plan.rows.append(item)
            if stopped is not None and seen % 1000 == 0 and stopped():
                break
    return plan


def rows_of(
    path: Path, now: datetime, mapping: dict[str, str] | None = None, dates: str | None = None
) -> Iterator[ImportRow]:
    """The good rows of the file, read again one at a time (DATES: the plan's `dates`)."""
    order = _file_dates(path, mapping, dates)
    with closing(_lines(path)) as lines:
        _plan, items = _walk(lines, _sample(path), now, mapping, order)
        for item in items:
            if isinstance(item, ImportRow):
                yield item


def read_text(
    text: str, now: datetime, mapping: dict[str, str] | None = None, dates: str | None = None
) -> ImportPlan:
    sample = "\n".join(text.splitlines()[:20])
    order = _settle_dates(io.StringIO(text, newline=""), sample, mapping, dates)
    plan, items = _walk(io.StringIO(text, newline=""), sample, now, mapping, order)
    for item in items:
        if isinstance(item, BadRow):
            plan.bad.append(item)
        else:
            plan.rows.append(item)
    plan.readable, plan.unreadable = len(plan.rows), len(plan.bad)
    return plan


@lru_cache(maxsize=4096)
def _applied(text: str, now: datetime, dates: str = "") -> date:
    """The day of an "applied" cell. A spreadsheet repeats a few hundred days over thousands
    of rows, and reading one in every format people write costs more than the rest of a row."""
    try:
        applied = parse_day(date_order.in_order(text, dates), now, future=False)
    except BadDate as exc:
        raise ValueError(f"bad date: {exc}") from exc
    if applied > now.date():
        raise ValueError(f"applied date {text!r} is in the future")
    return applied


def _row(line: int, cells: dict[str, str], now: datetime, dates: str = "") -> ImportRow:
    company, role = cells.get("company", ""), cells.get("role", "")
    if not company:
        raise ValueError("no company")
    if not role:
        raise ValueError("no role")
    if len(company) > 200 or len(role) > 200:
        raise ValueError("company or role longer than 200 characters")
    status = cells.get("stage", "")
    stage = "applied"
    if status:
        folded = fold(status)
        if folded not in STATUS_WORDS:
            raise ValueError(
                f"unknown status {status!r} (map it with a known word such as "
                "Applied, Phone screen, Interviewing, Offer, Rejected, No response)"
            )
        stage = STATUS_WORDS[folded]
    applied = _applied(cells["applied"], now, dates) if cells.get("applied") else None
    values: dict[str, Any] = {}
    for name in ("url", "location", "notes", "source"):
        if cells.get(name):
            values[name] = cells[name]
    if cells.get("salary"):
        try:
            values["salary_min"], values["salary_max"] = parse_salary(cells["salary"])
        except BadSalary as exc:
            raise ValueError(f"bad salary: {exc}") from exc
    if cells.get("sector"):
        values["sector"] = SECTOR_WORDS.get(fold(cells["sector"]), "other")
    contact = cells.get("contact", "")
    if len(contact) > 200:
        raise ValueError("contact name longer than 200 characters")
    # The store's own checks, here, so that a row it would refuse is reported before any
    # batch is written.
    from pursuit.store.applications import validate_application
    from pursuit.store.errors import InvalidValue

    try:
        validate_application({"company": company, "role": role, **values})
    except InvalidValue as exc:
        raise ValueError(str(exc)) from exc
    return ImportRow(line, company, role, stage, applied, values, contact)


@dataclass(frozen=True)
class ImportResult:
    added: int
    #: Line numbers already in the database (or earlier in the file): the first hundred.
    duplicates: list[int]
    #: How many there were in all.
    duplicate_count: int = 0
    #: The rows added that are for a company applied to before the import.
    earlier: ImportedBefore = field(default_factory=ImportedBefore)
