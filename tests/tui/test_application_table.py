"""The pipeline's table on its own: only what is on screen is drawn, whatever the row count."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.app import App, ComposeResult

from pursuit.domain.moments import to_db
from pursuit.domain.pipeline import Coming, Entry
from pursuit.tui.follow_up_states import STATES
from pursuit.tui.pipeline_cells import Moment, row_cells
from pursuit.tui.widgets.application_table import ApplicationTable

NOW = datetime(2026, 11, 18, 10, tzinfo=UTC)


class TableApp(App[None]):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.entries = [Entry(i, f"Company {i}", "Engineer", "applied") for i in range(rows)]
        self.opened: list[int] = []
        self.sorted: list[str] = []
        self.drawn = 0

    def compose(self) -> ComposeResult:
        yield ApplicationTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(ApplicationTable)
        table.now = NOW
        table.show(self.entries)
        table.focus()
        draw = table.render_line

        def counted(y: int):  # type: ignore[no-untyped-def]
            self.drawn += 1
            return draw(y)

        table.render_line = counted  # type: ignore[method-assign]

    def on_application_table_opened(self, message: ApplicationTable.Opened) -> None:
        self.opened.append(message.app_id)

    def on_application_table_sort_clicked(self, message: ApplicationTable.SortClicked) -> None:
        self.sorted.append(message.column)


async def test_a_hundred_thousand_rows_draw_only_a_screenful() -> None:
    app = TableApp(100_000)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.query_one(ApplicationTable)
        assert table.row_count == 100_000
        app.drawn = 0
        await pilot.press("pagedown")
        await pilot.pause()
        page = table.scrollable_content_region.height - 1
        assert table.cursor == page
        # One frame of lines at most, not 100,000.
        assert 0 < app.drawn <= 2 * table.size.height
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor == 99_999 and table.selected is not None
        assert table.cells(99_999)[0] == "Company 99999"
        assert int(table.scroll_y) + page - 1 >= 99_999  # the last line is on screen
        await pilot.press("home", "down", "enter")
        assert app.opened == [1]


async def test_the_mouse_sorts_by_the_header_and_opens_a_line() -> None:
    app = TableApp(50)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#table", offset=(2, 0))  # the Company header
        await pilot.pause()
        assert app.sorted == ["company"]
        await pilot.click("#table", offset=(2, 3))
        await pilot.click("#table", offset=(2, 3))
        await pilot.pause()
        assert app.opened == [2]


async def test_the_cursor_stays_on_the_same_application_when_the_rows_change() -> None:
    app = TableApp(1000)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.query_one(ApplicationTable)
        table.cursor = 700
        table.show(list(reversed(app.entries)), select=app.entries[700])
        await pilot.pause()
        assert table.selected is not None and table.selected.id == 700
        assert table.cursor == 299


async def test_a_cursor_move_redraws_two_lines_and_fewer_rows_keep_the_scroll_bar_right() -> None:
    app = TableApp(1_000)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.query_one(ApplicationTable)
        app.drawn = 0
        await pilot.press("down")
        await pilot.pause()
        assert table.cursor == 1 and app.drawn == 2  # the old line and the new one
        await pilot.press("end")
        await pilot.pause()
        assert table.scroll_y == table.max_scroll_y > 0
        # Fewer rows, the scroll bar still needed: the view and the thumb follow.
        table.show(app.entries[:100], select=app.entries[50])
        await pilot.pause()
        assert table.virtual_size.height == 101 and table.scroll_y <= table.max_scroll_y
        assert table.vertical_scrollbar.window_virtual_size == 101
        assert table.selected is not None and table.selected.id == 50
        # Few enough to fit: the scroll bar goes.
        table.show(app.entries[:5])
        await pilot.pause()
        assert table.virtual_size.height == 6 and not table.show_vertical_scrollbar
        table.show(app.entries)
        await pilot.pause()
        assert table.show_vertical_scrollbar


def test_a_coming_interview_turns_the_action_into_preparation() -> None:
    e = Entry(
        1,
        "Acme",
        "Dev",
        "interviewing",
        next_action="first-check-in",
        opens_at=to_db(NOW.replace(day=25)),
        due_at=to_db(NOW.replace(day=25)),
        overdue_at=to_db(NOW.replace(day=27)),
    )
    at = Moment(NOW, UTC)
    plain = row_cells(e, at)
    assert plain[3][0] == "Check in" and plain[4][0].endswith("Wed 25 Nov")
    prepared = row_cells(e, at, Coming("video", NOW.replace(day=20), 3, 7))
    assert prepared[3] == ("Prepare video (3/7)", STATES["prepare"].style)
    assert prepared[4][0] == "• Fri 20 Nov"
    done = row_cells(e, at, Coming("video", NOW.replace(day=20), 7, 7))
    assert done[4] == ("· Fri 20 Nov", STATES["prepared"].style)
