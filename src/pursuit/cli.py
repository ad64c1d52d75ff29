"""The command line. With no command, pursuit opens the app on the user's database.

Errors go to stderr in one sentence with exit code 2; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pursuit import __version__
from pursuit.domain.clock import Clock, SystemClock
from pursuit.domain.dates import (
    BadDate,
    local_tz,
    parse_day,
    parse_decision_day,
    parse_moment,
    short_day,
)
from pursuit.domain.followups import ACTION_KINDS, ACTION_LABELS, EVENT_KINDS
from pursuit.domain.moments import from_db, to_db
from pursuit.domain.safe_text import TerminalStream, for_terminal, json_text
from pursuit.domain.stages import SECTORS, STAGES, UnknownStage, normalise
from pursuit.paths import BadPath, resolve_db_path, user_path

if TYPE_CHECKING:
    from pursuit.store.repo import Store

EXIT_USAGE = 2


class UserError(Exception):
    """Something the user can fix; printed as it is."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Let relative dates such as `-3d` or `-2w` be values, as negative numbers are.
        self._negative_number_matcher = re.compile(r"^-\d+(?:\.\d+)?\s*[a-z]*$")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="pursuit",
        description="A job-search tracker for the terminal. With no command, opens the app.",
    )
    p.add_argument("--version", action="version", version=f"pursuit {__version__}")
    db_help = "database file (default: $PURSUIT_DB, then your data folder)"
    p.add_argument("--db", metavar="PATH", help=db_help)
    # Every command takes --db after its name too; SUPPRESS leaves the one before it alone.
    db_after = _Parser(add_help=False)
    db_after.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    plain_add = sub.add_parser

    def add_command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return plain_add(name, parents=[db_after], **kwargs)

    sub.add_parser = add_command  # type: ignore[method-assign]

    sub.add_parser("tui", help="open the app (the default)")
    demo = sub.add_parser("demo", help="open the app on a fresh database of sample data")
    demo.add_argument("--keep", metavar="PATH", help="write the demo database to PATH and keep it")

    add = sub.add_parser("add", help="add an application; prints its id")
    add.add_argument("company")
    add.add_argument("role")
    add.add_argument("--stage", default="applied", help=f"one of: {', '.join(STAGES)}")
    add.add_argument("--applied", metavar="WHEN", help="when you applied (default: today)")
    add.add_argument("--url", default="")
    add.add_argument("--source", default="", help="where you found it")
    add.add_argument("--location", default="")
    add.add_argument("--sector", default="other", help=f"one of: {', '.join(SECTORS)}")
    add.add_argument("--notes", default="")
    add.add_argument("--json", action="store_true", help='print {"id": N}')

    ls = sub.add_parser("list", help="list applications")
    ls.add_argument("--stage", help="only this stage")
    ls.add_argument("--archived", action="store_true", help="list archived applications")
    ls.add_argument("--json", action="store_true")

    st = sub.add_parser("stage", help="move an application to a stage")
    st.add_argument("app", type=int, metavar="APP", help="application id")
    st.add_argument("stage", metavar="STAGE", help=f"one of: {', '.join(STAGES)}")

    iv = sub.add_parser("interview", help="record an interview; prints its id")
    iv.add_argument("app", type=int, metavar="APP")
    iv.add_argument("--at", required=True, metavar="WHEN", help="when it starts")
    iv.add_argument(
        "--kind",
        default="video",
        choices=["phone", "video", "onsite", "panel", "group", "technical"],
    )
    iv.add_argument(
        "--with",
        dest="people",
        action="append",
        default=[],
        metavar="NAME",
        help="an interviewer (repeat for a panel)",
    )
    iv.add_argument("--decision-by", metavar="WHEN", help="the decision date they gave")
    iv.add_argument("--round", default="", help="round name, e.g. 'Final'")
    iv.add_argument("--location", default="", help="address or meeting link")
    iv.add_argument("--json", action="store_true")

    log = sub.add_parser("log", help="log something sent, heard or decided")
    log.add_argument("app", type=int, metavar="APP")
    log.add_argument("event", metavar="EVENT", help=f"one of: {', '.join(EVENT_KINDS)}")
    log.add_argument("--at", metavar="WHEN", help="when (default: now)")
    log.add_argument("--contact", metavar="NAME")
    log.add_argument("--interview", type=int, metavar="ID")
    log.add_argument("--decision-by", metavar="WHEN", help="a decision date they gave")
    log.add_argument("--note", default="")

    dis = sub.add_parser("dismiss", help="dismiss a pending follow-up")
    dis.add_argument("app", type=int, metavar="APP")
    dis.add_argument("action", metavar="ACTION", help=f"one of: {', '.join(ACTION_KINDS)}")
    dis.add_argument("--contact", metavar="NAME")

    dr = sub.add_parser("draft", help="print a message filled in for an application")
    dr.add_argument("app", type=int, metavar="APP")
    dr.add_argument(
        "kind",
        metavar="KIND",
        help="a template: a follow-up action (thank-you, first-check-in, ...) or "
        "thank-you-linkedin, thank-you-note, offer-accept, offer-negotiate, "
        "offer-decline, phone-check-in, or one of your own",
    )
    dr.add_argument("--contact", metavar="NAME", help="who it is for")
    dr.add_argument("--interview", type=int, metavar="ID", help="which interview it is about")
    dr.add_argument("--copy", action="store_true", help="also copy it to the clipboard")

    imp = sub.add_parser("import", help="import applications from a spreadsheet (CSV)")
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="which field a column holds (repeat); FIELD one of company, role, "
        "stage, applied, url, location, salary, notes, contact, source, sector, "
        "or ignore",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would happen; change nothing"
    )
    imp.add_argument(
        "--skip-bad", action="store_true", help="import the good rows even when some cannot be read"
    )

    exp = sub.add_parser("export", help="export everything (json) or a report (csv)")
    exp.add_argument("--format", choices=["json", "csv"], default="json")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    res = sub.add_parser("restore", help="load a JSON export into an empty database")
    res.add_argument("file", metavar="FILE.json")

    ics = sub.add_parser("ics", help="a calendar file of interviews and follow-ups")
    ics.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    sub.add_parser("backup", help="copy the database into its backups/ folder now")

    cfg = sub.add_parser("config", help="show the settings, or change one")
    cfg.add_argument("action", nargs="?", choices=["show", "set"], default="show")
    cfg.add_argument("key", nargs="?", metavar="KEY")
    cfg.add_argument("value", nargs="?", metavar="VALUE")
    cfg.add_argument("--json", action="store_true")

    due = sub.add_parser("due", help="what to send, most overdue first")
    due.add_argument("--at", metavar="WHEN", help="as of this moment (default: now)")
    due.add_argument("--json", action="store_true")
    return p


