"""Editing message templates from the app: edit a built-in, add your own, restore."""

from __future__ import annotations

from textual.widgets import Input, OptionList, TextArea

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.message_templates import MessageTemplatesScreen, TemplateEditor

from .conftest import SIZE, settle


async def test_edit_add_and_restore_templates(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"edit message templates")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, MessageTemplatesScreen)
        assert screen.selected() is not None and screen.selected().name == "thank-you"
        await pilot.press("e")
        editor = demo_app.screen
        assert isinstance(editor, TemplateEditor)
        editor.query_one("#t-body", TextArea).load_text("Thanks, {contact_first}!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        store = demo_app.store
        assert store is not None
        northwind = next(
            r.id for r in store.views.applications() if r.company == "Northwind Analytics"
        )
        rendered, _i, _c = store.drafts.render_draft(northwind, "thank-you", contact="Hannah Lee")
        assert rendered.body == "Thanks, Hannah!"
        assert "edited" in str(screen.query_one(OptionList).get_option_at_index(0).prompt)

        await pilot.press("n")
        editor = demo_app.screen
        editor.query_one("#t-name", Input).value = "Coffee Chat!"
        await pilot.press("ctrl+s")
        assert isinstance(demo_app.screen, TemplateEditor)  # a bad name is refused
        editor.query_one("#t-name", Input).value = "coffee-chat"
        editor.query_one("#t-subject", Input).value = "Coffee, {contact_first}?"
        await pilot.press("ctrl+s")
        await settle(pilot)
        rendered, _i, _c = store.drafts.render_draft(northwind, "coffee-chat", contact="Hannah Lee")
        assert rendered.subject == "Coffee, Hannah?"

        screen.query_one(OptionList).highlighted = 0
        await pilot.press("R")
        await settle(pilot)
        assert "Put back pursuit's wording" in str(demo_app.screen.question)  # asks first
        await pilot.press("y")
        await settle(pilot)
        rendered, _i, _c = store.drafts.render_draft(northwind, "thank-you", contact="Hannah Lee")
        assert rendered.body.startswith("Hi Hannah,\n\nThank you for taking the time")


async def test_a_misspelt_slot_is_pointed_out_when_the_template_is_saved(demo_app: PursuitApp):
    from pursuit.tui.widgets.fields import FieldError

    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"edit message templates")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        editor = demo_app.screen
        assert isinstance(editor, TemplateEditor)
        editor.query_one("#t-body", TextArea).load_text("Thanks for the chat about {compnay}.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Not saved yet: the editor says which slot it does not know.
        assert demo_app.screen is editor
        error = editor.query_one("#err-body", FieldError)
        assert error.has_class("-shown") and "{compnay}" in str(error.render())
        store = demo_app.store
        assert store is not None
        assert "edited" not in str(
            demo_app.screen_stack[-2].query_one(OptionList).get_option_at_index(0).prompt
        )
        await pilot.press("ctrl+s")  # saved as typed, now that it was said
        await settle(pilot)
        assert isinstance(demo_app.screen, MessageTemplatesScreen)
        body = next(t.body for t in store.drafts.templates() if t.name == "thank-you")
        assert body == "Thanks for the chat about {compnay}."
