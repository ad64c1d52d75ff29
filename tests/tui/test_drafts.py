"""The draft editor: opened from a due follow-up, edited, copied, marked sent."""

from __future__ import annotations

import pyperclip
import pytest
from textual.widgets import DataTable, Input, OptionList

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.clipboard_fallback import ClipboardFallback
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.draft import DraftEditor
from pursuit.tui.screens.today import TodayScreen
from pursuit.tui.widgets.marked_text_area import MarkedTextArea

from .conftest import SIZE, settle
from .test_writing_area import marked_on_screen

SUBJECT = "Thank you - Senior Data Engineer interview at Northwind Analytics"


class FakeClipboard:
    def __init__(self) -> None:
        self.text = ""

    def copy(self, text: str) -> None:
        self.text = text

    def paste(self) -> str:
        return self.text


@pytest.fixture
def clipboard(monkeypatch: pytest.MonkeyPatch) -> FakeClipboard:
    fake = FakeClipboard()
    monkeypatch.setattr(pyperclip, "copy", fake.copy)
    monkeypatch.setattr(pyperclip, "paste", fake.paste)
    return fake


async def open_due_draft(pilot, who: str) -> DraftEditor:
    app = pilot.app
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, TodayScreen)
    table = app.screen.query_one("#today-due", DataTable)
    row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[3]) == who)
    table.move_cursor(row=row)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DraftEditor)
    return app.screen


async def test_from_a_due_thank_you_to_sent(demo_app: PursuitApp, clipboard: FakeClipboard):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_due_draft(pilot, "Tomás Ortega")
        body = editor.query_one("#draft-body", MarkedTextArea)
        assert body.text.startswith("Hi Tomás,")
        # The panel's second topic: the first is Hannah's, so the two notes differ.
        assert "on-call rotation and the data quality checks" in body.text
        assert editor.query_one("#draft-subject", Input).value == SUBJECT
        assert "Every field is filled in" in str(editor.query_one("#draft-status").render())

        body.focus()
        body.move_cursor(body.document.end)
        await pilot.press(*"\nP.S. Loved the office dog.")
        await pilot.press("ctrl+y")
        await settle(pilot)
        expected = f"{SUBJECT}\n\n{body.text}"
        assert clipboard.text == expected
        assert demo_app.clipboard == expected  # and through the terminal (OSC 52)
        assert body.text.endswith("P.S. Loved the office dog.")

        await pilot.press("ctrl+t")  # mark sent
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        table = demo_app.screen.query_one("#today-due", DataTable)
        people = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert "Tomás Ortega" not in people and "Hannah Lee" in people
        assert demo_app.store is not None
        northwind = next(
            r.id for r in demo_app.store.views.applications() if r.company == "Northwind Analytics"
        )
        [draft] = demo_app.store.drafts.drafts(northwind)
        assert draft.sent_at is not None and draft.body.endswith("office dog.")


async def test_no_clipboard_shows_the_text_to_copy_by_hand(demo_app: PursuitApp, monkeypatch):
    def broken(_text: str) -> None:
        raise pyperclip.PyperclipException("no xclip here")

    monkeypatch.setattr(pyperclip, "copy", broken)
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_due_draft(pilot, "Hannah Lee")
        text = editor.full_text()
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert isinstance(demo_app.screen, ClipboardFallback)
        assert demo_app.screen.query_one("#clipboard-text").text == text
        assert demo_app.clipboard == text
        await pilot.press("escape")
        assert isinstance(demo_app.screen, DraftEditor)


