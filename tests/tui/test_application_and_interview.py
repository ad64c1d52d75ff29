"""The application and interview screens, driven from the keyboard."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Select, TextArea

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.interview import InterviewScreen
from pursuit.tui.screens.interview_form import InterviewForm
from pursuit.tui.screens.log_event import LogEvent
from pursuit.tui.widgets.fields import FieldError

from .conftest import SIZE, open_interview, settle


def options(app: PursuitApp, selector: str) -> list[str]:
    widget = app.screen.query_one(selector, OptionList)
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


async def open_application(pilot, name: str) -> ApplicationScreen:
    await pilot.press("slash", *name, "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationScreen)
    return screen


async def test_add_an_interview_see_thank_yous_when_it_has_passed_and_log_one(
    demo_app: PursuitApp, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_application(pilot, "fernleaf")
        await pilot.press("i")
        form = demo_app.screen
        assert isinstance(form, InterviewForm)
        form.query_one("#f-when", Input).value = "the day after never"
        form.query_one("#f-interviewers", Input).value = "Mia Wong, Raj Patel"
        form.query_one("#f-decision", Input).value = "Nov 27"
        await pilot.press("ctrl+s")
        assert isinstance(demo_app.screen, InterviewForm)
        assert form.query_one("#err-when", FieldError).has_class("-shown")
        form.query_one("#f-when", Input).value = "today 3pm"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        assert any("Mia Wong, Raj Patel" in o for o in options(demo_app, "#app-interviews"))
        assert not any("thank-you" in o for o in options(demo_app, "#app-due") if "•" in o)

        clock.advance(hours=6)  # 16:00: the interview has started
        demo_app.tick()
        await settle(pilot)
        due = options(demo_app, "#app-due")
        assert [o for o in due if "thank-you" in o] == [
            "• Send thank-you · Mia Wong — tomorrow",
            "• Send thank-you · Raj Patel — tomorrow",
        ]
        assert any("Check in — Mon 30 Nov" in o for o in due)  # the Monday after Friday the 27th

        demo_app.screen.query_one("#app-due", OptionList).focus()
        await pilot.press("home", "s")  # sent outside pursuit: just log it
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        left = [o for o in options(demo_app, "#app-due") if "thank-you" in o]
        assert left == ["• Send thank-you · Raj Patel — tomorrow"]


async def test_the_debrief_survives_leaving_and_coming_back(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        await open_interview(pilot)  # the newest interview: yesterday's panel
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.query_one("#iv-debrief").display
        topics = screen.query_one("#t-debrief_topics", TextArea)
        assert topics.text.startswith("how the team is moving")  # from the demo
        topics.clear()
        topics.focus()
        await pilot.press(*"Their move to dbt")
        screen.query_one("#r-rating_rapport", Select).value = 4
        screen.query_one("#t-notes", TextArea).load_text("Ask about on-call")
        await pilot.press("escape")  # leaves at once, before the autosave timer
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        assert demo_app.screen.query_one("#app-interviews").has_focus  # where we left it
        await pilot.press("enter")
        await settle(pilot)
        back = demo_app.screen
        assert isinstance(back, InterviewScreen)
        assert back.query_one("#t-debrief_topics", TextArea).text == "Their move to dbt"
        assert back.query_one("#t-notes", TextArea).text == "Ask about on-call"
        assert back.query_one("#r-rating_rapport", Select).value == 4
        assert demo_app.store is not None
        stored = demo_app.store.people.interview(back.interview_id)
        assert (stored.debrief_topics, stored.rating_rapport) == ("Their move to dbt", 4)


async def test_typing_autosaves_without_leaving(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        await open_interview(pilot)
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, InterviewScreen)
        screen.query_one("#t-notes", TextArea).focus()
        await pilot.press(*"Bring the portfolio")
        screen.action_save()  # what the timer calls a moment after typing stops
        await settle(pilot)
        assert demo_app.store is not None
        assert demo_app.store.people.interview(screen.interview_id).notes == "Bring the portfolio"


async def test_a_date_being_typed_is_saved_when_left_never_half_typed(demo_app: PursuitApp):
    """On the way to "Nov 30", "Nov 3" reads as a day: the autosave must not move the interview."""
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_application(pilot, "lumen")
        await open_interview(pilot)  # the onsite tomorrow
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, InterviewScreen) and screen.saved is not None
        before = screen.saved.starts_at
        when = screen.query_one("#f-when", Input)
        when.focus()
        when.value = ""
        await pilot.press(*"Nov 3")
        screen._autosave.run()  # what the timer does while typing goes on
        await settle(pilot)
        assert demo_app.store is not None
        stored = demo_app.store.people.interview(screen.interview_id)
        assert stored.starts_at == before  # not moved to Nov 3 half way through
        await pilot.press(*"0 10am", "tab")  # left: now it is saved
        await settle(pilot)
        stored = demo_app.store.people.interview(screen.interview_id)
        assert (stored.starts_at.month, stored.starts_at.day, stored.starts_at.hour) == (11, 30, 10)


async def test_a_bad_date_on_the_interview_screen_is_shown_and_not_saved(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_application(pilot, "lumen")
        await open_interview(pilot)  # the onsite tomorrow
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, InterviewScreen)
        before = screen.saved
        assert before is not None
        screen.query_one("#f-when", Input).value = "Smarch 45"
        screen.query_one("#f-decision", Input).value = "Dec 2"
        screen.action_save()
        await settle(pilot)
        assert screen.query_one("#err-when", FieldError).has_class("-shown")
        assert demo_app.store is not None
        stored = demo_app.store.people.interview(screen.interview_id)
        assert stored.starts_at == before.starts_at  # the bad field was not saved
        assert stored.decision_by is not None and stored.decision_by.isoformat() == "2026-12-02"
        assert not screen.query_one("#iv-debrief").display  # still to come: no debrief yet
        # Leaving with the unread date asks first: fixing it keeps the screen and the text.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, Confirm)
        assert "when could not be read" in str(demo_app.screen.question)
        await pilot.press("n")
        await settle(pilot)
        assert demo_app.screen is screen
        assert screen.query_one("#f-when", Input).value == "Smarch 45"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)


async def test_add_a_person_and_log_what_was_heard(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_application(pilot, "cobalt")
        await pilot.press("c", *"Noor Haddad")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Noor Haddad" in o for o in options(demo_app, "#app-contacts"))
        await pilot.press("l")
        log = demo_app.screen
        assert isinstance(log, LogEvent)
        log.query_one("#f-contact", Input).value = "Noor Haddad"
        log.query_one("#f-note", TextArea).load_text("Recruiter call booked")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.detail is not None
        assert screen.detail.timeline[0].text == "Heard back (Noor Haddad) · Recruiter call booked"
        # Hearing back ends the wait for an application check-in.
        assert all("Ask about application" not in o for o in options(demo_app, "#app-due"))
        await pilot.press("w")
        note = demo_app.screen
        assert isinstance(note, LogEvent)
        note.query_one("#f-note", TextArea).load_text("Ask about the team size")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.detail.timeline[0].text == "Note: Ask about the team size"


async def test_noting_what_to_improve_ticks_the_debrief_item_and_says_so(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_application(pilot, "northwind")
        await open_interview(pilot)  # yesterday's panel: rated in the demo, nothing to improve
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, InterviewScreen)
        assert demo_app.store is not None
        item = "Rate yourself and note what to improve"

        def state() -> str:
            rows = demo_app.store.checklists.checklist(interview_id=screen.interview_id)
            return next(r.state for r in rows if r.text == item)

        assert state() == "open"
        screen.query_one("#t-debrief_improve", TextArea).focus()
        await pilot.press(*"Shorter answers")
        screen.action_save()
        await settle(pilot)
        assert state() == "done"
        said = [n.message for n in demo_app._notifications]
        assert f"Ticked on the checklist: {item}." in said


async def test_a_thank_you_left_unsent_is_listed_as_no_longer_needed_after_a_rejection(
    demo_app: PursuitApp,
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store = demo_app.store
        assert store is not None
        app_id = next(r.id for r in store.views.applications() if r.company.startswith("Northw"))
        _text, iv, who = store.drafts.render_draft(app_id, "thank-you", contact="Hannah Lee")
        store.drafts.save_draft(
            None, app_id, "thank-you", "Thanks", "Kept words", interview_id=iv, contact_id=who
        )
        store.applications.set_stage(app_id, "rejected")
        await open_application(pilot, "northwind")
        [line] = options(demo_app, "#app-drafts")
        assert line == "Thanks  no longer needed (rejected) · to Hannah Lee"
        # Opened, it says why it is not offered.
        widget = demo_app.screen.query_one("#app-drafts", OptionList)
        widget.focus()
        widget.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        status = str(demo_app.screen.query_one("#draft-status").render())
        assert "No longer needed: the application is rejected." in status
        assert demo_app.screen.query_one("#draft-body", TextArea).text == "Kept words"


async def test_down_past_a_lists_end_moves_to_the_next_list_and_up_comes_back(
    demo_app: PursuitApp,
):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_application(pilot, "northwind")
        lists = ["#app-due", "#app-drafts", "#app-interviews", "#app-contacts"]
        due = screen.query_one("#app-due", OptionList)
        assert due.has_focus
        follow_ups = [i for i in range(due.option_count) if not due.get_option_at_index(i).disabled]
        assert len(follow_ups) >= 2, "Northwind has follow-ups to walk through"
        # Down through every follow-up, then on into each list below, one after another.
        for expected in follow_ups[1:]:
            await pilot.press("down")
            assert due.has_focus and due.highlighted == expected
        for selector in lists[1:]:
            widget = screen.query_one(selector, OptionList)
            while not widget.has_focus:
                assert demo_app.focused in screen.query(OptionList), demo_app.focused
                before = (demo_app.focused, demo_app.focused.highlighted)  # type: ignore[union-attr]
                await pilot.press("down")
                after = (demo_app.focused, demo_app.focused.highlighted)  # type: ignore[union-attr]
                assert after != before, f"down is stuck before {selector}"
                assert not due.has_focus, "down went back to the first list"
        # The last list's end stays put; up goes back a list at a time to the last follow-up.
        contacts = screen.query_one("#app-contacts", OptionList)
        for _ in range(contacts.option_count + 1):
            await pilot.press("down")
        assert contacts.has_focus
        while not due.has_focus:
            await pilot.press("up")
        assert due.highlighted == follow_ups[-1]
        # Tab still moves from list to list.
        await pilot.press("tab")
        assert screen.query_one("#app-drafts", OptionList).has_focus


async def test_the_salary_is_shown_with_its_currency_as_pursuit_show_prints_it(
    db_path, clock: FixedClock
):
    from textual.widgets import Static

    from pursuit.store.repo import Store

    store = Store.open(db_path, clock)
    try:
        add = store.applications.add_application
        add(
            "Fernleaf", "Data Engineer", salary_min=65_000, salary_max=65_000, salary_currency="EUR"
        )
        add(
            "Orbital",
            "Staff Engineer",
            salary_min=150_000,
            salary_max=180_000,
            salary_currency="USD",
        )
        add("Quietly", "Analyst", salary_min=70_000, salary_max=80_000)  # no currency given
    finally:
        store.close()
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for name, salary in (
            ("fernleaf", "  ·  65k EUR"),
            ("orbital", "  ·  150k–180k USD"),
            ("quietly", "  ·  70k–80k"),
        ):
            screen = await open_application(pilot, name)
            facts = str(screen.query_one("#app-header", Static).content).split("\n")[1]
            assert salary in facts, facts
            assert facts.endswith(salary) or f"{salary}  ·  " in facts, facts
            await pilot.press("escape")
            await settle(pilot)
