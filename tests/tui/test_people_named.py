"""The person form checks the email inline; the log form refuses a name that is nobody here."""

from __future__ import annotations

from textual.widgets import Input

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.contact_form import ContactForm
from pursuit.tui.screens.log_event import LogEvent
from pursuit.tui.widgets.fields import FieldError

from .conftest import SIZE, settle


async def open_northwind(pilot) -> ApplicationScreen:
    await pilot.press("slash", *"northwind", "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationScreen) and screen.detail is not None
    return screen


async def test_the_person_form_says_an_email_is_not_one(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_northwind(pilot)
        people = len(screen.detail.contacts)
        await pilot.press("c")
        form = demo_app.screen
        assert isinstance(form, ContactForm)
        form.query_one("#f-name", Input).value = "Jo Park"
        form.query_one("#f-email", Input).value = "not-an-email"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.screen is form
        error = form.query_one("#err-email", FieldError)
        assert error.has_class("-shown") and "@" in str(error.render())
        form.query_one("#f-email", Input).value = "jo@northwind.example"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.screen is screen and screen.detail is not None
        assert len(screen.detail.contacts) == people + 1


async def test_the_log_form_refuses_a_name_that_is_nobody_here(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_northwind(pilot)
        people = [c.name for c in screen.detail.contacts]
        await pilot.press("l")
        form = demo_app.screen
        assert isinstance(form, LogEvent)
        form.query_one("#f-contact", Input).value = "Nobody Here"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.screen is form
        error = form.query_one("#err-contact", FieldError)
        assert error.has_class("-shown") and people[0] in str(error.render())
        form.query_one("#f-contact", Input).value = people[0].upper()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert demo_app.screen is screen and screen.detail is not None
        assert [c.name for c in screen.detail.contacts] == people
        assert screen.detail.timeline[0].text == f"Heard back ({people[0]})"
