"""An interview's join link, typed in the form and edited on its screen; a cancelled interview
struck out wherever interviews are listed, its application's history too."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable, Input, OptionList, Static

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.interview import InterviewScreen
from pursuit.tui.screens.interview_form import InterviewForm
from pursuit.tui.screens.today import TodayScreen

from .conftest import SIZE, open_interview, settle


def struck(text: Any, words: str) -> bool:
    """Whether WORDS in TEXT (a Rich Text or Textual Content) are drawn struck out."""

    def strikes(style: Any) -> bool:
        return bool((Style.parse(style) if isinstance(style, str) else style).strike)

    if isinstance(text, str):
        return False  # a plain cell has no style of its own
    start = text.plain.index(words)
    end = start + len(words)
    whole = getattr(text, "style", "")
    return strikes(whole or "none") or any(
        s.start <= start and s.end >= end and strikes(s.style) for s in text.spans
    )


async def open_application(pilot, name: str) -> ApplicationScreen:
    await pilot.press("slash", *name, "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationScreen)
    return screen


async def test_the_meeting_link_is_typed_in_the_form_shown_on_the_interview_and_edited_there(
    demo_app: PursuitApp,
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_application(pilot, "fernleaf")
        await pilot.press("i")
        form = demo_app.screen
        assert isinstance(form, InterviewForm)
        form.query_one("#f-when", Input).value = "Dec 3 10am"
        form.query_one("#f-link", Input).value = "https://zoom.us/j/123456789"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.screen is screen
        await open_interview(pilot, 0)  # the newest: the one just recorded
        interview = demo_app.screen
        assert isinstance(interview, InterviewScreen)
        title = str(interview.query_one("#iv-title", Static).render())
        assert "https://zoom.us/j/123456789" in title
        link = interview.query_one("#f-link", Input)
        assert link.value == "https://zoom.us/j/123456789"
        assert interview.query_one("#f-location", Input).value == ""

        link.focus()
        link.value = "https://meet.google.com/abc-defg-hij"
        await pilot.press("escape")  # saves on the way out
        await settle(pilot)
        assert demo_app.store is not None
        stored = demo_app.store.people.interview(interview.interview_id)
        assert stored.link == "https://meet.google.com/abc-defg-hij"
        assert stored.location == ""


async def _cancel(app: PursuitApp, company: str, after: datetime) -> int:
    """Mark the first interview of COMPANY after AFTER as called off (as an invitation does)."""
    from pursuit.domain.moments import to_db
    from pursuit.store.writing import transaction, update

    assert app.store is not None
    with app.store.reader() as conn:
        row = conn.execute(
            "SELECT i.id FROM interview i JOIN application a ON a.id = i.application_id "
            "WHERE a.company = ? AND i.starts_at > ? ORDER BY i.starts_at",
            (company, to_db(after)),
        ).fetchone()
        with transaction(conn):
            update(conn, "interview", row[0], {"cancelled_at": after})
    return int(row[0])


async def test_a_cancelled_interview_is_struck_out_on_today_its_application_and_its_screen(
    demo_app: PursuitApp, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cancelled = await _cancel(demo_app, "Lumen Health", clock.now())  # tomorrow's onsite

        await pilot.press("t")
        await settle(pilot)
        today = demo_app.screen
        assert isinstance(today, TodayScreen)
        table = today.query_one("#today-interviews", DataTable)
        cells = table.get_row(str(cancelled))
        assert struck(cells[0], str(cells[0])) and struck(cells[2], "Lumen Health")
        assert cells[1].plain == "cancelled"
        others = [table.get_row_at(i) for i in range(table.row_count)]
        assert any(
            not struck(row[2], row[2].plain) for row in others if row[2].plain != "Lumen Health"
        )
        await pilot.press("escape")
        await settle(pilot)

        await open_application(pilot, "lumen")
        interviews = demo_app.screen.query_one("#app-interviews", OptionList)
        lines = [interviews.get_option_at_index(i).prompt for i in range(interviews.option_count)]
        assert isinstance(lines[0], Text) and isinstance(lines[1], Text)
        assert struck(lines[0], "Onsite") and "cancelled" in lines[0].plain
        assert "upcoming" not in lines[0].plain
        assert not struck(lines[1], "Hiring manager")  # the earlier round stands

        await open_interview(pilot, 0)
        screen = demo_app.screen
        assert isinstance(screen, InterviewScreen)
        title = screen.query_one("#iv-title", Static).render()
        assert struck(title, "Onsite interview") and "cancelled" in title.plain


def history_lines(screen: ApplicationScreen) -> list[Text]:
    shown = screen.query_one("#app-timeline", Static).content
    assert isinstance(shown, Text)
    return [line for line in shown.split("\n") if line.plain]


async def test_a_cancelled_interview_stays_in_the_history_struck_out_even_one_yet_to_come(
    demo_app: PursuitApp, clock: FixedClock
):
    from datetime import timedelta

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _cancel(demo_app, "Lumen Health", clock.now())  # tomorrow's onsite
        await _cancel(demo_app, "Lumen Health", clock.now() - timedelta(days=30))  # one held
        screen = await open_application(pilot, "lumen")
        lines = history_lines(screen)
        called_off = [line for line in lines if "(cancelled)" in line.plain]
        assert [line.plain.split("  ", 1)[1] for line in called_off] == [
            "Onsite interview (cancelled)",
            "Video · Hiring manager interview (cancelled)",
        ], [line.plain for line in lines]
        for line in called_off:
            assert struck(line, line.plain.split("  ", 1)[1])
        assert lines[0] is called_off[0]  # the onsite, still to come, heads the history
        assert not any(struck(line, line.plain) for line in lines if line not in called_off)
