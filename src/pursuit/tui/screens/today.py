"""Today: interviews coming up this week, then every follow-up that is open, most overdue first."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from pursuit.domain.actions import ACTION_LABELS, DEADLINES
from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.records import DueRow, InterviewRow, PrepRow
from pursuit.domain.wall_time import clock_time
from pursuit.tui.follow_up_actions import dismiss, mark_sent, open_draft, undo_dismiss
from pursuit.tui.saving import reading
from pursuit.tui.widgets.plain import plain
from pursuit.tui.widgets.title_bar import TitleBar

#: Follow-ups listed at most: the most overdue come first, and a list longer than this is
#: no longer a day's work.
SHOWN = 500
STATE_STYLE = {"overdue": ("!", "bold red"), "today": ("•", "yellow"), "later": ("·", "")}


def countdown(start: datetime, now: datetime) -> str:
    """`in 3h 20m`, `in 2d 4h`, `started`: how long until an interview."""
    seconds = int((start - now).total_seconds())
    if seconds <= 0:
        return "started"
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days:
        return f"in {days}d {hours}h"
    if hours:
        return f"in {hours}h {minutes:02d}m"
    return f"in {minutes}m"


def start_of_tomorrow(now: datetime) -> datetime:
    tz = local_tz()
    return datetime.combine(now.astimezone(tz).date() + timedelta(days=1), datetime.min.time(), tz)


def due_bucket(row: DueRow, now: datetime) -> str:
    if row.is_overdue(now):
        return "overdue"
    return "today" if row.due_at < start_of_tomorrow(now) else "later"


class TodayScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", "Back", id="today.back", tooltip="Back to the pipeline"
        ),
        Binding(
            "enter",
            "write",
            "Write",
            id="today.write",
            tooltip="Open the message for the selected follow-up, filled in",
        ),
        Binding(
            "s",
            "done",
            "Mark sent",
            id="today.done",
            tooltip="Log the selected follow-up as sent (sent outside pursuit)",
        ),
        Binding(
            "d",
            "dismiss_action",
            "Dismiss",
            id="today.dismiss",
            tooltip="Hide this follow-up without sending anything",
        ),
        Binding(
            "u",
            "undo_dismiss",
            "Undo dismiss",
            id="today.undo-dismiss",
            show=False,
            tooltip="Bring back the follow-up dismissed last",
        ),
        Binding(
            "o", "open", "Open", id="today.open", tooltip="Open the application of the selected row"
        ),
    ]

    class Loaded(Message):
        def __init__(
            self,
            rows: list[InterviewRow],
            prep: dict[int, tuple[int, int]],
            due: list[DueRow],
            counts: dict[str, int],
        ) -> None:
            super().__init__()
            self.rows = rows
            self.prep = prep
            self.due = due
            self.counts = counts

    def __init__(self) -> None:
        super().__init__()
        self.due: list[DueRow] = []
        self.prepare: list[PrepRow] = []
        self.prep: dict[int, tuple[int, int]] = {}
        self.interviews: list[InterviewRow] = []
        self.counts = {"overdue": 0, "today": 0, "later": 0}

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Label("Interviews in the next 7 days", classes="section-title")
        yield DataTable(id="today-interviews", cursor_type="row")
        yield Label("Follow-ups", classes="section-title", id="follow-ups-title")
        yield DataTable(id="today-due", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#today-interviews", DataTable).add_columns(
            "When", "Countdown", "Company", "Round", "With", "Prep"
        )
        self.query_one("#today-due", DataTable).add_columns(
            "", "Due", "Action", "Who", "Company", "Role"
        )
        self.watch(self.app, "now", lambda _now: self.load(), init=False)
        self.watch(self.app, "data_generation", lambda _g: self.load(), init=False)
        self.query_one("#today-due", DataTable).focus()
        self.load()

    def now(self) -> datetime:
        return self.app.now or self.app.clock.now()  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="today-load", name="load today")
    def load(self) -> None:
        from pursuit.store import queries

        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            return
        now = self.now()
        with reading(self, store.path), store.reader() as conn:
            rows = queries.upcoming_interviews(
                conn, now - timedelta(hours=2), now + timedelta(days=7)
            )
            prep = {
                iv.id: (settled, total)
                for iv, settled, total in queries.preparation(
                    conn, now - timedelta(hours=2), now + timedelta(days=7)
                )
            }
            due = queries.due(conn, now, limit=SHOWN)
            counts = queries.due_counts(conn, now, start_of_tomorrow(now))
            self.post_message(self.Loaded(rows, prep, due, counts))

    def on_today_screen_loaded(self, message: Loaded) -> None:
        self.interviews = message.rows
        self.prep = message.prep
        self.due = message.due
        self.counts = message.counts
        self.prepare = list(self.app.prepare_rows)  # type: ignore[attr-defined]
        self._draw_due()
        self._draw_interviews()

    def _draw_interviews(self) -> None:
        table = self.query_one("#today-interviews", DataTable)
        table.clear()
        now = self.now()
        tz = local_tz()
        today = now.astimezone(tz).date()
        for iv in self.interviews:
            local = iv.starts_at.astimezone(tz)
            table.add_row(
                f"{short_day(local.date(), today)} {clock_time(local)}",
                Text(countdown(iv.starts_at, now), style="bold"),
                plain(iv.company),
                plain(iv.title),
                plain(", ".join(iv.interviewers)),
                self._prep_text(iv.id),
                key=str(iv.id),
            )
        table.display = bool(self.interviews)
        if not self.interviews:
            table.border_title = None

    def _prep_text(self, interview_id: int) -> Text:
        settled, total = self.prep.get(interview_id, (0, 0))
        if not total:
            return Text("")
        return Text(f"{settled}/{total}", style="green" if settled >= total else "yellow")

    def _draw_due(self) -> None:
        table = self.query_one("#today-due", DataTable)
        cursor = table.cursor_row
        table.clear()
        now = self.now()
        tz = local_tz()
        today = now.astimezone(tz).date()
        for prep in self.prepare:
            iv = prep.interview
            local = iv.starts_at.astimezone(tz)
            table.add_row(
                Text("!", style="bold magenta"),
                Text(f"{short_day(local.date(), today)} {clock_time(local)}", style="magenta"),
                Text(f"Prepare ({prep.settled}/{prep.total})", style="bold magenta"),
                plain(", ".join(iv.interviewers)),
                plain(iv.company),
                plain(iv.role),
                key=f"p-{iv.id}",
            )
        for i, row in enumerate(self.due):
            bucket = due_bucket(row, now)
            marker, style = STATE_STYLE[bucket]
            local = row.due_at.astimezone(tz)
            when = short_day(local.date(), today)
            if row.action in DEADLINES:
                when += f" {local:%H:%M}"
            table.add_row(
                Text(marker, style=style),
                Text(when, style=style),
                Text(ACTION_LABELS[row.action], style=style),
                plain(row.contact_name),
                plain(row.company),
                plain(row.role),
                key=str(i),
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)
        title = self.query_one("#follow-ups-title", Label)
        if self.due or self.prepare:
            counts = self.counts
            prep = f"{len(self.prepare)} to prepare, " if self.prepare else ""
            more = sum(counts.values()) - len(self.due)
            first = f" (the first {len(self.due)} shown, `pursuit due` lists all)" if more else ""
            title.update(
                f"Follow-ups · {prep}{counts['overdue']} overdue, {counts['today']} due "
                f"today, {counts['later']} due later{first}"
            )
        else:
            title.update("Follow-ups · nothing to send. Keep applying!")

    def selected(self) -> DueRow | None:
        """The follow-up under the cursor (None on a prepare row)."""
        table = self.query_one("#today-due", DataTable)
        index = table.cursor_row - len(self.prepare)
        if index < 0 or index >= len(self.due):
            return None
        return self.due[index]

    def selected_prep(self) -> PrepRow | None:
        table = self.query_one("#today-due", DataTable)
        if table.cursor_row < len(self.prepare):
            return self.prepare[table.cursor_row]
        return None

    @on(DataTable.RowSelected, "#today-due")
    def _row_chosen(self) -> None:
        self.action_write()

    def action_write(self) -> None:
        prep = self.selected_prep()
        if prep is not None:
            from pursuit.tui.screens.checklist import open_checklist

            open_checklist(self, prep.interview.id, prep.interview, self.now())
            return
        row = self.selected()
        if row is not None:
            open_draft(self, row)

    @on(DataTable.RowSelected, "#today-interviews")
    def _interview_chosen(self, event: DataTable.RowSelected) -> None:
        iv = next((i for i in self.interviews if str(i.id) == event.row_key.value), None)
        if iv is not None:
            self.app.open_application(iv.application_id)  # type: ignore[attr-defined]

    def action_done(self) -> None:
        row = self.selected()
        if row is not None:
            mark_sent(self, row)

    def action_dismiss_action(self) -> None:
        row = self.selected()
        if row is not None:
            dismiss(self, row)

    def action_undo_dismiss(self) -> None:
        undo_dismiss(self.app)

    def action_open(self) -> None:
        row = self.selected()
        if row is not None:
            self.app.open_application(row.application_id)  # type: ignore[attr-defined]
