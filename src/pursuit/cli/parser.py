"""The command line's grammar: every command, its arguments and their help."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from pursuit import __version__
from pursuit.cli.common import EXIT_USAGE
from pursuit.domain.actions import ACTION_KINDS, EVENT_KINDS
from pursuit.domain.interviews import INTERVIEW_KINDS
from pursuit.domain.stages import SECTORS, STAGES


class _Parser(argparse.ArgumentParser):
    def __init__(
        self,
        *args: Any,
        required: Callable[[argparse.Namespace], list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Let relative dates such as `-3d` or `-2w` be values, as negative numbers are.
        self._negative_number_matcher = re.compile(r"^-\d+(?:\.\d+)?\s*[a-z]*$")
        #: The arguments still missing once the others are known (required unless...).
        self._required = required

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        found, rest = super().parse_known_args(args, namespace)
        missing = self._required(found) if self._required else []
        if missing:
            self.error(f"the following arguments are required: {', '.join(missing)}")
        return found, rest

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _company_and_role(args: argparse.Namespace) -> list[str]:
    """`add` needs COMPANY and ROLE unless --from gives a posting that may name them."""
    if args.posting is not None:
        return []
    return [name for name in ("company", "role") if getattr(args, name) is None]


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

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[db_after], **kwargs)

    command("tui", help="open the app (the default)")
    demo = command("demo", help="open the app on a fresh database of sample data")
    demo.add_argument("--keep", metavar="PATH", help="write the demo database to PATH and keep it")

    add = command(
        "add",
        help="add an application, or capture it from its posting (--from); prints its id",
        required=_company_and_role,
    )
    # Optional only with --from, where the posting may name them: see _company_and_role.
    add.add_argument("company", nargs="?")
    add.add_argument("role", nargs="?")
    add.add_argument(
        "--from",
        dest="posting",
        metavar="URL|FILE|-",
        help="fill it in from the posting: its address, a saved page, or - for text pasted "
        "on standard input (a page, an address, or the posting's text)",
    )
    add.add_argument(
        "--again",
        action="store_true",
        help="add it even when an application already holds the posting",
    )
    add.add_argument("--stage", default="applied", help=f"one of: {', '.join(STAGES)}")
    add.add_argument("--applied", metavar="WHEN", help="when you applied (default: today)")
    add.add_argument("--url", default="")
    add.add_argument("--source", default="", help="where you found it")
    add.add_argument("--location", default="")
    add.add_argument("--sector", default="other", help=f"one of: {', '.join(SECTORS)}")
    add.add_argument("--notes", default="")
    add.add_argument(
        "--json", action="store_true", help='print {"id": N, "added": true, "earlier": [ids]}'
    )

    ls = command("list", help="list applications")
    ls.add_argument("--stage", help="only this stage")
    ls.add_argument("--archived", action="store_true", help="list archived applications")
    ls.add_argument("--json", action="store_true")

    show = command("show", help="everything about one application")
    show.add_argument("app", type=int, metavar="APP", help="application id")
    show.add_argument("--json", action="store_true")

    st = command("stage", help="move an application to a stage")
    st.add_argument("app", type=int, metavar="APP", help="application id")
    st.add_argument("stage", metavar="STAGE", help=f"one of: {', '.join(STAGES)}")

    iv = command("interview", help="record an interview; prints its id")
    iv.add_argument("app", type=int, metavar="APP")
    iv.add_argument("--at", required=True, metavar="WHEN", help="when it starts")
    iv.add_argument(
        "--kind",
        default="video",
        choices=INTERVIEW_KINDS,
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
    iv.add_argument("--location", default="", help="where it is: an address, a room")
    iv.add_argument(
        "--link", default="", metavar="URL", help="the meeting link (Zoom, Meet, Teams...)"
    )
    iv.add_argument("--json", action="store_true")

    log = command("log", help="log something sent, heard or decided")
    log.add_argument("app", type=int, metavar="APP")
    log.add_argument("event", metavar="EVENT", help=f"one of: {', '.join(EVENT_KINDS)}")
    log.add_argument("--at", metavar="WHEN", help="when (default: now)")
    log.add_argument("--contact", metavar="NAME", help="one of the application's people")
    log.add_argument(
        "--new-contact", action="store_true", help="--contact is someone new: add them"
    )
    log.add_argument("--interview", type=int, metavar="ID")
    log.add_argument("--decision-by", metavar="WHEN", help="a decision date they gave")
    log.add_argument("--note", default="")

    dis = command("dismiss", help="dismiss a pending follow-up")
    dis.add_argument("app", type=int, metavar="APP")
    dis.add_argument("action", metavar="ACTION", help=f"one of: {', '.join(ACTION_KINDS)}")
    dis.add_argument("--contact", metavar="NAME")
    dis.add_argument(
        "--undo", action="store_true", help="bring back the last dismissed ACTION instead"
    )

    dr = command("draft", help="print a message filled in for an application")
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

    imp = command("import", help="import applications from a spreadsheet (CSV)")
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
    imp.add_argument(
        "--dates",
        choices=["dmy", "mdy"],
        help="dates like 03/04/2026 are day/month (dmy) or month/day (mdy); asked for only "
        "when no date in the file settles it",
    )

    inv = command(
        "invite",
        help="an interview invitation (.ics or .eml) becomes the interview, kept up to date",
    )
    inv.add_argument("file", metavar="FILE", help="an .ics or .eml file; - reads standard input")
    inv.add_argument("--app", type=int, metavar="APP", help="the application it is for")
    inv.add_argument(
        "--json",
        action="store_true",
        help='print {"application": A, "interview": I, "action": ...}',
    )

    exp = command("export", help="export everything (json) or a report (csv)")
    exp.add_argument("--format", choices=["json", "csv"], default="json")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    res = command("restore", help="load a JSON export into an empty database")
    res.add_argument("file", metavar="FILE.json")

    ics = command("ics", help="a calendar file of interviews and follow-ups")
    ics.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    command("backup", help="copy the database into its backups/ folder now")

    cfg = command("config", help="show the settings, or change one")
    cfg.add_argument("action", nargs="?", choices=["show", "set"], default="show")
    cfg.add_argument("key", nargs="?", metavar="KEY")
    cfg.add_argument("value", nargs="?", metavar="VALUE")
    cfg.add_argument("--json", action="store_true")

    due = command("due", help="what to send, most overdue first")
    due.add_argument("--at", metavar="WHEN", help="as of this moment (default: now)")
    due.add_argument("--json", action="store_true")
    return p
