"""Driving the pipeline from the keyboard, as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.widgets.application_table import ApplicationTable
from pursuit.tui.widgets.fields import FieldError
from pursuit.tui.widgets.stage_bar import StageBar

from .conftest import SIZE, settle


def companies(app: PursuitApp) -> list[str]:
    table = app.screen.query_one("#pipeline", ApplicationTable)
    return [table.cells(i)[0] for i in range(table.row_count)]


def pipeline(app: PursuitApp) -> PipelineScreen:
    screen = app.screen
    assert isinstance(screen, PipelineScreen)
    return screen


async def test_the_pipeline_shows_the_demo_with_the_most_urgent_first(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = companies(demo_app)
        assert len(names) == 13  # the accepted one is archived
        assert names[0] == "Quarry & Co"  # overdue since last week
        bar = demo_app.screen.query_one(StageBar)
        assert bar.counts["interviewing"] == 4
        assert demo_app.sub_title.endswith("overdue")


async def test_add_through_the_form_with_a_bad_date_then_a_good_one(empty_app: PursuitApp):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(empty_app.screen, ApplicationForm)
        await pilot.press(*"Acme Robotics")
        await pilot.press("tab", *"Staff Engineer")
        applied = empty_app.screen.query_one("#f-applied", Input)
        applied.value = "the 45th of Smarch"
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = empty_app.screen.query_one("#err-applied", FieldError)
        assert isinstance(empty_app.screen, ApplicationForm)
        assert error.has_class("-shown")
        assert "the 45th of Smarch" in str(error.render())
        assert empty_app.store is not None and empty_app.store.views.applications() == []
        applied.value = "Nov 3"
        empty_app.screen.query_one("#f-salary", Input).value = "120k-140k"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        [row] = empty_app.store.views.applications()
        assert (row.company, row.role, row.applied_on.isoformat(), row.salary_min) == (
            "Acme Robotics",
            "Staff Engineer",
            "2026-11-03",
            120_000,
        )
        assert companies(empty_app) == ["Acme Robotics"]


async def test_the_form_refuses_a_missing_company_and_a_bad_salary(empty_app: PursuitApp):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        empty_app.screen.query_one("#f-salary", Input).value = "lots"
        await pilot.press("ctrl+s")
        assert empty_app.screen.query_one("#err-company", FieldError).has_class("-shown")
        assert empty_app.screen.query_one("#err-salary", FieldError).has_class("-shown")
        form = empty_app.screen
        # Escape on a changed form asks first; keeping on editing keeps what was typed.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(empty_app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert empty_app.screen is form
        assert form.query_one("#f-salary", Input).value == "lots"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        assert empty_app.store is not None and empty_app.store.views.applications() == []


async def test_escape_on_an_untouched_form_closes_it_at_once(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")  # edit the selected application: filled in, nothing changed
        await settle(pilot)
        assert empty_or_form(demo_app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)


def empty_or_form(app: PursuitApp) -> bool:
    from pursuit.tui.screens.application_form import ApplicationForm

    return isinstance(app.screen, ApplicationForm)


async def test_filter_by_text_and_by_stage(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"health")
        assert companies(demo_app) == ["Lumen Health"]
        await pilot.press("escape")
        assert len(companies(demo_app)) == 13
        await pilot.press("4")  # interviewing
        assert sorted(companies(demo_app)) == [
            "Harbor Schools",
            "Lumen Health",
            "Northwind Analytics",
            "Quarry & Co",
        ]
        await pilot.press("0")
        assert len(companies(demo_app)) == 13


async def test_the_filter_box_waits_for_slash_and_follows_long_text(demo_app: PursuitApp):
    from pursuit.tui.widgets.filter_box import FilterBox

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Mounted after the first frame, hidden and out of the focus chain until `/`.
        hidden = demo_app.screen.query_one(FilterBox)
        assert not hidden.display and not hidden.focusable
        await pilot.press("slash", *"health")
        box = demo_app.screen.query_one(FilterBox)
        assert box.has_focus and companies(demo_app) == ["Lumen Health"]
        # Longer than the box: it scrolls to keep the cursor (and the end) in sight.
        await pilot.press(*("x" * 150))
        await pilot.pause()
        assert box.scroll_x > 0 and box.value.endswith("x" * 150)
        assert companies(demo_app) == []
        await pilot.press(*["backspace"] * 150)
        assert companies(demo_app) == ["Lumen Health"]
        await pilot.press("escape")
        assert len(companies(demo_app)) == 13 and not box.has_class("-shown")
        await pilot.press("slash")  # the same box again
        assert len(demo_app.screen.query(FilterBox)) == 1 and box.has_focus


async def test_sort_by_column_and_reverse(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o", "o")  # due -> last contact -> company
        assert pipeline(demo_app).sort_column == "company"
        names = companies(demo_app)
        assert names == sorted(names, key=str.lower)
        await pilot.press("r")
        assert companies(demo_app) == list(reversed(names))


async def test_next_stage_and_pick_any_stage(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"fernleaf", "enter")
        await pilot.press("n")
        await settle(pilot)
        store = demo_app.store
        assert store is not None
        fern = next(r for r in store.views.applications() if r.company == "Fernleaf")
        assert fern.stage == "screening"
        await pilot.press("m")
        await pilot.press("7")  # rejected
        await settle(pilot)
        assert store.views.application(fern.id).stage == "rejected"
        history = [t.text for t in store.views.detail(fern.id).timeline]
        assert history[:2] == ["Screening → Rejected", "Applied → Screening"]


async def test_open_an_application_and_come_back(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"northwind", "enter", "enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        options = demo_app.screen.query_one("#app-interviews", OptionList)
        text = " ".join(
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )
        assert "Tomás Ortega" in text and "Panel" in text
        await pilot.press("escape")
        assert isinstance(demo_app.screen, PipelineScreen)


async def test_archive_then_restore_and_delete_asks_first(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cobalt", "enter", "x")
        await settle(pilot)
        assert "Cobalt Systems" not in companies(demo_app)
        await pilot.press("escape", "z")
        await settle(pilot)
        assert "Cobalt Systems" in companies(demo_app)
        await pilot.press("slash", *"cobalt", "enter", "x")
        await settle(pilot)
        await pilot.press("escape", "z")
        await settle(pilot)
        assert "Cobalt Systems" in companies(demo_app)
        await pilot.press("slash", *"cobalt", "enter", "delete")
        await pilot.press("n")  # changed my mind
        await settle(pilot)
        assert "Cobalt Systems" in companies(demo_app)
        await pilot.press("delete", "y")
        await settle(pilot)
        await pilot.press("escape")
        assert "Cobalt Systems" not in companies(demo_app)
        assert demo_app.store is not None
        assert all(
            r.company != "Cobalt Systems"
            for r in demo_app.store.views.applications()
            + demo_app.store.views.applications(archived=True)
        )


async def test_edit_keeps_what_was_there(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lumen", "enter", "e")
        form = demo_app.screen
        assert isinstance(form, ApplicationForm)
        assert form.query_one("#f-company", Input).value == "Lumen Health"
        assert form.query_one("#f-salary", Input).value == "120k–140k"
        form.query_one("#f-role", Input).value = "Senior Platform Engineer"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.store is not None
        row = next(r for r in demo_app.store.views.applications() if r.company == "Lumen Health")
        assert (row.role, row.salary_min, row.salary_max) == (
            "Senior Platform Engineer",
            120_000,
            140_000,
        )


async def test_the_sort_arrow_shows_on_every_column_even_the_last(demo_app: PursuitApp):
    from tests.tour import screen_text

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")  # due -> last contact, the narrow last column
        assert pipeline(demo_app).sort_column == "contact"
        await pilot.pause()
        header = next(line for line in screen_text(pilot).splitlines() if "Company" in line)
        assert "↓" in header, header


async def test_next_stage_on_an_offer_asks_before_marking_it_accepted(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"meridian", "enter")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(demo_app.screen, Confirm)
        assert "as Accepted?" in str(demo_app.screen.question)
        await pilot.press("n")  # not yet
        await settle(pilot)
        store = demo_app.store
        assert store is not None
        meridian = next(r for r in store.views.applications() if r.company == "Meridian Bank")
        assert meridian.stage == "offer"
        await pilot.press("n", "y")
        await settle(pilot)
        assert store.views.application(meridian.id).stage == "accepted"


async def test_after_archive_or_delete_the_cursor_is_on_the_next_row_and_the_footer_fits(
    demo_app: PursuitApp,
):
    from tests.tour import screen_text

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pipeline(demo_app)
        footer = screen_text(pilot).splitlines()[-1]
        assert "z Archive" in footer, footer
        names = companies(demo_app)
        screen.table.cursor = 3
        await pilot.press("x")
        await settle(pilot)
        assert companies(demo_app) == names[:3] + names[4:]
        assert screen.table.selected is not None and screen.table.selected.company == names[4]
        await pilot.press("delete", "y")
        await settle(pilot)
        assert screen.table.selected is not None and screen.table.selected.company == names[5]
        await pilot.press("z")  # the archive: x restores there, and the footer says so
        await settle(pilot)
        footer = screen_text(pilot).splitlines()[-1]
        assert "x Restore" in footer and "x Archive" not in footer, footer


async def test_a_dialog_leaves_the_screen_beneath_in_view(demo_app: PursuitApp):
    from pursuit.tui.screens.stage_picker import StagePicker
    from tests.tour import screen_text

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(demo_app.screen, StagePicker)
        shown = screen_text(pilot)
        assert "Move " in shown and "Pipeline · 13 shown" in shown, shown


async def test_the_filter_ignores_case_and_accents(db_path: Path, clock: FixedClock):
    from pursuit.store.repo import Store

    store = Store.open(db_path, clock)
    store.applications.add_application("Büro Kollektiv", "Designer")
    store.applications.add_application("Crème Analytics", "Analyst")
    store.applications.add_application("Acme", "Engineer")
    store.close()
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"buro")
        assert companies(app) == ["Büro Kollektiv"]
        await pilot.press("escape", "slash", *"CREME")
        assert companies(app) == ["Crème Analytics"]
        await pilot.press("escape", "slash", *"ü")  # an accent typed finds the plain letter too
        assert companies(app) == ["Büro Kollektiv"]


async def test_the_screens_read_the_file_off_the_ui_thread(
    demo_app: PursuitApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline's first page, all its rows, Today and Insights: each read in a worker."""
    import threading

    from pursuit.store import screen_reads

    readers: dict[str, list[bool]] = {}
    for name in ("first_page", "every_entry", "today", "insights"):
        real = getattr(screen_reads, name)

        def spy(*args: object, _real=real, _name=name, **kwargs: object) -> object:
            on_ui = threading.current_thread() is threading.main_thread()
            readers.setdefault(_name, []).append(on_ui)
            return _real(*args, **kwargs)

        monkeypatch.setattr(screen_reads, name, spy)
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert demo_app.screen.query_one(ApplicationTable).row_count == 13
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("escape", "i")
        await settle(pilot)
    assert set(readers) == {"first_page", "every_entry", "today", "insights"}, readers
    assert not any(on_ui for calls in readers.values() for on_ui in calls), readers


async def test_keys_pressed_while_the_first_page_is_read_never_leave_it_loading(
    demo_app: PursuitApp, monkeypatch: pytest.MonkeyPatch
):
    """z (the archive) and back before the first rows are in: the store still opens."""
    from tests.tui.test_write_retry import wait_until

    real = PipelineScreen._first_page

    def a_key_before_the_read_starts(screen: PipelineScreen) -> object:
        worker = real(screen)
        screen.action_show_archived()  # z, handled before the first page's worker has run
        screen.action_show_archived()  # and z again
        return worker

    monkeypatch.setattr(PipelineScreen, "_first_page", a_key_before_the_read_starts)
    async with demo_app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: demo_app.store is not None, timeout=20)
        await settle(pilot)
        screen = pipeline(demo_app)
        assert screen.loaded
        assert len(companies(demo_app)) == 13