def _open(args: argparse.Namespace, clock: Clock) -> Store:
    from pursuit.store.repo import Store

    return Store.open(resolve_db_path(args.db), clock)


@contextmanager
def _reading(args: argparse.Namespace, clock: Clock) -> Iterator[sqlite3.Connection]:
    """A connection for a command that only reads: plain sqlite3 when the file is up to date
    (fast enough for a shell prompt), else the full open, which creates or upgrades it."""
    from pursuit.store.db import open_for_reading

    conn = open_for_reading(resolve_db_path(args.db))
    if conn is not None:
        try:
            yield conn
        finally:
            conn.close()
        return
    store = _open(args, clock)
    try:
        with store.reader() as reader:
            yield reader
    finally:
        store.close()


def _moment(text: str | None, clock: Clock, *, future: bool) -> datetime | None:
    return parse_moment(text, clock.now(), future=future) if text else None


def _day(text: str | None, clock: Clock, *, future: bool) -> date | None:
    return parse_day(text, clock.now(), future=future) if text else None


def _print_json(value: Any) -> None:
    if isinstance(value, list) and value:
        # A record a line: as easy to read and grep, and written by the C encoder, where
        # indent= takes the pure-Python one (most of `due --json` on a long list).
        records = ",\n  ".join(json_text(v) for v in value)
        print(f"[\n  {records}\n]")
    else:
        print(json_text(value, indent=2))


