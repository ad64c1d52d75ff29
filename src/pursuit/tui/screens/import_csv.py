"""Import a spreadsheet: choose the file, check the preview and the column mapping, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from pursuit.paths import BadPath, user_path
from pursuit.store.importer import FIELDS, ImportPlan
from pursuit.tui.screens.base import PursuitScreen
from pursuit.tui.widgets.plain import plain
from pursuit.tui.widgets.title_bar import TitleBar

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

    class Read(Message):
        def __init__(
            self, plan: ImportPlan | None, error: str = "", ask_dates: bool = False
        ) -> None:
            super().__init__()
            self.plan = plan
            self.error = error
            #: The file's dates read both ways: ask which comes first.
            self.ask_dates = ask_dates

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.path = path
        self.plan: ImportPlan | None = None
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
        from pursuit.store.importer import AmbiguousDates, ImportFailed, parse_mapping, read_csv

        if not path:
            self.post_message(self.Read(None, "Type the path of the file first."))
            return
        try:
            pairs = [f"{column}={field}" for column, field in chosen.items()]
            plan = read_csv(
                user_path(path),
                self.pursuit.clock.now(),
                parse_mapping(pairs),
                dates,
            )
        except AmbiguousDates as exc:
            message = f"{exc}. Choose which comes first below."
            self.post_message(self.Read(None, message, ask_dates=True))
            return
        except (ImportFailed, BadPath) as exc:
            self.post_message(self.Read(None, str(exc)))
            return
        self.post_message(self.Read(plan))

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
        good, bad = len(plan.rows), len(plan.bad)
        if plan.problem:
            status.update(Text(f"{plan.problem} below.", style="bold red"))
        else:
            status.update(
                Text.assemble(
                    (f"{good} rows can be imported", "bold green"),
                    (f", {bad} cannot" if bad else "", "bold yellow"),
                )
            )
        button.disabled = good == 0
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
        problems = Text()
        for b in plan.bad[:20]:
            problems.append(f"line {b.line}: {b.reason}\n", style="yellow")
        if len(plan.bad) > 20:
            problems.append(f"… and {len(plan.bad) - 20} more\n", style="yellow")
        if plan.unmapped:
            problems.append(f"Not imported: {', '.join(plan.unmapped)}\n", style="dim")
        self.query_one("#import-problems", Static).update(problems)

    # --- importing --------------------------------------------------------------------------

    def action_run_import(self) -> None:
        from pursuit.tui.screens.confirm import Confirm

        plan = self.plan
        if plan is None or not plan.rows:
            return
        name = Path(self.query_one("#import-path", Input).value).name
        skipped = f" The {len(plan.bad)} rows that cannot be read are left out." if plan.bad else ""

        def done(result: Any) -> None:
            self.notify(
                f"Imported {result.added}; {result.duplicate_count} were already in pursuit."
            )
            self.app.pop_screen()

        def answered(yes: bool | None) -> None:
            if yes:
                self.pursuit.run_write(
                    lambda s: s.transfer.import_applications(plan.rows, source=name), done
                )

        self.app.push_screen(
            Confirm(f"Import {len(plan.rows)} applications from {name}?{skipped}", yes="Import"),
            answered,
        )

    @on(Button.Pressed, "#read")
    @on(Input.Submitted, "#import-path")
    def _read(self) -> None:
        self.action_read()

    @on(Select.Changed)
    def _mapping_changed(self, event: Select.Changed) -> None:
        mapping = event.select.id and event.select.id.startswith("map-")
        if mapping and self.plan is not None and self._mapping_shown:
            self.action_read()

    @on(Select.Changed, "#import-dates")
    def _dates_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.dates = (self.query_one("#import-path", Input).value.strip(), event.value)
            self.action_read()

    @on(Button.Pressed, "#import")
    def _import(self) -> None:
        self.action_run_import()
