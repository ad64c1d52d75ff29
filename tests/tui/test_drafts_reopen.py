"""A follow-up's draft is one draft: reopened as it was left, and not logged twice."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from pursuit.domain.clock import FixedClock
from pursuit.domain.dates import local_tz
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.draft import DraftEditor
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.widgets.marked_text_area import MarkedTextArea

from .conftest import SIZE, settle
from .test_drafts import open_due_draft


def app_id(app: PursuitApp, company: str) -> int:
    assert app.store is not None
    return next(r.id for r in app.store.views.applications() if r.company == company)


async def open_application(pilot, company: str) -> ApplicationScreen:
    pilot.app.push_screen(ApplicationScreen(app_id(pilot.app, company)))
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationScreen)
    return pilot.app.screen


async def open_quarry_check_in(pilot) -> DraftEditor:
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TodayScreen)
    table = pilot.app.screen.query_one("#today-due", DataTable)
    row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[4]) == "Quarry & Co")
    table.move_cursor(row=row)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DraftEditor)
    return pilot.app.screen


async def type_and_save(pilot, editor: DraftEditor, words: str) -> None:
    body = editor.query_one("#draft-body", MarkedTextArea)
    body.focus()
    await pilot.press("ctrl+home", *words)
    editor.action_save()  # what the autosave timer does after a pause in typing
    await settle(pilot)


async def test_the_follow_up_reopens_its_saved_draft_instead_of_starting_another(
    demo_app: PursuitApp,
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_quarry_check_in(pilot)
        await type_and_save(pilot, editor, "XYZ ")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        await pilot.press("enter")  # the same row again
        await settle(pilot)
        again = demo_app.screen
        assert isinstance(again, DraftEditor)
        assert again.query_one("#draft-body", MarkedTextArea).text.startswith("XYZ ")
        await type_and_save(pilot, again, "more ")
        await pilot.press("escape")
        await settle(pilot)
        assert demo_app.store is not None
        [draft] = demo_app.store.drafts.drafts(app_id(demo_app, "Quarry & Co"))
        assert draft.body.startswith("more XYZ ")

        # And from What's next on the application screen: the same draft.
        await open_application(pilot, "Quarry & Co")
        due = demo_app.screen.query_one("#app-due", OptionList)
        due.focus()
        due.highlighted = next(
            i
            for i, d in enumerate(demo_app.screen.detail.due)
            if d.action in ("first-check-in", "second-check-in")
        )
        await pilot.press("enter")
        await settle(pilot)
        third = demo_app.screen
        assert isinstance(third, DraftEditor)
        assert third.draft_id == draft.id
        assert third.query_one("#draft-body", MarkedTextArea).text == draft.body


async def test_a_check_in_logged_elsewhere_meanwhile_is_not_logged_again_when_marked_sent(
    demo_app: PursuitApp, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_quarry_check_in(pilot)
        await type_and_save(pilot, editor, "Hello again. ")
        quarry = app_id(demo_app, "Quarry & Co")
        assert demo_app.store is not None
        before = [
            t for t in demo_app.store.views.detail(quarry).timeline if t.kind == "sent-check-in"
        ]
        # Another program (`pursuit log 1 sent-check-in`) logs it while the draft is open.
        sent_at = clock.advance(minutes=7)
        demo_app.store.applications.log_event(quarry, "sent-check-in")
        clock.advance(minutes=3)
        await pilot.press("ctrl+t")
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        after = [
            t for t in demo_app.store.views.detail(quarry).timeline if t.kind == "sent-check-in"
        ]
        assert len(after) == len(before) + 1  # the one logged elsewhere, and no second
        said = [str(n.message) for n in demo_app._notifications]
        local = sent_at.astimezone(local_tz())
        assert any(
            f"already logged as sent at {local:%H:%M} on {local.day} {local:%b}" in m for m in said
        ), said
        assert not any(m.startswith("Logged as sent") for m in said), said
        [draft] = demo_app.store.drafts.drafts(quarry)
        assert draft.sent_at is not None  # filed as sent: it was sent, once


async def test_a_thank_you_logged_elsewhere_leaves_its_draft_no_longer_needed(
    demo_app: PursuitApp, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_due_draft(pilot, "Hannah Lee")
        await type_and_save(pilot, editor, "Dear Hannah. ")
        await pilot.press("escape")
        await settle(pilot)
        northwind = app_id(demo_app, "Northwind Analytics")
        assert demo_app.store is not None
        clock.advance(minutes=5)
        demo_app.store.applications.log_event(northwind, "sent-thank-you", contact="Tomás Ortega")
        [draft] = demo_app.store.drafts.drafts(northwind)
        assert draft.not_needed == ""  # thanking Tomás is not thanking Hannah
        # `pursuit log 1 sent-thank-you --contact "Hannah Lee"`, from the command line.
        demo_app.store.applications.log_event(northwind, "sent-thank-you", contact="Hannah Lee")
        [draft] = demo_app.store.drafts.drafts(northwind)
        assert draft.not_needed.startswith("already logged as sent at ")

        screen = await open_application(pilot, "Northwind Analytics")
        drafts = screen.query_one("#app-drafts", OptionList)
        shown = str(drafts.get_option_at_index(0).prompt)
        assert "no longer needed (already logged as sent" in shown, shown
        drafts.focus()
        drafts.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        opened = demo_app.screen
        assert isinstance(opened, DraftEditor)
        status = str(opened.query_one("#draft-status").render())
        assert "No longer needed: already logged as sent at " in status, status
