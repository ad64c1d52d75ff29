"""Today: interviews coming up this week, then every follow-up that is open, most overdue first."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.widgets import DataTable, Footer, Label

from pursuit.domain.actions import ACTION_LABELS, DEADLINES
from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.days import short_day_time
from pursuit.domain.records import DueRow, InterviewRow, PrepRow
from pursuit.store import screen_reads
from pursuit.store.screen_reads import TodayReading
from pursuit.tui.follow_up_actions import dismiss, mark_sent, open_draft, undo_dismiss
from pursuit.tui.follow_up_states import STATES, due_state
from pursuit.tui.legible import state_style
from pursuit.tui.screens.base import LoadingScreen, once_shown
from pursuit.tui.widgets.plain import plain
from pursuit.tui.widgets.row_table import RowTable
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store

#: Follow-ups listed at most: the most overdue come first, and a list longer than this is
#: no longer a day's work.
SHOWN = 500
#: Under NARROW columns (an 80x24 terminal) these columns are cut to these widths, with an
#: ellipsis, so that every column stays on screen (Role and Prep were pushed off the edge).
NARROW = 100
NARROW_DUE = {"action": 15, "who": 10, "company": 13, "role": 11}
NARROW_INTERVIEWS = {"company": 13, "round": 12, "with": 11}
#: The widest day with a time of this year (`Wed 30 Dec 16:00`): those widths leave room for
#: it; another year's (`Fri 1 Jan 2027 16:00`) takes its extra cells from the names.
USUAL_WHEN = 16


def making_room(
    widths: dict[str, int], whens: list[str], givers: tuple[str, ...]
) -> dict[str, int]:
    """WIDTHS with what the longest of WHENS needs beyond the usual taken from GIVERS, in
    order, none below six cells: every column stays on an 80-column screen."""
    extra = max((len(w) for w in whens), default=0) - USUAL_WHEN
    room = dict(widths)
    for column in givers:
        if extra <= 0:
            break
        given = min(extra, room[column] - 6)
        room[column] -= given
        extra -= given
    return room


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


class TodayScreen(LoadingScreen[TodayReading]):
    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", "Back", id="today.back", tooltip="Back to the pipeline"
        ),
        Binding(
            "enter",
            "write",
            "Write",
            id="today.write",
            tooltip="Open the message for the selected follow-up, filled in (on a Prepare "
            "row: its checklist; on an interview: its application)",
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

    def __init__(self) -> None:
        super().__init__()
        self.due: list[DueRow] = []
        self.prepare: list[PrepRow] = []
        self.prep: dict[int, tuple[int, int]] = {}
        self.interviews: list[InterviewRow] = []
        self.counts = {"overdue": 0, "due": 0}
        #: The moment of the reading shown: its rows' markers and its counts are both of it.
        self.at: datetime | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Label("Interviews in the next 7 days", classes="section-title")
        yield RowTable(id="today-interviews", cursor_type="row")
        yield Label("Follow-ups", classes="section-title", id="follow-ups-title")
        yield RowTable(id="today-due", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#today-interviews", DataTable).add_columns(
            "When", "Countdown", "Company", "Round", "With", "Prep"
        )
        self.query_one("#today-due", DataTable).add_columns(
            "", "Due", "Action", "Who", "Company", "Role"
        )
        # A new theme: its colours are measured again, once its CSS is in place.
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.query_one("#today-due", DataTable).focus()
        self.follow_changes(ticks=True)

    def read(self, store: Store) -> TodayReading:
        now = self.now()
        return screen_reads.today(
            store,
            now,
            since=now - timedelta(hours=2),
            until=now + timedelta(days=7),
            shown=SHOWN,
        )

    def show(self, data: TodayReading) -> None:
        self.interviews = data.interviews
        self.prep = data.prep
        self.due = data.due
        self.counts = data.counts
        self.at = data.at
        self.prepare = list(self.pursuit.prepare_rows)
        self._draw_due()
        self._draw_interviews()

    def _cut(self, cell: Text, column: str, widths: dict[str, int]) -> Text:
        """CELL cut to its column's narrow width when the screen is narrow."""
        width = widths.get(column)
        if width is None or self.size.width >= NARROW or cell.cell_len <= width:
            return cell
        cut = cell.copy()
        cut.truncate(width, overflow="ellipsis")
        return cut

    def on_resize(self) -> None:
        if self.is_mounted:
            self._redraw()

    def _theme_changed(self, _theme: str) -> None:
        self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        self._draw_due()
        self._draw_interviews()

    def _look(self, spec: str) -> Style:
        """SPEC's theme colours, made to read on both the plain and the striped lines."""
        table = self.query_one("#today-due", DataTable)
        plain = table.rich_style
        striped = plain + table.get_component_rich_style("datatable--even-row")
        backs = [Color.from_rich_color(s.bgcolor) for s in (plain, striped) if s.bgcolor]
        return state_style(self.app, spec, backs)

    def shown_at(self) -> datetime:
        """The moment what is shown was read at (a tick since then reads it again)."""
        return self.at or self.now()

    def _draw_interviews(self) -> None:
        table = self.query_one("#today-interviews", DataTable)
        table.clear()
        now = self.shown_at()
        tz = local_tz()
        today = now.astimezone(tz).date()
        whens = [short_day_time(iv.starts_at.astimezone(tz), today) for iv in self.interviews]
        narrow = making_room(NARROW_INTERVIEWS, whens, ("with", "round", "company"))
        for iv, when in zip(self.interviews, whens, strict=True):
            # Called off: still shown this week, struck out, so a moved or dropped one is seen.
            struck = "strike" if iv.cancelled else ""
            table.add_row(
                Text(when, style=struck),
                Text("cancelled", style="italic")
                if iv.cancelled
                else Text(countdown(iv.starts_at, now), style="bold"),
                self._cut(plain(iv.company, struck), "company", narrow),
                self._cut(plain(iv.title, struck), "round", narrow),
                self._cut(plain(", ".join(iv.interviewers), struck), "with", narrow),
                Text("") if iv.cancelled else self._prep_text(iv.id),
                key=str(iv.id),
            )
        table.display = bool(self.interviews)
        if not self.interviews:
            table.border_title = None

    def _prep_text(self, interview_id: int) -> Text:
        settled, total = self.prep.get(interview_id, (0, 0))
        if not total:
            return Text("")
        return Text(
            f"{settled}/{total}", style=self._look("$success" if settled >= total else "$warning")
        )

    def _draw_due(self) -> None:
        table = self.query_one("#today-due", DataTable)
        cursor = table.cursor_row
        table.clear()
        now = self.shown_at()
        tz = local_tz()
        today = now.astimezone(tz).date()
        prepare_whens = [
            short_day_time(p.interview.starts_at.astimezone(tz), today) for p in self.prepare
        ]
        due_whens = []
        for row in self.due:
            local = row.due_at.astimezone(tz)
            due_whens.append(
                short_day_time(local, today)
                if row.action in DEADLINES
                else short_day(local.date(), today)
            )
        narrow = making_room(NARROW_DUE, prepare_whens + due_whens, ("role", "who", "company"))
        for prep, when in zip(self.prepare, prepare_whens, strict=True):
            iv = prep.interview
            look = STATES["prepare"]
            table.add_row(
                Text(look.marker, style=self._look(look.style)),
                Text(when, style=self._look(look.style)),
                Text(f"Prepare ({prep.settled}/{prep.total})", style=self._look(look.style)),
                self._cut(plain(", ".join(iv.interviewers)), "who", narrow),
                self._cut(plain(iv.company), "company", narrow),
                self._cut(plain(iv.role), "role", narrow),
                key=f"p-{iv.id}",
            )
        for i, (row, when) in enumerate(zip(self.due, due_whens, strict=True)):
            look = STATES[due_state(row, now)]
            marker, style = look.marker, self._look(look.style)
            table.add_row(
                Text(marker, style=style),
                Text(when, style=style),
                self._cut(Text(ACTION_LABELS[row.action], style=style), "action", narrow),
                self._cut(plain(row.contact_name), "who", narrow),
                self._cut(plain(row.company), "company", narrow),
                self._cut(plain(row.role), "role", narrow),
                key=str(i),
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)
        title = self.query_one("#follow-ups-title", Label)
        if self.due or self.prepare:
            counts = self.counts
            preparing = f"{len(self.prepare)} to prepare, " if self.prepare else ""
            more = sum(counts.values()) - len(self.due)
            first = f" (the first {len(self.due)} shown, `pursuit due` lists all)" if more else ""
            # In the rows' own terms: each count is of the rows with that marker.
            overdue, due = STATES["overdue"].marker, STATES["due"].marker
            title.update(
                f"Follow-ups · {preparing}{counts['overdue']} overdue ({overdue}), "
                f"{counts['due']} due ({due}){first}"
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

    @once_shown
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
            self.pursuit.open_application(iv.application_id)

    @once_shown
    def action_done(self) -> None:
        row = self.selected()
        if row is not None:
            mark_sent(self, row)

    @once_shown
    def action_dismiss_action(self) -> None:
        row = self.selected()
        if row is not None:
            dismiss(self, row)

    def action_undo_dismiss(self) -> None:
        undo_dismiss(self.app)

    @once_shown
    def action_open(self) -> None:
        row = self.selected()
        if row is not None:
            self.pursuit.open_application(row.application_id)