async def test_unfilled_markers_are_counted_and_warned_about(
    demo_app: PursuitApp, clipboard: FakeClipboard
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = demo_app.screen.query_one("#today-due", DataTable)
        quarry = next(
            i for i in range(table.row_count) if str(table.get_row_at(i)[4]) == "Quarry & Co"
        )
        table.move_cursor(row=quarry)
        await pilot.press("enter")
        await settle(pilot)
        editor = demo_app.screen
        assert isinstance(editor, DraftEditor)
        status = str(editor.query_one("#draft-status").render())
        assert "1 to fill in: [specific detail]" in status
        body = editor.query_one("#draft-body", MarkedTextArea)
        assert "[specific detail]" in marked_on_screen(body)
        await pilot.press("ctrl+y")
        assert isinstance(demo_app.screen, Confirm)
        assert "specific detail" in str(demo_app.screen.question)
        await pilot.press("n")
        await settle(pilot)
        assert clipboard.text == ""
        body.load_text(body.text.replace("[specific detail]", "the caching layer redesign"))
        await pilot.pause()
        assert "Every field is filled in" in str(editor.query_one("#draft-status").render())
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert "the caching layer redesign" in clipboard.text


async def test_a_draft_autosaves_and_reopens_from_the_application(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cobalt", "enter", "enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ApplicationScreen)
        await pilot.press("r")
        await settle(pilot)
        picker = demo_app.screen.query_one("#templates", OptionList)
        picker.highlighted = next(
            i
            for i in range(picker.option_count)
            if picker.get_option_at_index(i).id == "application-check-in"
        )
        await pilot.press("enter")
        await settle(pilot)
        editor = demo_app.screen
        assert isinstance(editor, DraftEditor)
        assert "Site Reliability Engineer" in editor.query_one("#draft-subject", Input).value
        body = editor.query_one("#draft-body", MarkedTextArea)
        body.focus()
        await pilot.press("ctrl+home", *"Quick note. ")
        editor.action_save()  # what the autosave timer does after a pause in typing
        await settle(pilot)
        assert demo_app.store is not None
        cobalt = next(
            r.id for r in demo_app.store.views.applications() if r.company == "Cobalt Systems"
        )
        [draft] = demo_app.store.drafts.drafts(cobalt)
        assert draft.body.startswith("Quick note. ")
        await pilot.press(*"Really. ")
        await pilot.press("escape")  # leaving saves what the timer has not yet
        await settle(pilot)
        assert demo_app.store.drafts.drafts(cobalt)[0].body.startswith("Quick note. Really. ")
        drafts = demo_app.screen.query_one("#app-drafts", OptionList)
        drafts.focus()
        drafts.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        again = demo_app.screen
        assert isinstance(again, DraftEditor)
        assert again.query_one("#draft-body", MarkedTextArea).text.startswith(
            "Quick note. Really. "
        )


async def test_looking_at_a_draft_without_changing_it_saves_nothing(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_due_draft(pilot, "Hannah Lee")
        editor._save_if_changed()  # what the autosave timer would do
        await pilot.press("escape")
        await settle(pilot)
        assert demo_app.store is not None
        northwind = next(
            r.id for r in demo_app.store.views.applications() if r.company == "Northwind Analytics"
        )
        assert demo_app.store.drafts.drafts(northwind) == []


async def test_letters_typed_with_the_buttons_focused_do_not_leave_the_editor(demo_app):
    from tests.tour import visit

    async with demo_app.run_test(size=SIZE) as pilot:
        await visit(pilot, "draft")
        editor = demo_app.screen
        editor.query_one("Button").focus()  # where Tab leads once past the text
        await pilot.pause()
        await pilot.press(*"P.S. it was great to meet the team")
        await pilot.pause()
        assert demo_app.screen is editor and demo_app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert demo_app.screen is editor and demo_app.is_running


async def test_your_details_open_ready_to_type_and_what_is_typed_is_saved(demo_app):
    from tests.tour import visit

    async with demo_app.run_test(size=SIZE) as pilot:
        await visit(pilot, "draft")
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"Sam Rivera", "ctrl+s")
        await settle(pilot)
        assert demo_app.store is not None
        assert demo_app.store.settings.values()["my_name"] == "Sam Rivera"


async def test_answering_an_offer_asks_which_answer_and_asking_for_time_moves_it(
    demo_app: PursuitApp, clipboard: FakeClipboard
):
    from pursuit.tui.screens.template_picker import TemplatePicker

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = demo_app.screen.query_one("#today-due", DataTable)
        offer = next(
            i for i in range(table.row_count) if str(table.get_row_at(i)[4]) == "Meridian Bank"
        )
        before = [str(c) for c in table.get_row_at(offer)]
        table.move_cursor(row=offer)
        await pilot.press("enter")
        await settle(pilot)
        picker = demo_app.screen
        assert isinstance(picker, TemplatePicker)
        choices = picker.query_one(OptionList)
        titles = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert titles == [
            "Ask for a day or two",
            "Accept an offer",
            "Negotiate an offer",
            "Decline an offer",
        ]
        await pilot.press("enter")  # ask for a day or two
        await settle(pilot)
        editor = demo_app.screen
        assert isinstance(editor, DraftEditor)
        body = editor.query_one("#draft-body", MarkedTextArea).text
        assert "a day or two" in body and "Could I come back to you" in body
        assert "Every field is filled in" in str(editor.query_one("#draft-status").render())
        await pilot.press("ctrl+t")  # mark sent: it is still owed, two days from now
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        table = demo_app.screen.query_one("#today-due", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        after = next(r for r in rows if r[4] == "Meridian Bank")
        assert after != before, (before, after)


async def pick_recipient(pilot, name: str) -> None:
    from pursuit.tui.screens.recipient_picker import RecipientPicker

    await pilot.press("ctrl+r")
    await settle(pilot)
    picker = pilot.app.screen
    assert isinstance(picker, RecipientPicker)
    people = [p.name for p in picker.people]
    assert people == ["Hannah Lee", "Tomás Ortega"]  # the panel, and only the panel
    picker.query_one(OptionList).highlighted = people.index(name)
    await pilot.press("enter")
    await settle(pilot)


async def test_ctrl_r_writes_the_draft_to_another_panelist_keeping_edits_after_asking(
    demo_app: PursuitApp,
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_due_draft(pilot, "Tomás Ortega")
        body = editor.query_one("#draft-body", MarkedTextArea)
        await pick_recipient(pilot, "Hannah Lee")
        assert demo_app.screen is editor  # untouched: filled in again at once, nothing to ask
        assert body.text.startswith("Hi Hannah,")
        assert "nightly batch jobs to streaming" in body.text  # her detail, not his
        assert "to Hannah Lee" in str(editor.query_one("#draft-title").render())

        body.move_cursor(body.document.end)
        await pilot.press(*"\nP.S. Thanks for the tour.")
        await pick_recipient(pilot, "Tomás Ortega")
        assert isinstance(demo_app.screen, Confirm)  # edited: asked first
        await pilot.press("y")
        await settle(pilot)
        assert demo_app.screen is editor
        assert body.text.startswith("Hi Tomás,") and "P.S." not in body.text
        assert demo_app.store is not None
        app_id = editor.request.application_id
        [kept] = demo_app.store.drafts.drafts(app_id)
        assert kept.contact_name == "Hannah Lee"
        assert kept.body.startswith("Hi Hannah,") and kept.body.endswith("Thanks for the tour.")

        await pilot.press(*"Tomás, ")  # the fresh draft saves as his, apart from hers
        editor.action_save()
        await settle(pilot)
        saved = {d.contact_name: d.body for d in demo_app.store.drafts.drafts(app_id)}
        assert set(saved) == {"Hannah Lee", "Tomás Ortega"}
        assert saved["Hannah Lee"].endswith("Thanks for the tour.")

        await pick_recipient(pilot, "Hannah Lee")  # she has a draft: it opens, as she left it
        assert demo_app.screen is editor
        assert body.text == saved["Hannah Lee"]
        assert len(demo_app.store.drafts.drafts(app_id)) == 2
        await pilot.press(*"! ")  # and her draft goes on being hers
        editor.action_save()
        await settle(pilot)
        now = {d.contact_name: d.body for d in demo_app.store.drafts.drafts(app_id)}
        assert now["Hannah Lee"] == "! " + saved["Hannah Lee"]
        assert now["Tomás Ortega"] == saved["Tomás Ortega"]


async def test_changing_your_details_with_f2_signs_the_open_draft_anew(demo_app: PursuitApp):
    from pursuit.tui.screens.profile import ProfileForm

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await open_due_draft(pilot, "Hannah Lee")
        body = editor.query_one("#draft-body", MarkedTextArea)
        signed = "Alex Morgan\nalex.morgan@example.com · +1 555 0142\nlinkedin.com/in/alexmorgan"
        assert body.text.endswith(f"Best regards,\n{signed}")
        body.move_cursor((0, 0))
        await pilot.press(*"Dear Hannah. ")  # the user's own words stay
        await pilot.press("f2")
        await settle(pilot)
        form = demo_app.screen
        assert isinstance(form, ProfileForm)
        form.query_one("#f-my_name", Input).value = "Alex Morgan-Reyes"
        form.query_one("#f-my_phone", Input).value = "+1 555 0199"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.screen is editor
        assert body.text.startswith("Dear Hannah. Hi Hannah,")
        assert body.text.endswith(
            "Best regards,\nAlex Morgan-Reyes\n"
            "alex.morgan@example.com · +1 555 0199\nlinkedin.com/in/alexmorgan"
        )
        editor.action_save()
        await settle(pilot)
        assert demo_app.store is not None
        [row] = demo_app.store.drafts.drafts(editor.request.application_id)
        assert row.body == body.text