def _table(rows: list[list[str]], headers: list[str]) -> str:
    # One line a row: a newline or tab inside a name shows as a picture, not a break.
    rows = [[for_terminal(c) for c in r] for r in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def cmd_add(args: argparse.Namespace, clock: Clock) -> int:
    stage = normalise(args.stage)
    applied = _day(args.applied, clock, future=False)
    with_store = _open(args, clock)
    try:
        app_id = with_store.add_application(
            args.company,
            args.role,
            stage=stage,
            applied_on=applied,
            url=args.url,
            source=args.source,
            location=args.location,
            sector=args.sector,
            notes=args.notes,
        )
    finally:
        with_store.close()
    if args.json:
        _print_json({"id": app_id})
    else:
        print(app_id)
    return 0


def cmd_list(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store import queries

    stage = normalise(args.stage) if args.stage else None
    with _reading(args, clock) as conn:
        rows = queries.applications(conn, stage=stage, archived=args.archived)
    if args.json:
        _print_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print(_nothing_listed(args, stage))
        return 0
    today = clock.now().astimezone(local_tz()).date()
    table = [
        [
            str(r.id),
            r.stage,
            r.company,
            r.role,
            ACTION_LABELS.get(r.next_action or "", ""),
            short_day(r.next_due_at.astimezone(local_tz()).date(), today) if r.next_due_at else "",
        ]
        for r in rows
    ]
    print(_table(table, ["ID", "STAGE", "COMPANY", "ROLE", "NEXT", "DUE"]))
    return 0


def _nothing_listed(args: argparse.Namespace, stage: str | None) -> str:
    """Why the list is empty: a filter that matched nothing is not an empty search."""
    if stage and args.archived:
        return f"No archived applications at {stage}."
    if stage:
        return f"No applications at {stage}. pursuit list shows every stage."
    if args.archived:
        return "No archived applications."
    return "No applications yet. Add one with: pursuit add COMPANY ROLE"


def cmd_stage(args: argparse.Namespace, clock: Clock) -> int:
    stage = normalise(args.stage)
    store = _open(args, clock)
    try:
        changed = store.set_stage(args.app, stage)
    finally:
        store.close()
    print(
        f"application {args.app} moved to {stage}"
        if changed
        else f"application {args.app} is already {stage}"
    )
    return 0


def cmd_interview(args: argparse.Namespace, clock: Clock) -> int:
    starts = parse_moment(args.at, clock.now(), future=True)
    decision = (
        parse_decision_day(args.decision_by, clock.now(), starts.astimezone(local_tz()).date())
        if args.decision_by
        else None
    )
    store = _open(args, clock)
    try:
        iid = store.add_interview(
            args.app,
            starts,
            kind=args.kind,
            interviewers=args.people,
            decision_by=decision,
            round_name=args.round,
            location=args.location,
        )
    finally:
        store.close()
    if args.json:
        _print_json({"id": iid})
    else:
        print(iid)
    return 0


def cmd_log(args: argparse.Namespace, clock: Clock) -> int:
    if args.event not in EVENT_KINDS:
        raise UserError(f"unknown event {args.event!r}; known events: {', '.join(EVENT_KINDS)}")
    at = _moment(args.at, clock, future=False)
    decision = parse_decision_day(args.decision_by, clock.now()) if args.decision_by else None
    store = _open(args, clock)
    try:
        logged = store.log_event(
            args.app,
            args.event,
            at=at,
            contact=args.contact,
            interview_id=args.interview,
            decision_by=decision,
            note=args.note,
        )
    finally:
        store.close()
    if logged.warning:
        print(f"warning: {logged.warning}", file=sys.stderr)
    print(f"logged {args.event} for application {args.app}")
    return 0


def cmd_dismiss(args: argparse.Namespace, clock: Clock) -> int:
    store = _open(args, clock)
    try:
        n = store.dismiss(args.app, args.action, args.contact)
    finally:
        store.close()
    print(f"dismissed {n} {args.action} for application {args.app}")
    return 0


def cmd_due(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store import queries

    # In UTC, like the stored moments: comparing within one zone skips a local-time lookup.
    at = (_moment(args.at, clock, future=True) or clock.now()).astimezone(UTC)
    tz = local_tz()
    if args.json:
        with _reading(args, clock) as conn:
            brief = queries.due_brief(conn, at)
        stored_at = to_db(at)
        # Follow-ups fall due at the same few moments (the start of a day): write each once.
        local: dict[str, str] = {}
        _print_json(
            [
                {
                    "application": app_id,
                    "company": company,
                    "role": role,
                    "action": action,
                    "due": local.get(due_at)
                    or local.setdefault(due_at, from_db(due_at).astimezone(tz).isoformat()),
                    # The stored text sorts as the moment does.
                    "overdue": overdue_at <= stored_at,
                    "contact": contact,
                }
                for app_id, company, role, action, due_at, overdue_at, contact in brief
            ]
        )
        return 0
    with _reading(args, clock) as conn:
        rows = queries.due(conn, at)
    today = at.astimezone(tz).date()
    overdue = sum(1 for r in rows if r.is_overdue(at))
    due_today = sum(
        1 for r in rows if not r.is_overdue(at) and r.due_at.astimezone(tz).date() <= today
    )
    later = len(rows) - overdue - due_today
    if not rows:
        print("Nothing due. Nice.")
        return 0
    table = []
    for r in rows:
        local = r.due_at.astimezone(tz)
        when = short_day(local.date(), today)
        if r.action in ("thank-you", "rejection-reply", "offer-answer"):
            when += f" {local:%H:%M}"
        table.append(
            [
                "!" if r.is_overdue(at) else "·",
                when,
                r.company,
                r.role,
                ACTION_LABELS[r.action],
                r.contact_name or "",
                str(r.application_id),
            ]
        )
    print(_table(table, ["", "DUE", "COMPANY", "ROLE", "ACTION", "WHO", "APP"]))
    print(f"\n{overdue} overdue, {due_today} due today, {later} due later")
    return 0


def cmd_draft(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.clipboard import copy_to_system

    store = _open(args, clock)
    try:
        rendered, _iv, _contact = store.render_draft(
            args.app, args.kind, interview_id=args.interview, contact=args.contact
        )
    finally:
        store.close()
    text = rendered.as_text()
    print(text)
    markers = rendered.markers
    if markers:
        unique = ", ".join(dict.fromkeys(markers))
        print(f"warning: {len(markers)} unfilled: {unique}", file=sys.stderr)
    if args.copy:
        if copy_to_system(text):
            print("copied to the clipboard", file=sys.stderr)
        else:
            print(
                "warning: no clipboard tool answered; copy the text above by hand", file=sys.stderr
            )
    return 0


def _write_output(path: str | None, data: str | bytes, database: Path) -> None:
    """To stdout, or whole to a file only the user can read (exports hold personal data)."""
    from pursuit.store.safe_write import write_whole

    if path is None:
        # Bytes, past the terminal stream: the format's own escaping has made them safe.
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.buffer.flush()
        return
    target = user_path(path)
    write_whole(target, data.encode("utf-8") if isinstance(data, str) else data, database)
    print(f"wrote {target}", file=sys.stderr)


def _check_output(path: str | None, database: Path) -> None:
    """Refuse a bad target before the work of the export, not after it."""
    from pursuit.store.safe_write import check_target

    if path is not None:
        check_target(user_path(path), database)


def cmd_import(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store.importer import ImportFailed, parse_mapping, rows_of, scan_csv

    sheet = user_path(args.file)
    try:
        mapping = parse_mapping(args.map)
        # The first pass finds every bad row before anything is written.
        plan = scan_csv(sheet, clock.now(), mapping)
    except ImportFailed as exc:
        raise UserError(str(exc)) from exc
    if plan.problem:
        raise UserError(f"{plan.problem} with --map COLUMN=FIELD")
    columns = ", ".join(f"{c} -> {f}" for c, f in plan.mapping.items())
    print(f"columns: {columns}")
    if plan.unmapped:
        print(f"not imported: {', '.join(plan.unmapped)} (use --map COLUMN=FIELD)")
    for bad in plan.bad:
        print(f"line {bad.line}: {bad.reason}", file=sys.stderr)
    if plan.bad and not args.skip_bad and not args.dry_run:
        print(
            f"pursuit: error: {len(plan.bad)} row(s) cannot be read; nothing was imported. "
            "Fix them, or use --skip-bad to import the others",
            file=sys.stderr,
        )
        return EXIT_USAGE
    store = _open(args, clock)
    try:
        result = store.import_applications(
            rows_of(sheet, clock.now(), mapping), source=sheet.name, dry_run=args.dry_run
        )
    except ImportFailed as exc:
        # Only when the file changed between the two readings.
        raise UserError(
            f"{exc}; the rows before it were imported, and running the import again adds "
            "the rest without duplicates"
        ) from exc
    finally:
        store.close()
    for line in result.duplicates[:20]:
        print(f"line {line}: already in pursuit, skipped")
    if result.duplicate_count > 20:
        print(f"... and {result.duplicate_count - 20:,} more lines already in pursuit")
    verb = "would import" if args.dry_run else "imported"
    print(
        f"{verb} {result.added}, {result.duplicate_count} already there, {len(plan.bad)} unreadable"
    )
    return 0


def cmd_export(args: argparse.Namespace, clock: Clock) -> int:
    database = resolve_db_path(args.db)
    _check_output(args.output, database)
    store = _open(args, clock)
    try:
        data = store.export_json() if args.format == "json" else store.export_csv()
    finally:
        store.close()
    _write_output(args.output, data, database)
    return 0


def cmd_restore(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store.files import MAX_RESTORE, open_regular_file

    path = user_path(args.file)
    try:
        text = open_regular_file(path, MAX_RESTORE).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}") from exc
    from pursuit.store.restore import restore_file

    target = resolve_db_path(args.db)
    n = restore_file(text, target, clock, path.name)
    print(f"restored {n} applications into {target}")
    return 0


def cmd_ics(args: argparse.Namespace, clock: Clock) -> int:
    database = resolve_db_path(args.db)
    _check_output(args.output, database)
    store = _open(args, clock)
    try:
        data = store.calendar()
    finally:
        store.close()
    _write_output(args.output, data, database)
    return 0


def cmd_backup(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store.backup import backup

    store = _open(args, clock)
    store.close()
    # BackupFailed names the file and the fault; main() prints it.
    print(backup(resolve_db_path(args.db), clock.now()))
    return 0


def cmd_config(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.domain.settings import SETTINGS, BadSetting, check, effective

    store = _open(args, clock)
    try:
        if args.action == "set":
            if not args.key or args.value is None:
                raise UserError("usage: pursuit config set KEY VALUE")
            try:
                value = check(args.key, args.value, _choices(args.key))
            except BadSetting as exc:
                raise UserError(str(exc)) from exc
            store.set_settings({args.key: value})
            print(f"{args.key} = {value}")
            return 0
        values = effective(store.settings())
    finally:
        store.close()
    if args.json:
        _print_json(values)
        return 0
    width = max(len(s.key) for s in SETTINGS)
    for spec in SETTINGS:
        print(f"{spec.key:<{width}}  {values[spec.key]!s:<24}  {spec.label}")
    return 0


def _choices(key: str) -> tuple[str, ...]:
    """The names a choice setting may take: the themes are Textual's."""
    if key != "theme":
        return ()
    from textual.theme import BUILTIN_THEMES

    return tuple(BUILTIN_THEMES)


def run_tui(db_path: Path, clock: Clock, *, demo: bool = False) -> int:
    from pursuit.tui.app import PursuitApp

    app = PursuitApp(db_path=db_path, clock=clock, demo=demo)
    app.run()
    return app.return_code or 0


def cmd_demo(args: argparse.Namespace, clock: Clock) -> int:
    import tempfile

    from pursuit.tui.demo_maker import start_early

    if args.keep:
        path = user_path(args.keep)
        if path.exists():
            raise UserError(f"{path} already exists; choose a new file for the demo")
        start_early(path, clock.now())  # while Textual is imported
        return run_tui(path, clock, demo=True)
    with tempfile.TemporaryDirectory(prefix="pursuit-demo-") as folder:
        start_early(Path(folder) / "demo.db", clock.now())
        return run_tui(Path(folder) / "demo.db", clock, demo=True)


COMMANDS = {
    "add": cmd_add,
    "list": cmd_list,
    "stage": cmd_stage,
    "interview": cmd_interview,
    "log": cmd_log,
    "dismiss": cmd_dismiss,
    "due": cmd_due,
    "draft": cmd_draft,
    "import": cmd_import,
    "export": cmd_export,
    "restore": cmd_restore,
    "ics": cmd_ics,
    "backup": cmd_backup,
    "config": cmd_config,
    "demo": cmd_demo,
}


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(out), TerminalStream(err)  # type: ignore[assignment]
    try:
        return _main(argv, clock)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None, clock: Clock | None) -> int:
    args = build_parser().parse_args(argv)
    clock = clock or SystemClock()
    from pursuit.store.db import StoreError

    try:
        if args.command in (None, "tui"):
            return run_tui(resolve_db_path(args.db), clock)
        return COMMANDS[args.command](args, clock)
    except (UserError, StoreError, BadDate, UnknownStage, BadPath) as exc:
        print(f"pursuit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:
        found = _explained(exc, args)
        print(
            f"pursuit: error: {found or f'the database could not be used ({exc})'}", file=sys.stderr
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`pursuit due | head`): nothing went wrong here. Python
        # would still complain when it flushes stdout on the way out, so point that away.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        # A busy file, a full disk, a read-only folder: named as what they are, not as bugs.
        found = _explained(exc, args)
        if found is not None:
            print(f"pursuit: error: {found}", file=sys.stderr)
            return EXIT_USAGE
        from pursuit.launch import report_bug

        return report_bug(exc)


def _explained(exc: BaseException, args: argparse.Namespace) -> Exception | None:
    from pursuit.store.errors import explain

    try:
        path = resolve_db_path(args.db)
    except BadPath:
        return None
    return explain(exc, path)


if __name__ == "__main__":
    raise SystemExit(main())
