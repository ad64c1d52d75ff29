"""`import`, `export`, `restore`, `ics` and `backup`: data in and out of the file."""

from __future__ import annotations

import argparse
import os
import sys

from pursuit.cli.common import EXIT_USAGE, Command, UserError, open_store, store_for_reading
from pursuit.cli.output import check_output, write_output
from pursuit.domain.clock import Clock
from pursuit.paths import resolve_db_path, user_path


def cmd_import(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store.importer import (
        AmbiguousDates,
        ImportFailed,
        parse_mapping,
        rows_of,
        scan_csv,
    )

    sheet = user_path(args.file)
    try:
        mapping = parse_mapping(args.map)
        # The first pass finds every bad row before anything is written.
        plan = scan_csv(sheet, clock.now(), mapping, dates=args.dates)
    except AmbiguousDates as exc:
        raise UserError(
            f"{sheet}: {exc}. Nothing was imported; say which with --dates dmy (day first) "
            "or --dates mdy (month first)"
        ) from exc
    except ImportFailed as exc:
        raise UserError(str(exc)) from exc
    if plan.problem:
        raise UserError(f"{plan.problem} with --map COLUMN=FIELD")
    columns = ", ".join(f"{c} -> {f}" for c, f in plan.mapping.items())
    print(f"columns: {columns}")
    if plan.dates:
        print(f"dates read as {'day/month' if plan.dates == 'dmy' else 'month/day'}")
    if plan.unmapped:
        print(f"not imported: {', '.join(plan.unmapped)} (use --map COLUMN=FIELD)")
    for bad in plan.bad:
        print(f"line {bad.line}: {bad.reason}", file=sys.stderr)
    if plan.unreadable > len(plan.bad):
        more = plan.unreadable - len(plan.bad)
        print(f"... and {more:,} more lines that cannot be read", file=sys.stderr)
    if plan.unreadable and not args.skip_bad and not args.dry_run:
        print(
            f"pursuit: error: {plan.unreadable} row(s) cannot be read; nothing was imported. "
            "Fix them, or use --skip-bad to import the others",
            file=sys.stderr,
        )
        return EXIT_USAGE
    store = open_store(args, clock)
    try:
        result = store.transfer.import_applications(
            rows_of(sheet, clock.now(), mapping, plan.dates),
            source=sheet.name,
            dry_run=args.dry_run,
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
        f"{verb} {result.added}, {result.duplicate_count} already there, "
        f"{plan.unreadable} unreadable"
    )
    from pursuit.domain.dates import local_tz

    before = result.earlier.sentence(clock.now().astimezone(local_tz()).date())
    if before:
        print(before)
    return 0


def cmd_export(args: argparse.Namespace, clock: Clock) -> int:
    database = resolve_db_path(args.db)
    check_output(args.output, database)
    with store_for_reading(args, clock) as store:
        data = (
            store.transfer.export_json() if args.format == "json" else store.transfer.export_csv()
        )
    write_output(args.output, data, database)
    return 0


def cmd_restore(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store.files import MAX_RESTORE, open_regular_file

    path = user_path(args.file)
    try:
        text = open_regular_file(path, MAX_RESTORE).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read {path}: {exc}") from exc
    from pursuit.store.restoring import restore_file

    target = resolve_db_path(args.db)
    n = restore_file(text, target, clock, path.name)
    print(f"restored {n} applications into {target}")
    return 0


def cmd_ics(args: argparse.Namespace, clock: Clock) -> int:
    database = resolve_db_path(args.db)
    check_output(args.output, database)
    with store_for_reading(args, clock) as store:
        data = store.transfer.calendar()
    write_output(args.output, data, database)
    return 0


def cmd_backup(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.store.backup import backup

    database = resolve_db_path(args.db)
    if not os.path.lexists(database):
        raise UserError(f"there is no database at {database} to back up")
    store = open_store(args, clock)
    store.close()
    # BackupFailed names the file and the fault; main() prints it.
    print(backup(resolve_db_path(args.db), clock.now()))
    return 0


COMMANDS: dict[str, Command] = {
    "import": cmd_import,
    "export": cmd_export,
    "restore": cmd_restore,
    "ics": cmd_ics,
    "backup": cmd_backup,
}
