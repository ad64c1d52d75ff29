"""Writing imported rows quickly: one batch of applications per transaction, in plain SQL.

An imported application is new: its only fact is its first stage. Its follow-up schedule is
written by the one rewrite every write uses (`rescheduling.reschedule`), a batch at a time, in
the same transaction as the applications. tests/reliability/test_big_import.py checks that an
imported application ends up exactly as one added by hand.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

from pursuit.domain import followups as fu
from pursuit.domain.moments import to_db
from pursuit.domain.spreadsheet_words import fold
from pursuit.domain.stages import STAGES
from pursuit.store.company_memory import BeforeTheImport
from pursuit.store.errors import InvalidValue
from pursuit.store.importer import ImportRow
from pursuit.store.rescheduling import RESCHEDULE_BATCH, reschedule

_APPLICATION = (
    "INSERT INTO application (company, company_key, role, url, source, location, sector, "
    "salary_min, salary_max, stage, applied_on, notes, archived, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
)
_STAGE_EVENT = (
    "INSERT INTO stage_event (application_id, from_stage, to_stage, at, note) "
    "VALUES (?, NULL, ?, ?, ?)"
)


def digest(company: str, role: str, applied_on: date | str | None) -> bytes:
    """A row's identity for the duplicate check, in 16 bytes (the set of them stays small)."""
    day = applied_on.isoformat() if isinstance(applied_on, date) else (applied_on or "")
    text = f"{fold(company)}\x1f{fold(role)}\x1f{day}"
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


class Known:
    """The applications already there (and those added so far), by company, role and day.

    Kept in a private scratch database on disk (SQLite's "" file), not in Python sets: the
    memory an import takes stays the same however long the spreadsheet is.
    """

    _EXACT, _LOOSE = b"e", b"l"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.seen = sqlite3.connect("", isolation_level=None)
        # Scratch: nothing to keep after a crash, so no journal and no syncing.
        self.seen.execute("PRAGMA journal_mode = OFF")
        self.seen.execute("PRAGMA synchronous = OFF")
        self.seen.execute("CREATE TABLE seen (key BLOB PRIMARY KEY) WITHOUT ROWID")
        self.seen.execute("BEGIN")
        for company, role, applied_on in conn.execute(
            "SELECT company, role, applied_on FROM application"
        ):
            self.add(company, role, applied_on)
        self.seen.execute("COMMIT")

    def add(self, company: str, role: str, applied_on: date | str | None) -> None:
        self.seen.executemany(
            "INSERT OR IGNORE INTO seen (key) VALUES (?)",
            (
                (self._EXACT + digest(company, role, applied_on),),
                (self._LOOSE + digest(company, role, None),),
            ),
        )

    def _has(self, key: bytes) -> bool:
        return self.seen.execute("SELECT 1 FROM seen WHERE key = ?", (key,)).fetchone() is not None

    def has(self, row: ImportRow) -> bool:
        if self._has(self._EXACT + digest(row.company, row.role, row.applied_on)):
            return True
        return row.applied_on is None and self._has(
            self._LOOSE + digest(row.company, row.role, None)
        )

    def close(self) -> None:
        self.seen.close()


class Tally:
    """How an import went, in memory that does not grow with the file: counts, and the line
    numbers of the first duplicates (a re-import of a long file would list every line)."""

    SHOWN = 100

    def __init__(self) -> None:
        self.added = 0
        self.duplicates = 0
        self.first_duplicates: list[int] = []

    def duplicate(self, line: int) -> None:
        self.duplicates += 1
        if len(self.first_duplicates) < self.SHOWN:
            self.first_duplicates.append(line)


def write_batch(
    conn: sqlite3.Connection,
    rows: Iterable[ImportRow],
    known: Known,
    *,
    source: str,
    now: datetime,
    tz: tzinfo,
    rules: fu.Rules,
    tally: Tally,
    before: BeforeTheImport | None = None,
) -> None:
    """Write ROWS on CONN (inside the caller's transaction), skipping those already known;
    BEFORE is told which companies they were for."""
    from pursuit.domain.companies import company_key
    from pursuit.store.applications import validate_application
    from pursuit.store.contacts import name_key
    from pursuit.store.errors import clean_text

    stamp = to_db(now)
    written: list[int] = []
    companies: list[str] = []
    for row in rows:
        if known.has(row):
            tally.duplicate(row.line)
            continue
        if row.stage not in STAGES:
            raise InvalidValue(f"line {row.line}: unknown stage {row.stage!r}")
        v = validate_application({"company": row.company, "role": row.role, **row.values})
        key = company_key(v["company"])
        applied_on = row.applied_on
        if applied_on is None and row.stage != "saved":
            applied_on = now.astimezone(tz).date()
        app_id = conn.execute(
            _APPLICATION,
            (
                v["company"],
                key,
                v["role"],
                v.get("url", ""),
                v.get("source", ""),
                v.get("location", ""),
                v.get("sector", "other"),
                v.get("salary_min"),
                v.get("salary_max"),
                row.stage,
                applied_on.isoformat() if applied_on else None,
                v.get("notes", ""),
                stamp,
                stamp,
            ),
        ).lastrowid
        assert app_id is not None
        note = f"imported from {source}, line {row.line}" if source else "imported"
        conn.execute(_STAGE_EVENT, (app_id, row.stage, stamp, note))
        written.append(app_id)
        companies.append(key)
        if row.contact:
            name = clean_text(row.contact, "contact name", required=True, limit=200)
            found = conn.execute(
                "SELECT id FROM contact WHERE name_key = ? ORDER BY id LIMIT 1", (name_key(name),)
            ).fetchone()
            contact_id = (
                found[0]
                if found
                else conn.execute(
                    "INSERT INTO contact (name, name_key, title, email, phone, linkedin, notes) "
                    "VALUES (?, ?, '', '', '', '', '')",
                    (name, name_key(name)),
                ).lastrowid
            )
            conn.execute(
                "INSERT OR IGNORE INTO application_contact (application_id, contact_id, role) "
                "VALUES (?, ?, '')",
                (app_id, contact_id),
            )
        known.add(row.company, row.role, row.applied_on)
        tally.added += 1
    for start in range(0, len(written), RESCHEDULE_BATCH):
        reschedule(conn, written[start : start + RESCHEDULE_BATCH], now, rules, tz)
    if before is not None:
        before.batch(conn, companies)
