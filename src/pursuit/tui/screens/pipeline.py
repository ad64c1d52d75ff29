"""The home screen: every application, its stage, and what to do next."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.followups import ACTION_LABELS
from pursuit.domain.records import ApplicationRow, ContactRow, InterviewRow
from pursuit.domain.stages import STAGE_KEYS, STAGES, label
from pursuit.tui import stage_actions
from pursuit.tui.widgets.stage_bar import StageBar

#: (key, title, width): a width of 0 shares what the fixed columns leave, by the weights below.
COLUMNS = (
    ("company", "Company", 0),
    ("role", "Role", 0),
    ("stage", "Stage", 12),
    ("next", "Next action", 0),
    ("due", "Due", 11),
    ("contact", "Last contact", 12),
)
FLEX = {"company": 3, "role": 3, "next": 4}


def column_widths(total: int) -> dict[str, int]:
    """Widths that fill TOTAL cells (each column also takes 2 cells of padding)."""
    fixed = sum(w for _k, _t, w in COLUMNS)
    spare = max(total - fixed - 2 * len(COLUMNS), 3 * len(FLEX))
    weights = sum(FLEX.values())
    widths = {k: w for k, _t, w in COLUMNS}
    for key, weight in FLEX.items():
        widths[key] = max(6, spare * weight // weights)
    return widths


#: Marker characters so that the state reads without colour too.
MARKERS = {"overdue": "!", "due": "•", "later": " ", "": " "}


def _sort_key(column: str, row: ApplicationRow) -> Any:
    far = datetime.max.replace(tzinfo=local_tz())
    if column == "stage":
        return (STAGES.index(row.stage) if row.stage in STAGES else 99, row.company.lower())
    if column == "due":
        return (row.next_due_at or far, row.company.lower())
    if column == "contact":
        return (row.last_contact_at or far, row.company.lower())
    if column == "next":
        return (row.next_action or "~", row.company.lower())
    return (getattr(row, column).lower(), row.id)


class PipelineScreen(Screen[None]):
    BINDINGS = [
        Binding("a", "add", "Add", id="pipeline.add", tooltip="Add an application"),
        Binding("e", "edit", "Edit", id="pipeline.edit", tooltip="Edit the selected application"),
        Binding(
            "i",
            "app.insights",
            "Insights",
            id="pipeline.insights",
            tooltip="How the search is going: funnel, answers, waiting times",
        ),
        Binding(
            "comma",
            "app.settings",
            "Settings",
            id="pipeline.settings",
            show=False,
            tooltip="Your details, follow-up timings, ticker interval, theme",
        ),
        Binding(
            "n",
            "advance",
            "Next stage",
            id="pipeline.advance",
            tooltip="Move the selected application to the next stage",
        ),
        Binding(
            "m",
            "move",
            "Stage…",
            id="pipeline.move",
            tooltip="Move the selected application to any stage",
        ),
        Binding(
            "slash",
            "filter",
            "Filter",
            id="pipeline.filter",
            tooltip="Filter by company, role, location or notes",
        ),
        Binding("o", "sort", "Sort", id="pipeline.sort", tooltip="Sort by the next column"),
        Binding(
            "r",
            "reverse",
            "Reverse",
            id="pipeline.reverse",
            show=False,
            tooltip="Reverse the sort order",
        ),
        Binding(
            "x",
            "archive",
            "Archive",
            id="pipeline.archive",
            tooltip="Archive (or restore) the selected application",
        ),
        Binding(
            "z",
            "show_archived",
            "Archived",
            id="pipeline.show-archived",
            show=False,
            tooltip="Show the archive instead of the active applications",
        ),
        Binding(
            "delete",
            "delete",
            "Delete",
            id="pipeline.delete",
            show=False,
            tooltip="Delete the selected application for good (asks first)",
        ),
        *[
            Binding(
                k,
                f"stage_filter('{s}')",
                label(s),
                id=f"pipeline.stage-{s}",
                show=False,
                tooltip=f"Show only {label(s).lower()} applications",
            )
            for k, s in STAGE_KEYS.items()
        ],
        Binding(
            "0",
            "stage_filter('')",
            "All stages",
            id="pipeline.stage-all",
            show=False,
            tooltip="Show every stage",
        ),
    ]

    class Loaded(Message):
        def __init__(
            self,
            rows: list[ApplicationRow],
            archived: bool,
            contacts: list[ContactRow],
            prep: dict[int, tuple[InterviewRow, int, int]],
        ) -> None:
            super().__init__()
            self.rows = rows
            self.archived = archived
            self.contacts = contacts
            self.prep = prep

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ApplicationRow] = []
        #: The next interview of each application within a month, with its preparation.
        self.prep: dict[int, tuple[InterviewRow, int, int]] = {}
        self.stage_filter: str | None = None
        self.text_filter = ""
        self.sort_column = "due"
        self.sort_reverse = False
        self.show_archived = False
        self.loaded = False
        self.select_next: int | None = None
        #: Each row's follow-up state when the table was last drawn (key 0: the day).
        self._states: dict[int, str] = {}
        self.widths = column_widths(116)

    def compose(self) -> ComposeResult:
        yield Header()
        yield StageBar(id="stage-bar")
        box = Input(
            placeholder="Filter: type to narrow, enter to keep, escape to clear", id="filter"
        )
        box.can_focus = False  # until `/` shows it: a hidden box must not take the keys
        yield box
        # Above the table, so that it is seen whatever the terminal's height.
        yield Static("Opening your applications…", id="pipeline-empty")
        yield DataTable(id="pipeline", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.widths = column_widths(self.size.width - 4)
        self._add_columns(table)
        table.focus()
        self.watch(self.app, "data_generation", self._data_changed, init=False)
        self.watch(self.app, "now", self._time_passed, init=False)
        if getattr(self.app, "store", None) is not None:
            self.reload()

    def _add_columns(self, table: DataTable[Text]) -> None:
        for key, title, _width in COLUMNS:
            table.add_column(title, key=key, width=self.widths[key])

    def on_resize(self) -> None:
        widths = column_widths(self.size.width - 4)
        if widths != self.widths:
            self.widths = widths
            table = self.query_one(DataTable)
            table.clear(columns=True)
            self._add_columns(table)
            if self.loaded:
                self.render_rows()

    # --- loading ---------------------------------------------------------------------------

    def _data_changed(self, _generation: int) -> None:
        self.reload()

    def _time_passed(self, now: datetime | None) -> None:
        # Each tick only restyles: rebuild the table when some row's state actually moved
        # (due -> overdue), not every thirty seconds with thousands of rows.
        if not self.loaded or now is None:
            return
        # Day names ("today", "tomorrow") change at midnight too.
        states = {r.id: r.follow_up_state(now) for r in self.rows}
        states[0] = now.astimezone(local_tz()).date().isoformat()
        if states != self._states:
            self.render_rows()

    def reload(self) -> None:
        self.load_rows(self.show_archived)

    @work(thread=True, exclusive=True, group="pipeline-load", name="load pipeline")
    def load_rows(self, archived: bool) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        if store is not None:
            from pursuit.store import queries

            rows = store.applications(archived=archived)
            now = self.now()
            with store.reader() as conn:
                coming = queries.preparation(conn, now, now + timedelta(days=30))
            prep: dict[int, tuple[InterviewRow, int, int]] = {}
            for iv, settled, total in coming:
                prep.setdefault(iv.application_id, (iv, settled, total))
            self.post_message(self.Loaded(rows, archived, store.contacts(), prep))

    def on_pipeline_screen_loaded(self, message: Loaded) -> None:
        if message.archived != self.show_archived:
            return
        self.rows = message.rows
        self.prep = message.prep
        self.loaded = True
        self.app.pipeline_rows = message.rows  # type: ignore[attr-defined]
        self.app.contacts = message.contacts  # type: ignore[attr-defined]
        self.render_rows()

    # --- drawing ---------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.app.now or self.app.clock.now()  # type: ignore[attr-defined]

    def visible_rows(self) -> list[ApplicationRow]:
        rows = self.rows
        if self.stage_filter:
            rows = [r for r in rows if r.stage == self.stage_filter]
        if self.text_filter:
            needle = self.text_filter.lower()
            rows = [
                r
                for r in rows
                if needle in f"{r.company}\n{r.role}\n{r.location}\n{r.notes}".lower()
            ]
        return sorted(rows, key=lambda r: _sort_key(self.sort_column, r), reverse=self.sort_reverse)

    def _cells(self, row: ApplicationRow, now: datetime) -> list[Text]:
        tz = local_tz()
        today = now.astimezone(tz).date()
        state = row.follow_up_state(now)
        style = {"overdue": "bold red", "due": "yellow", "later": "", "": ""}[state]
        action = ACTION_LABELS.get(row.next_action or "", "")
        if action and row.next_contact:
            action += f" · {row.next_contact}"
        due = ""
        if row.next_due_at is not None:
            due = short_day(row.next_due_at.astimezone(tz).date(), today)
        coming = self.prep.get(row.id)
        if coming and (row.next_opens_at is None or coming[0].starts_at <= row.next_opens_at):
            # The interview comes before anything there is to send: get ready for it.
            iv, settled, total = coming
            action = f"Prepare {iv.kind} ({settled}/{total})"
            due = short_day(iv.starts_at.astimezone(tz).date(), today)
            state, style = ("due", "cyan") if settled < total else ("later", "green")
        marker = MARKERS[state]
        contact = (
            short_day(row.last_contact_at.astimezone(tz).date(), today)
            if row.last_contact_at
            else ""
        )
        cells = [
            Text(row.company, style="bold"),
            Text(row.role),
            Text(label(row.stage)),
            Text(action, style=style),
            Text(f"{marker} {due}" if due else "", style=style),
            Text(contact, style="dim"),
        ]
        for cell, (key, _t, _w) in zip(cells, COLUMNS, strict=True):
            cell.truncate(self.widths[key], overflow="ellipsis")
        return cells

    def render_rows(self) -> None:
        table = self.query_one(DataTable)
        selected = self.select_next or self.selected_id()
        now = self.now()
        rows = self.visible_rows()
        self._states = {r.id: r.follow_up_state(now) for r in self.rows}
        self._states[0] = now.astimezone(local_tz()).date().isoformat()
        table.clear()
        for row in rows:
            table.add_row(*self._cells(row, now), key=str(row.id))
        if selected is not None and any(r.id == selected for r in rows):
            table.move_cursor(row=table.get_row_index(str(selected)), animate=False)
            if selected == self.select_next:
                self.select_next = None
        counts = Counter(r.stage for r in self.rows)
        bar = self.query_one(StageBar)
        bar.counts = dict(counts)
        bar.active = self.stage_filter
        empty = self.query_one("#pipeline-empty", Static)
        empty.display = not rows
        if not rows:
            if not self.rows:
                empty.update(
                    "No archived applications."
                    if self.show_archived
                    else "No applications yet. Press [b]a[/b] to add your first one."
                )
            else:
                empty.update(
                    "Nothing matches this filter. Press [b]0[/b] for all stages, "
                    "[b]escape[/b] to clear the text filter."
                )
        title = "Archive" if self.show_archived else "Pipeline"
        sort = next(t for k, t, _w in COLUMNS if k == self.sort_column)
        if self.sort_reverse:
            sort += " ↑"
        table.border_title = f"{title} · {len(rows)} shown · sorted by {sort}"

    # --- selection -------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # the cursor can sit past the end while the table is rebuilt
            return None
        return int(key.value) if key.value is not None else None

    def selected_row(self) -> ApplicationRow | None:
        app_id = self.selected_id()
        return next((r for r in self.rows if r.id == app_id), None)

    def _need_selection(self) -> ApplicationRow | None:
        row = self.selected_row()
        if row is None:
            self.notify("Select an application first.", severity="warning")
        return row

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_application(int(event.row_key.value))  # type: ignore[attr-defined]

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.render_rows()

    # --- actions ---------------------------------------------------------------------------

    def action_add(self) -> None:
        stage_actions.add(self, self._select_after_write)

    def _select_after_write(self, app_id: int) -> None:
        # The reload that follows the write puts the cursor on the new row.
        self.select_next = app_id

    def action_edit(self) -> None:
        row = self._need_selection()
        if row is not None:
            stage_actions.edit(self, row)

    def action_advance(self) -> None:
        row = self._need_selection()
        if row is not None:
            stage_actions.advance(self, row)

    def action_move(self) -> None:
        row = self._need_selection()
        if row is not None:
            stage_actions.move(self, row)

    def action_archive(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        restore = row.archived
        self.app.run_write(  # type: ignore[attr-defined]
            lambda store: store.archive(row.id, not restore),
            success=f"{'Restored' if restore else 'Archived'} {row.company} · {row.role}"
            + ("" if restore else " (z shows the archive)"),
        )

    def action_show_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.rows = []
        self.loaded = False
        self.render_rows()
        self.reload()

    def action_delete(self) -> None:
        from pursuit.tui.screens.confirm import Confirm

        row = self._need_selection()
        if row is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.run_write(  # type: ignore[attr-defined]
                    lambda store: store.delete_application(row.id),
                    success=f"Deleted {row.company} · {row.role}",
                )

        self.app.push_screen(
            Confirm(
                f"Delete {row.company} · {row.role} and all its history for good?\n"
                "(Archive with x keeps it out of the way instead.)",
                yes="Delete",
                danger=True,
            ),
            answered,
        )

    def action_stage_filter(self, stage: str) -> None:
        self.stage_filter = stage or None
        self.render_rows()

    def action_sort(self) -> None:
        keys = [k for k, _t, _w in COLUMNS]
        self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self.sort_reverse = False
        self.render_rows()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.render_rows()

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("-shown")
        box.can_focus = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.text_filter = event.value.strip()
        self.render_rows()

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        self.query_one(DataTable).focus()

    def key_escape(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_class("-shown"):
            box.value = ""
            box.remove_class("-shown")
            box.can_focus = False
            self.query_one(DataTable).focus()
