"""The add form and what is pasted into it: a link in Company, a page or text in the posting
field, a description too long to keep. Pages come from a local server; none from the internet.
"""

from __future__ import annotations

import asyncio
import json

from pytest_httpserver import HTTPServer
from textual import events
from textual.widgets import Input, TextArea

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.widgets.fields import FieldError
from tests.tour import screen_text

from .conftest import SIZE, SlowPage, settle
from .test_add_from_posting import NORTHWIND, _field, _from_page, _serve, _status

MOVED = "The link put in Company was moved to the posting field. "


def _paste(app: PursuitApp, text: str) -> None:
    """TEXT pasted in the terminal: the app hands it to the focused field."""
    app.post_message(events.Paste(text))


async def _open_form(pilot) -> ApplicationForm:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("a")
    form = pilot.app.screen
    assert isinstance(form, ApplicationForm)
    return form


async def test_a_link_pasted_in_company_is_read_as_the_posting(
    empty_app: PursuitApp, httpserver: HTTPServer
):
    url = _serve(httpserver, "/job.html", NORTHWIND) + "?utm_source=li"
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        company = form.query_one("#f-company", Input)
        # The cursor starts in Company: typing a name is what most people do.
        assert empty_app.focused is company
        _paste(empty_app, url)
        await settle(pilot)
        assert form.query_one("#f-posting", TextArea).text == url
        assert (_field(empty_app, "company"), _field(empty_app, "role")) == (
            "Northwind Analytics",
            "Data Engineer",
        )
        assert "company" in _from_page(empty_app)
        status = _status(empty_app)
        assert status.startswith(MOVED + "Filled in from the page's JobPosting data"), status
        # Enter, as the user pressed it, saves what the page filled in.
        assert empty_app.focused is company
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        assert empty_app.store is not None
        [row] = empty_app.store.views.applications()
        assert (row.company, row.role) == ("Northwind Analytics", "Data Engineer")


async def test_enter_while_the_link_is_read_waits_for_it(
    empty_app: PursuitApp, slow_page: SlowPage
):
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        _paste(empty_app, slow_page.url)
        assert await asyncio.to_thread(slow_page.arrived.wait, 10)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        # Not "Company is needed.": the page will say it.
        assert empty_app.screen is form
        assert _status(empty_app).startswith(MOVED + "Still reading the posting")
        assert str(form.query_one("#err-company", FieldError).render()) == ""
        slow_page.release.set()
        await settle(pilot)
        assert _field(empty_app, "company") == "Northwind Analytics"


async def test_a_link_typed_in_company_is_moved_when_company_is_left(
    empty_app: PursuitApp, httpserver: HTTPServer
):
    url = _serve(httpserver, "/job.html", NORTHWIND)
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        company = form.query_one("#f-company", Input)
        for character in url:
            company.insert_text_at_cursor(character)
            await pilot.pause()
        # Not taken while it is typed ("http://1" is a link too).
        assert company.value == url
        assert form.query_one("#f-posting", TextArea).text == ""
        await pilot.press("tab")
        await settle(pilot)
        assert form.query_one("#f-posting", TextArea).text == url
        assert _field(empty_app, "company") == "Northwind Analytics"


async def test_a_name_in_company_or_a_link_with_the_posting_field_filled_stays(
    empty_app: PursuitApp,
):
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        company = form.query_one("#f-company", Input)
        _paste(empty_app, "Northwind Analytics")
        await settle(pilot)
        assert company.value == "Northwind Analytics"
        company.value = ""
        form.query_one("#f-posting", TextArea).load_text("https://jobs.example/1")
        _paste(empty_app, "https://other.example/2")
        await settle(pilot)
        assert company.value == "https://other.example/2"
        assert form.query_one("#f-posting", TextArea).text == "https://jobs.example/1"


async def test_pasted_text_is_shown_and_one_field_is_said_as_one(empty_app: PursuitApp):
    text = "We need a night nurse.\n\nThree shifts a week.\n"
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        posting = form.query_one("#f-posting", TextArea)
        posting.focus()
        await pilot.pause()
        _paste(empty_app, text)
        await settle(pilot)
        assert posting.cursor_location == (0, 0)
        assert "We need a night nurse." in screen_text(pilot)
        assert _status(empty_app) == (
            "3 lines of text are pasted: enter (or ctrl+f) fills the form in from them."
        )
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert _field(empty_app, "description") == "We need a night nurse.\n\nThree shifts a week."
        assert _status(empty_app) == (
            "Filled in from the page: 1 field, marked “from the page”. "
            "Check it, then save (ctrl+s)."
        )


async def test_a_description_too_long_to_keep_is_said_to_be_cut(
    empty_app: PursuitApp, httpserver: HTTPServer
):
    paragraph = "Work with the data team on the warehouse and its models. " * 20
    job = {
        "@type": "JobPosting",
        "title": "Data Engineer",
        "hiringOrganization": "Northwind",
        "description": "\n\n".join([paragraph] * 220),
    }
    page = f'<script type="application/ld+json">{json.dumps(job)}</script>'
    url = _serve(httpserver, "/long", page)
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        form.query_one("#f-posting", TextArea).load_text(url)
        await pilot.press("ctrl+f")
        await settle(pilot)
        kept = len(_field(empty_app, "description")) - len("\n…")
        assert kept <= 100_000
        status = _status(empty_app)
        assert (
            f"The job description was longer than 100,000 characters: only its first {kept:,} "
            "are kept." in status
        ), status
