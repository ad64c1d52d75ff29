"""The home screen: every application, its stage, and what to do next."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Footer, Input, Static

from pursuit.domain.pipeline import COLUMN_KEYS, Coming, Entry, PipelineView, Query
from pursuit.tui import stage_actions
from pursuit.tui.pipeline_cells import COLUMNS
from pursuit.tui.screens.base import PursuitScreen
from pursuit.tui.screens.keys import PIPELINE_KEYS
from pursuit.tui.screens.pipeline_archive import answers_in_view, archive, delete
from pursuit.tui.widgets.application_table import ApplicationTable
from pursuit.tui.widgets.filter_box import FilterBox
from pursuit.tui.widgets.stage_bar import StageBar
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.domain.records import ApplicationRow, ContactRow
    from pursuit.store.screen_reads import PipelinePage

#: Lines read before the rest, so that the screen is useful while the others load.
FIRST_PAGE = 100
#: An interview this close turns the application's next action into getting ready for it.
COMING = timedelta(days=30)


class PipelineScreen(PursuitScreen[None]):
    BINDINGS = PIPELINE_KEYS

    class Loaded(Message):
        """Applications read in the background: the first page, then every one."""

        def __init__(
            self,
            serial: int,
            view: PipelineView,
            counts: dict[str, int],
            coming: dict[int, Coming],
            contacts: list[ContactRow] | None,
            complete: bool,
        ) -> None:
            super().__init__()
            self.serial = serial
            self.view = view
            self.counts = counts
            self.coming = coming
            self.contacts = contacts
            self.complete = complete

    class FirstPage(Message):
        """The first rows, read before the store opens (None when only the store can read)."""

        def __init__(self, page: PipelinePage | None) -> None:
            super().__init__()
            self.page = page

    def __init__(self) -> None:
        super().__init__()
        self.view = PipelineView([])
        self.counts: dict[str, int] = {}
        self.view_query = Query()
        self.show_archived = False
        self.loaded = False
        self.select_next: int | None = None
        self._serial = 0
        self._read_before_store = False
        #: Keys that needed the store, pressed before it was open.
        self._after_open: list[Callable[[], object]] = []

    # Read-only views of the query, as the keys change it.
    @property
    def sort_column(self) -> str:
        return self.view_query.column

    @property
    def sort_reverse(self) -> bool:
        return self.view_query.reverse

    @property
    def stage_filter(self) -> str | None:
        return self.view_query.stage

    @property
    def text_filter(self) -> str:
        return self.view_query.text

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield StageBar(id="stage-bar")
        # The filter box comes here, and the footer below, a frame later (`_add_the_rest`).
        # Above the table, so that it is seen whatever the terminal's height.
        opening = Static(self.opening_line(), id="pipeline-empty")
        # The demo being made: say so in the first frame (its rows take a moment).
        opening.display = self.pursuit.making_demo
        yield opening
        yield ApplicationTable(id="pipeline")

    def opening_line(self) -> str:
        if self.pursuit.demo and self.pursuit.store is None:
            return "Making the demo: a sample job search, a few weeks in…"
        return "Opening your applications…"

    @property
    def table(self) -> ApplicationTable:
        return self.query_one(ApplicationTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.watch(self.app, "data_generation", self._data_changed, init=False)
        self.watch(self.app, "now", self._time_passed, init=False)
        self._first_page()
        # A dozen widgets that the first frame can do without: the keys work before the
        # footer shows them, a frame later.
        self.call_after_refresh(self._add_the_rest)

    async def _add_the_rest(self) -> None:
        # The filter box (hidden until `/`) too: an Input's styles cost the first frame ms.
        box = FilterBox(
            placeholder="Filter: type to narrow, enter to keep, escape to clear", id="filter"
        )
        box.can_focus = False  # until `/` shows it: a hidden box must not take the keys
        # The app may already be leaving (a file it cannot open): then there is no screen.
        if not self.is_attached:
            return
        await self.mount(box, after=self.query_one(StageBar))
        if not self.is_attached:
            return
        await self.mount(Footer())
        # The footer lists the keys when told they changed; they have not since it came.
        self.refresh_bindings()

    # A group of its own: a reload started by a key (z, x) before this worker has run used to
    # cancel it in the shared group, and with it the opening of the store: "loading…" for good.
    @work(thread=True, exclusive=True, group="pipeline-first-page", name="read the first page")
    def _first_page(self) -> None:
        """The first screenful straight from the file, before the store (and its ORM) opens.

        A few indexed reads of a few milliseconds whatever the file's size; every other row
        is read after the first rows are drawn, and the store opens after that too.
        """
        from pursuit.store import screen_reads

        now = self.now()
        page = screen_reads.first_page(self.pursuit.db_path, now, FIRST_PAGE, COMING)
        self.post_message(self.FirstPage(page))

    def on_pipeline_screen_first_page(self, message: FirstPage) -> None:
        page = message.page
        if page is None:
            self.render_rows()  # what is happening, until the store has the rows
        elif self._serial == 0:
            self._read_before_store = True
            self._serial += 1
            counts = page.counts or {}
            self.on_pipeline_screen_loaded(
                self.Loaded(
                    self._serial, PipelineView(page.entries), counts, page.coming, None, False
                )
            )
            # The rest after the first rows are drawn, not competing with them.
            self.call_after_refresh(self.load_rows, self._serial, False)
        # The store (and the ORM) only once the first rows are out.
        self.call_after_refresh(self.pursuit.open_store)

    # --- loading ---------------------------------------------------------------------------

    def _data_changed(self, _generation: int) -> None:
        if self.pursuit.store is not None and self._after_open:
            waiting, self._after_open = self._after_open, []
            for action in waiting:
                action()
        if self._read_before_store and not self.pursuit.store_changed_on_open:
            # The bump that says the store is open: what was read from the file still holds.
            self._read_before_store = False
            return
        self._read_before_store = False
        self.reload_when_seen(self.reload)

    def _time_passed(self, now: datetime | None) -> None:
        # A tick redraws only the lines on screen whose state moved (due -> overdue).
        if now is not None and self.loaded:
            self.table.restyle(now)

    def reload(self) -> None:
        self._serial += 1
        self.load_rows(self._serial, self.show_archived)

    @work(thread=True, exclusive=True, group="pipeline-load", name="load pipeline")
    def load_rows(self, serial: int, archived: bool) -> None:
        from pursuit.store import screen_reads

        page = screen_reads.every_entry(self.pursuit.db_path, self.now(), COMING, archived=archived)
        if page is None:
            return  # the ticker reports a file it cannot read
        view = PipelineView(page.entries)
        view.order("due")
        self.post_message(
            self.Loaded(serial, view, view.stage_counts(), page.coming, page.contacts, True)
        )
        # The other columns' orders, so that a sort key never waits (a second at 100,000).
        view.make_orders()
        # They are long-lived too: out of the collector's way like the entries (see below).
        gc.freeze()

    def on_pipeline_screen_loaded(self, message: Loaded) -> None:
        if message.serial != self._serial:
            return
        self.view = message.view
        self.counts = message.counts
        self.table.coming = message.coming
        if message.complete:
            # Tens of thousands of long-lived entries: keep the cycle collector from walking
            # them all again and again (a pause of a tenth of a second at 100,000).
            gc.freeze()
            self.loaded = True
            self.pursuit.pipeline_rows = message.view.order("due")
            if message.contacts is not None:
                self.pursuit.contacts = message.contacts
        self.render_rows()

    # --- drawing ---------------------------------------------------------------------------

    def visible_rows(self) -> list[Entry]:
        return list(self.view.select(self.view_query))

    def render_rows(self) -> None:
        table = self.table
        wanted = self.select_next or self.selected_id()
        # This view's own entry (a reload makes new ones), found among the rows by identity.
        selected = self.view.by_id.get(wanted) if wanted is not None else None
        rows = self.view.select(self.view_query)
        table.sort_column, table.sort_reverse = self.view_query.column, self.view_query.reverse
        table.now = self.now()
        table.show(rows, select=selected)
        if table.selected is not None and table.selected.id == self.select_next:
            self.select_next = None
        bar = self.query_one(StageBar)
        bar.counts = dict(self.counts)
        bar.active = self.view_query.stage
        empty = self.query_one("#pipeline-empty", Static)
        empty.display = not rows
        if not rows:
            if not self.view.entries:
                empty.update(
                    self.opening_line()
                    if not self.loaded
                    else "No archived applications."
                    if self.show_archived
                    else "No applications yet. Press [b]a[/b] to add your first one."
                )
            else:
                empty.update(
                    "Nothing matches this filter. Press [b]0[/b] for all stages, "
                    "[b]escape[/b] to clear the text filter."
                )
        title = "Archive" if self.show_archived else "Pipeline"
        sort = next(t for k, t, _w in COLUMNS if k == self.view_query.column)
        if self.view_query.reverse:
            sort += " ↑"
        shown = f"{len(rows)} shown" if self.loaded else "loading…"
        table.border_title = f"{title} · {shown} · sorted by {sort}"

    # --- selection -------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        entry = self.table.selected
        return entry.id if entry is not None else None

    def with_selected(self, then: Callable[[ApplicationRow], None]) -> None:
        """Read the selected application off the UI thread, then call THEN with it here."""
        app_id = self.selected_id()
        if app_id is None:
            self.notify("Select an application first.", severity="warning")
            return
        if self.pursuit.store is None:
            # The first rows come before the store: the key acts on its row once it is open.
            self._after_open.append(lambda: self._read_selected(app_id, then))
            return
        self._read_selected(app_id, then)

    @work(thread=True, exclusive=True, group="pipeline-selected", name="read the selected row")
    def _read_selected(self, app_id: int, then: Callable[[ApplicationRow], None]) -> None:
        from pursuit.store.errors import NotFound
        from pursuit.tui.saving import reading

        store = self.pursuit.store
        if store is None:
            return
        with reading(self, store.path):
            try:
                row = store.views.application(app_id)
            except NotFound:
                self.notify("That application is gone.", severity="warning")
                return
            self.app.call_from_thread(then, row)

    @on(ApplicationTable.Opened)
    def _open(self, event: ApplicationTable.Opened) -> None:
        self.pursuit.open_application(event.app_id)

    @on(ApplicationTable.SortClicked)
    def _header(self, event: ApplicationTable.SortClicked) -> None:
        if event.column == self.view_query.column:
            self._requery(reverse=not self.view_query.reverse)
        else:
            self._requery(column=event.column, reverse=False)

    def _requery(self, **change: Any) -> None:
        self.view_query = replace(self.view_query, **change)
        self.render_rows()

    # --- actions ---------------------------------------------------------------------------

    def action_add(self) -> None:
        stage_actions.add(self, self._select_after_write)

    def _select_after_write(self, app_id: int) -> None:
        # The reload that follows the write puts the cursor on the new row.
        self.select_next = app_id

    def action_edit(self) -> None:
        self.with_selected(lambda row: stage_actions.edit(self, row))

    def action_advance(self) -> None:
        self.with_selected(lambda row: stage_actions.advance(self, row))

    def action_move(self) -> None:
        self.with_selected(lambda row: stage_actions.move(self, row))

    def action_archive(self) -> None:
        self.with_selected(lambda row: archive(self, row))

    def action_restore(self) -> None:
        self.with_selected(lambda row: archive(self, row))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return answers_in_view(action, self.show_archived)

    def action_show_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.refresh_bindings()  # x archives here, restores there; z goes there, or back
        self.view = PipelineView([])
        self.loaded = False
        self.render_rows()
        self.reload()

    # The same keys in the archive, where the footer names them for what they do there.
    action_leave_archive = action_show_archived
    action_advance_archived = action_advance

    def action_delete(self) -> None:
        self.with_selected(lambda row: delete(self, row))

    def action_stage_filter(self, stage: str) -> None:
        self._requery(stage=stage or None)

    def action_sort(self) -> None:
        keys = COLUMN_KEYS
        following = keys[(keys.index(self.view_query.column) + 1) % len(keys)]
        self._requery(column=following, reverse=False)

    def action_reverse(self) -> None:
        self._requery(reverse=not self.view_query.reverse)

    def _filter_box(self) -> Input | None:
        boxes = self.query("#filter").results(Input)
        return next(boxes, None)

    def action_filter(self) -> None:
        box = self._filter_box()
        if box is None:
            return  # `/` before the frame after the first: the box is still to come
        box.add_class("-shown")
        box.can_focus = True
        # At once, not when the app next gets to it: letters typed straight after `/` are
        # already queued behind this key, and must go to the box, not to the pipeline's keys.
        self.set_focus(box)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._requery(text=event.value.strip())

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        box = self._filter_box()
        if box is not None and box.has_class("-shown"):
            box.value = ""
            box.remove_class("-shown")
            box.can_focus = False
            self.table.focus()
