"""Import a spreadsheet: choose the file, check the preview and the column mapping, import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from pursuit.domain.localzone import local_tz
from pursuit.domain.safe_text import for_terminal
from pursuit.paths import BadPath, user_path
from pursuit.store.importer import FIELDS, ImportPlan
from pursuit.tui.screens.base import PursuitScreen
from pursuit.tui.widgets.plain import plain
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.importer import ImportResult
    from pursuit.store.repo import Store

CHOICES = [(f, f) for f in FIELDS] + [("(ignore)", "ignore")]
DATE_ORDERS = [
    ("Day first: 03/04/2026 is 3 April", "dmy"),
    ("Month first: 03/04/2026 is March 4", "mdy"),
]


class ImportScreen(PursuitScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="import.back", tooltip="Import nothing"),
        Binding(
            "ctrl+r",
            "read",
            "Read",
            id="import.read",
            tooltip="Read the file again with the mapping below",
        ),
        Binding(
            "ctrl+s",
            "run_import",
            "Import",
            id="import.run",
            tooltip="Import the rows that can be read",
        ),
    ]

    class Previewed(Message):
        """The mapping and the first rows, shown while the rest of the file is counted."""

        def __init__(self, plan: ImportPlan) -> None:
            super().__init__()
            self.plan = plan

    class Read(Message):
        def __init__(
            self,
            plan: ImportPlan | None,
            error: str = "",
            ask_dates: bool = False,
            read: tuple[str, dict[str, str]] = ("", {}),
        ) -> None:
            super().__init__()
            self.plan = plan
            self.error = error
            #: The file's dates read both ways: ask which comes first.
            self.ask_dates = ask_dates
            #: The path and the columns chosen that PLAN was read with.
            self.read = read

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.path = path
        self.plan: ImportPlan | None = None
        #: The path and the columns chosen that the plan was read with (the import's own).
        self.read_with: tuple[str, dict[str, str]] = ("", {})
        self.headers: list[str] = []
        self._mapping_shown = False
        #: The order of dates chosen for the file at this path, asked once per file.
        self.dates: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="import-body"):
            yield Label(
                "Spreadsheet file (CSV, UTF-8; comma, semicolon or tab separated)",
                classes="field-label",
            )
            yield Input(self.path, placeholder="~/Downloads/job-search.csv", id="import-path")
            yield Static(id="import-status")
            dates = Select(
                DATE_ORDERS, prompt="Which comes first in this file's dates?", id="import-dates"
            )
            dates.display = False
            yield dates
            yield Label("First rows", classes="section-title")
            yield DataTable(id="import-preview", show_cursor=False)
            yield Label("Columns (what each one holds)", classes="section-title")
            yield Horizontal(id="import-mapping")
            yield Static(id="import-problems")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Read file", id="read")
                yield Button("Import", variant="primary", id="import", disabled=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Import a spreadsheet"
        self.query_one("#import-path", Input).focus()
        if self.path:
            self.action_read()

    # --- reading ----------------------------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        chosen = {}
        for i, header in enumerate(self.headers):
            select = self.query(f"#map-{i}")
            if select:
                value = select.first(Select).value
                if isinstance(value, str):
                    chosen[header] = value
        return chosen

    def action_read(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        dates = self.dates[1] if self.dates and self.dates[0] == path else None
        if dates is None:
            self.query_one("#import-dates", Select).display = False
        self.read_file(path, self.mapping(), dates)

    @work(thread=True, exclusive=True, group="import-read", name="read spreadsheet")
    def read_file(self, path: str, chosen: dict[str, str], dates: str | None = None) -> None:
        """The first rows at once, then the whole file counted as it is read (never held:
        a file of any size is previewed in the same memory)."""
        from textual.worker import get_current_worker

        from pursuit.store.importer import (
            AmbiguousDates,
            ImportFailed,
            parse_mapping,
            preview_csv,
            scan_csv,
        )

        if not path:
            self.post_message(self.Read(None, "Type the path of the file first."))
            return
        worker = get_current_worker()
        try:
            pairs = [f"{column}={field}" for column, field in chosen.items()]
            mapping, sheet, now = parse_mapping(pairs), user_path(path), self.pursuit.clock.now()
            self.post_message(self.Previewed(preview_csv(sheet, now, mapping)))
            # Read again from the top, to count: when the path, the mapping or the order of
            # dates changes meanwhile, this reading stops and a new one starts.
            plan = scan_csv(sheet, now, mapping, dates=dates, stopped=lambda: worker.is_cancelled)
        except AmbiguousDates as exc:
            message = f"{exc}. Choose which comes first below."
            self.post_message(self.Read(None, message, ask_dates=True))
            return
        except (ImportFailed, BadPath) as exc:
            self.post_message(self.Read(None, str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Read(plan, read=(path, chosen)))

    async def on_import_screen_previewed(self, message: Previewed) -> None:
        self.plan = None  # the rows are counted before anything can be imported
        self.query_one("#import", Button).disabled = True
        if not message.plan.problem:
            self.query_one("#import-status", Static).update(
                Text("Reading the file to count its rows…", style="dim")
            )
        self.query_one("#import-problems", Static).update("")
        await self._show_preview(message.plan)

    async def on_import_screen_read(self, message: Read) -> None:
        status = self.query_one("#import-status", Static)
        button = self.query_one("#import", Button)
        if message.ask_dates:
            choice = self.query_one("#import-dates", Select)
            choice.display = True
            choice.focus()
        if message.plan is None:
            status.update(Text(message.error, style="bold red"))
            button.disabled = True
            return
        plan = self.plan = message.plan
        self.read_with = message.read
        good, bad = plan.readable, plan.unreadable
        if plan.problem:
            status.update(Text(f"{plan.problem} below.", style="bold red"))
        else:
            status.update(
                Text.assemble(
                    (f"{good:,} rows can be imported", "bold green"),
                    (f", {bad:,} cannot" if bad else "", "bold yellow"),
                )
            )
        button.disabled = good == 0
        await self._show_preview(plan)
        problems = Text()
        for b in plan.bad[:20]:
            problems.append(f"line {b.line}: {b.reason}\n", style="yellow")
        if plan.unreadable > 20:
            problems.append(f"… and {plan.unreadable - 20:,} more\n", style="yellow")
        if plan.unmapped:
            problems.append(f"Not imported: {', '.join(plan.unmapped)}\n", style="dim")
        self.query_one("#import-problems", Static).update(problems)

    async def _show_preview(self, plan: ImportPlan) -> None:
        table = self.query_one("#import-preview", DataTable)
        table.clear(columns=True)
        header, *rows = plan.preview
        table.add_columns(*[plain(h or "(blank)") for h in header])
        for row in rows:
            cells = (row + [""] * (len(header) - len(row)))[: len(header)]
            table.add_row(*(plain(cell) for cell in cells))
        if header != self.headers:
            self.headers = header
            mapping = self.query_one("#import-mapping", Horizontal)
            await mapping.remove_children()
            used = {c: f for c, f in plan.mapping.items()}
            widgets = []
            for i, name in enumerate(header):
                box = VerticalScroll(classes="map-column")
                widgets.append((box, name, i, used.get(name.strip(), "ignore")))
            await mapping.mount_all([w[0] for w in widgets])
            self._mapping_shown = False
            for box, name, i, value in widgets:
                await box.mount(
                    Label(name or "(blank)"),
                    Select(CHOICES, value=value, allow_blank=False, id=f"map-{i}"),
                )
            # Changes from here on are the user's: each one reads the file again.
            self.call_after_refresh(setattr, self, "_mapping_shown", True)

    # --- importing --------------------------------------------------------------------------

    def action_run_import(self) -> None:
        from pursuit.tui.screens.confirm import Confirm

        plan = self.plan
        if plan is None or not plan.readable:
            return
        path, chosen = self.read_with
        name = Path(path).name
        skipped = (
            f" The {plan.unreadable:,} rows that cannot be read are left out."
            if plan.unreadable
            else ""
        )

        def done(result: Any) -> None:
            today = self.pursuit.clock.now().astimezone(local_tz()).date()
            before = result.earlier.sentence(today)
            self.notify(
                # The companies' names are the spreadsheet's: shown as typed, never as markup.
                for_terminal(
                    f"Imported {result.added}; {result.duplicate_count} were already in pursuit."
                    + (f" {before}" if before else "")
                ),
                timeout=20 if before else 5,
                markup=False,
            )
            self.app.pop_screen()

        def answered(yes: bool | None) -> None:
            if yes:
                self.pursuit.run_write(
                    lambda s: self._import_rows(s, path, chosen, plan.dates), done
                )

        self.app.push_screen(
            Confirm(f"Import {plan.readable:,} applications from {name}?{skipped}", yes="Import"),
            answered,
        )

    def _import_rows(
        self, store: Store, path: str, chosen: dict[str, str], dates: str
    ) -> ImportResult:
        """The file's good rows, read again as they are written (an ImportFailed, told as "not
        saved", if it changed since it was counted; the rows before it are kept)."""
        from pursuit.store.importer import parse_mapping, rows_of

        mapping = parse_mapping([f"{column}={field}" for column, field in chosen.items()])
        rows = rows_of(user_path(path), self.pursuit.clock.now(), mapping, dates)
        return store.transfer.import_applications(rows, source=Path(path).name)

    @on(Button.Pressed, "#read")
    @on(Input.Submitted, "#import-path")
    def _read(self) -> None:
        self.action_read()

    @on(Select.Changed)
    def _mapping_changed(self, event: Select.Changed) -> None:
        mapping = event.select.id and event.select.id.startswith("map-")
        if mapping and self._mapping_shown:
            self.action_read()

    @on(Select.Changed, "#import-dates")
    def _dates_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.dates = (self.query_one("#import-path", Input).value.strip(), event.value)
            self.action_read()

    @on(Button.Pressed, "#import")
    def _import(self) -> None:
        self.action_run_import()
