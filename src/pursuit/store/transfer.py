"""Data in and out: importing rows, the JSON dump and restore, the CSV report, the calendar.

`store.transfer`. The JSON dump is the database itself, table by table, value by value, so
that restoring it into an empty database and dumping again gives the same file.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlmodel import SQLModel

from pursuit.domain.actions import ACTION_LABELS, DEADLINES
from pursuit.domain.dates import local_tz
from pursuit.domain.moments import from_db
from pursuit.domain.safe_text import csv_cell, ics_text, json_text
from pursuit.domain.timeline import stage_steps
from pursuit.store import db, queries
from pursuit.store.database import Database
from pursuit.store.errors import InvalidValue
from pursuit.store.follow_ups import FollowUps
from pursuit.store.importer import ImportResult, ImportRow

if TYPE_CHECKING:
    pass


#: Rows written per transaction by an import.
IMPORT_BATCH = 1000


#: Not the job seeker's data: where the file's schedule was worked out (see FollowUps). A file
#: holding only this is empty; a dump carries it, so that its schedule is redone where needed.
NOT_DATA = frozenset({"schedule_zone"})


def _tables() -> list[str]:
    from pursuit.store import tables  # noqa: F401  (registers the tables)

    return [t.name for t in SQLModel.metadata.sorted_tables]


class Transfer:
    def __init__(self, database: Database, follow_ups: FollowUps) -> None:
        self._db = database
        self._follow_ups = follow_ups

    # --- import ----------------------------------------------------------------------------

    def import_applications(
        self,
        rows: Iterable[ImportRow],
        *,
        source: str = "",
        dry_run: bool = False,
        batch_size: int = IMPORT_BATCH,
        after_batch: Callable[[int], object] | None = None,
    ) -> ImportResult:
        """Add ROWS, skipping any already there; nothing if DRY_RUN.

        Each batch of BATCH_SIZE rows is one transaction (its applications with their
        follow-ups), so other windows can write in between and a killed import leaves whole
        applications only; running it again adds just the rest. AFTER_BATCH is called with
        the number added so far after each batch is committed.
        """
        from pursuit.store.import_writer import Known, Tally, write_batch

        with self._db.connection() as conn:
            known = Known(conn)
        tally = Tally()
        tz = local_tz()
        stream = iter(rows)
        try:
            while batch := list(islice(stream, batch_size)):
                with self._db.writer() as s:
                    raw = s.connection().connection.dbapi_connection
                    assert isinstance(raw, sqlite3.Connection)
                    write_batch(
                        raw,
                        batch,
                        known,
                        source=source,
                        now=self._db.now(),
                        tz=tz,
                        rules=self._follow_ups.rules_in(s),
                        tally=tally,
                    )
                    if dry_run:
                        s.rollback()
                if after_batch is not None and not dry_run:
                    after_batch(tally.added)
        finally:
            known.close()
        return ImportResult(tally.added, tally.first_duplicates, tally.duplicates)

    # --- the JSON dump ---------------------------------------------------------------------

    def export_json(self) -> str:
        from pursuit.store.restore import DUMP_FORMAT, DUMP_VERSION

        with self._db.connection() as conn:
            conn.execute("BEGIN")  # one consistent snapshot across the tables
            try:
                dump: dict[str, Any] = {
                    "format": DUMP_FORMAT,
                    "version": DUMP_VERSION,
                    "schema": db.LATEST,
                    "tables": {},
                }
                for name in _tables():
                    cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
                    columns = [c[0] for c in cursor.description]
                    dump["tables"][name] = [dict(zip(columns, r, strict=True)) for r in cursor]
            finally:
                conn.execute("COMMIT")
        return json_text(dump, indent=1, sort_keys=True) + "\n"

    def restore_json(self, text: str, name: str = "the export") -> int:
        """Load a dump into this (empty) database; returns the number of applications."""
        from pursuit.store.restore import check_dump

        return self.restore_tables(check_dump(text, name))

    def restore_tables(self, tables: dict[str, list[dict[str, Any]]]) -> int:
        """Write checked TABLES (see store.restore) into this database, which holds nothing."""
        with self._db.writer() as s:
            raw = s.connection()
            for name in [t for t in _tables() if t not in NOT_DATA]:
                if raw.exec_driver_sql(f'SELECT 1 FROM "{name}" LIMIT 1').first() is not None:
                    raise InvalidValue(
                        f"restore needs an empty database; {self._db.path} already holds data "
                        f"({name.replace('_', ' ')}). Use --db with a new file"
                    )
            # The dump's own zone, or none (an older dump): the next open redoes it if needed.
            raw.exec_driver_sql("DELETE FROM schedule_zone")
            for name in _tables():
                for row in tables.get(name, []):
                    columns = ", ".join(f'"{c}"' for c in row)
                    marks = ", ".join("?" for _ in row)
                    raw.exec_driver_sql(
                        f'INSERT INTO "{name}" ({columns}) VALUES ({marks})', tuple(row.values())
                    )
            # The company as compared is worked out here, not trusted from the file (a dump
            # from before it, or one edited by hand).
            from pursuit.domain.companies import company_key

            names = raw.exec_driver_sql("SELECT DISTINCT company FROM application").fetchall()
            for (company,) in names:
                raw.exec_driver_sql(
                    "UPDATE application SET company_key = ? WHERE company = ?",
                    (company_key(company), company),
                )
            return len(tables.get("application", []))

    # --- the CSV report --------------------------------------------------------------------

    def export_csv(self) -> str:
        """One row per application: its facts, stage history and last contact."""
        tz = local_tz()
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "id",
                "company",
                "role",
                "stage",
                "applied",
                "url",
                "location",
                "source",
                "last contact",
                "interviews",
                "stage history",
                "dismissed",
                "next action",
                "due",
                "archived",
            ]
        )
        with self._db.connection() as conn:
            changes: dict[int, list[tuple[str | None, str, datetime, str]]] = {}
            for app_id, from_stage, to_stage, at, note in conn.execute(
                "SELECT application_id, from_stage, to_stage, at, note FROM stage_event "
                "ORDER BY at, id"
            ):
                changes.setdefault(app_id, []).append((from_stage, to_stage, from_db(at), note))
            dismissed: dict[int, list[str]] = {}
            for app_id, action, at, who in conn.execute(
                "SELECT d.application_id, d.action, d.at, c.name FROM follow_up_dismissal d "
                "LEFT JOIN contact c ON c.id = d.contact_id ORDER BY d.at, d.id"
            ):
                day = from_db(at).astimezone(tz).date().isoformat()
                dismissed.setdefault(app_id, []).append(
                    f"{day} {action}" + (f" ({who})" if who else "")
                )
            counts = dict(
                conn.execute(
                    "SELECT application_id, count(*) FROM interview WHERE cancelled_at IS NULL "
                    "GROUP BY application_id"
                )
            )
            rows = queries.applications(conn) + queries.applications(conn, archived=True)
        for r in sorted(rows, key=lambda r: r.id):
            # The history agrees with the application screen: applied on the day given.
            history = [
                f"{step.day.isoformat()} {step.to_stage}"
                for step in stage_steps(changes.get(r.id, ()), r.applied_on, tz)
            ]
            cells = [
                r.id,
                r.company,
                r.role,
                r.stage,
                r.applied_on.isoformat() if r.applied_on else "",
                r.url,
                r.location,
                r.source,
                r.last_contact_at.astimezone(tz).date().isoformat() if r.last_contact_at else "",
                counts.get(r.id, 0),
                "; ".join(history),
                "; ".join(dismissed.get(r.id, [])),
                ACTION_LABELS.get(r.next_action or "", ""),
                r.next_due_at.astimezone(tz).date().isoformat() if r.next_due_at else "",
                "yes" if r.archived else "",
            ]
            writer.writerow([csv_cell(cell) for cell in cells])
        return out.getvalue()

    # --- the calendar ----------------------------------------------------------------------

    def calendar(self, horizon_days: int = 90) -> bytes:
        """Upcoming interviews and due follow-ups as an iCalendar file."""
        from icalendar import Calendar, Event

        now = self._db.now()
        tz = local_tz()
        cal = Calendar()
        cal.add("prodid", "-//pursuit//job search//EN")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", "pursuit")
        stamp = now.astimezone(tz)
        with self._db.connection() as conn:
            interviews = queries.upcoming_interviews(
                conn, now - timedelta(hours=6), now + timedelta(days=horizon_days)
            )
            durations = dict(conn.execute("SELECT id, duration_minutes FROM interview"))
            due = queries.due(conn, now + timedelta(days=horizon_days))
        for iv in interviews:
            event = Event()
            event.add("uid", f"interview-{iv.id}@pursuit")
            event.add("dtstamp", stamp)
            event.add("dtstart", iv.starts_at)
            event.add("dtend", iv.starts_at + timedelta(minutes=durations.get(iv.id) or 60))
            title = f"Interview: {iv.company}, {iv.role} ({iv.title})"
            if iv.cancelled:
                # Kept, marked: a calendar that imported it before takes it off on re-import.
                event.add("status", "CANCELLED")
                title = f"Cancelled: {title}"
            event.add("summary", ics_text(title))
            if iv.location or iv.link:
                event.add("location", ics_text(iv.location or iv.link))
            lines = [f"{iv.title} interview for {iv.role} at {iv.company}."]
            if iv.interviewers:
                lines.append(f"With: {', '.join(iv.interviewers)}")
            if iv.link:
                lines.append(f"Join: {iv.link}")
            event.add("description", ics_text("\n".join(lines)))
            cal.add_component(event)
        for row in due:
            event = Event()
            who = f" to {row.contact_name}" if row.contact_name else ""
            # Stable across exports, so a calendar that re-imports the file updates the event;
            # the parts a follow-up lacks (no person, no source) are left out, not "None".
            parts = [str(row.application_id), row.action, row.contact_id, row.source]
            uid = "-".join(str(p) for p in parts if p not in (None, ""))
            event.add("uid", f"follow-up-{uid}@pursuit".replace(":", "-"))
            event.add("dtstamp", stamp)
            if row.action in DEADLINES:
                event.add("dtstart", row.due_at - timedelta(minutes=30))
                event.add("dtend", row.due_at)
            else:
                day = row.due_at.astimezone(tz).date()
                event.add("dtstart", day)
                event.add("dtend", day + timedelta(days=1))
            event.add("summary", ics_text(f"{ACTION_LABELS[row.action]}{who} · {row.company}"))
            event.add("description", ics_text(f"{row.role} at {row.company}. From pursuit."))
            cal.add_component(event)
        return bytes(cal.to_ical())
