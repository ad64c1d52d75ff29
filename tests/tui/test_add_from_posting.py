"""Adding an application from its posting in the app: a link, a saved page, the page pasted in.

Every page comes from a local server or from tests/fixtures/postings; no test reaches the
internet. The form is filled in a worker and nothing is saved until the user saves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import Input, Label, Static, TextArea

from pursuit.domain.clock import FixedClock
from pursuit.store.posting_fields import posting_fields
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.widgets.company_hint import CompanyHint

from .conftest import SIZE, SlowPage, settle

POSTINGS = Path(__file__).resolve().parent.parent / "fixtures" / "postings"
NORTHWIND = (POSTINGS / "form-northwind.html").read_text()
#: The address the Northwind page gives as its own, without tracking or fragment.
CANONICAL = "https://careers.northwind.example/jobs/42-data-engineer"


def _status(app: PursuitApp) -> str:
    return str(app.screen.query_one("#fill-status", Static).render())


def _field(app: PursuitApp, name: str) -> str:
    if name == "description":
        return app.screen.query_one("#f-description", TextArea).text
    return app.screen.query_one(f"#f-{name}", Input).value


def _from_page(app: PursuitApp) -> list[str]:
    """The fields whose label says they came from the page."""
    return [
        (label.id or "").removeprefix("l-")
        for label in app.screen.query(Label)
        if label.has_class("-from-page") and "from the page" in str(label.render())
    ]


async def _fill(pilot, source: str) -> ApplicationForm:  # type: ignore[no-untyped-def]
    """Open the add form, put SOURCE in the posting field and press enter there."""
    await pilot.press("a")
    form = pilot.app.screen
    assert isinstance(form, ApplicationForm)
    posting = form.query_one("#f-posting", TextArea)
    posting.load_text(source)
    posting.focus()
    await pilot.press("enter")
    return form


def _serve(httpserver: HTTPServer, path: str, page: str) -> str:
    httpserver.expect_request(path).respond_with_data(page, content_type="text/html")
    return httpserver.url_for(path)


async def test_a_link_fills_the_form_and_nothing_is_saved_until_save(
    empty_app: PursuitApp, httpserver: HTTPServer
):
    url = _serve(httpserver, "/jobs/42", NORTHWIND) + "?utm_source=board"
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _fill(pilot, url)
        await settle(pilot)
        assert empty_app.screen is form
        assert (_field(empty_app, "company"), _field(empty_app, "role")) == (
            "Northwind Analytics",
            "Data Engineer",
        )
        assert _field(empty_app, "salary") == "85k–100k"
        assert _field(empty_app, "currency") == "EUR"
        assert (_field(empty_app, "posted"), _field(empty_app, "closes")) == (
            "2026-11-10",
            "2026-12-15",
        )
        assert _field(empty_app, "url") == CANONICAL
        assert "Berlin" in _field(empty_app, "location")
        assert "- Build the pipelines" in _field(empty_app, "description")
        marked = _from_page(empty_app)
        assert {"company", "role", "url", "salary", "currency", "description"} <= set(marked)
        assert "applied" not in marked and "source" not in marked
        status = _status(empty_app)
        assert status.startswith(
            "Filled in from the page's JobPosting data (schema.org): 9 fields, each marked"
        ), status
        # Shown, not saved.
        assert empty_app.store is not None and empty_app.store.views.applications() == []

        # Still the user's to change: a field changed by hand is no longer marked.
        form.query_one("#f-role", Input).value = "Data Engineer (Platform)"
        await pilot.pause()
        assert "role" not in _from_page(empty_app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        [row] = empty_app.store.views.applications()
        assert (row.company, row.role, row.url) == (
            "Northwind Analytics",
            "Data Engineer (Platform)",
            CANONICAL,
        )
        with empty_app.store.reader() as conn:
            kept = posting_fields(conn, row.id)
        assert kept is not None
        assert (kept.salary_currency, kept.posted_on, kept.closes_on) == (
            "EUR",
            date(2026, 11, 10),
            date(2026, 12, 15),
        )
        assert "- Own the warehouse" in kept.description


async def test_a_saved_page_fills_the_form(empty_app: PursuitApp):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _fill(pilot, str(POSTINGS / "form-lumen-saved.html"))
        await settle(pilot)
        assert (_field(empty_app, "company"), _field(empty_app, "role")) == (
            "Lumen Health",
            "Platform Engineer",
        )
        assert _field(empty_app, "url") == "https://lumen.example/careers/7"
        assert "preview tags (OpenGraph)" in _status(empty_app)
        assert empty_app.store is not None and empty_app.store.views.applications() == []


async def test_a_pasted_page_fills_the_form_and_keeps_what_was_typed(empty_app: PursuitApp):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        form = empty_app.screen
        form.query_one("#f-role", Input).value = "Analytics Engineer"
        posting = form.query_one("#f-posting", TextArea)
        posting.load_text(NORTHWIND)
        await pilot.press("ctrl+f")  # from any field
        await settle(pilot)
        assert _field(empty_app, "company") == "Northwind Analytics"
        # What the user typed wins over the page.
        assert _field(empty_app, "role") == "Analytics Engineer"
        assert "role" not in _from_page(empty_app)
        assert "Kept what you typed for role." in _status(empty_app)


async def test_escape_stops_a_slow_fetch_and_fills_nothing(
    empty_app: PursuitApp, slow_page: SlowPage
):
    arrived, release = slow_page.arrived, slow_page.release
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _fill(pilot, slow_page.url)
        assert await asyncio.to_thread(arrived.wait, 10)
        await pilot.pause()
        assert "(escape stops)" in _status(empty_app)
        filling = form._filling
        assert filling is not None and filling.worker is not None
        await pilot.press("escape")
        # Stopped at once, while the server still holds the answer; the form stays.
        assert empty_app.screen is form
        assert _status(empty_app) == "Stopped: nothing was filled in."
        # The reading itself ends too, without waiting for the answer.
        await settle(pilot)
        assert filling.worker.is_finished and not release.is_set()
        release.set()
        assert _field(empty_app, "company") == _field(empty_app, "role") == ""
        assert _from_page(empty_app) == []
        assert _status(empty_app) == "Stopped: nothing was filled in."
        # Escape again leaves the form (asking first: a link was typed).
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(empty_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        assert empty_app.store is not None and empty_app.store.views.applications() == []


async def test_a_missing_page_is_said_in_the_form_and_nothing_is_saved(
    empty_app: PursuitApp, httpserver: HTTPServer
):
    httpserver.expect_request("/taken-down").respond_with_data("Gone", status=404)
    url = httpserver.url_for("/taken-down")
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _fill(pilot, url)
        await settle(pilot)
        assert empty_app.screen is form
        status = _status(empty_app)
        assert status.startswith(url) and "missing" in status, status
        assert status.endswith("Nothing was filled in.")
        assert form.query_one("#fill-status").has_class("-error")
        assert _field(empty_app, "company") == ""
        await pilot.press("ctrl+s")  # no company: the form says so, and saves nothing
        await settle(pilot)
        assert empty_app.screen is form
        assert empty_app.store is not None and empty_app.store.views.applications() == []


@pytest.fixture
def held(db_path: Path, clock: FixedClock) -> Iterator[int]:
    """A file where the Northwind posting is already application #1 (added with its URL)."""
    store = Store.open(db_path, clock)
    app_id = store.applications.add_application(
        "Northwind Analytics", "Data Engineer", url=CANONICAL
    )
    store.close()
    yield app_id


async def test_the_same_posting_again_offers_the_application_that_holds_it(
    held: int, db_path: Path, clock: FixedClock
):
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _fill(pilot, NORTHWIND)
        await settle(pilot)
        holder = str(form.query_one("#fill-holder", Static).render())
        assert holder.startswith(f"#{held} Northwind Analytics · Data Engineer (Applied)")
        assert "ctrl+o opens it instead" in holder
        # The company remembers it too.
        assert f"(#{held})" in form.query_one(CompanyHint).sentence
        await pilot.press("ctrl+o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ApplicationScreen) and screen.app_id == held
        assert app.store is not None and len(app.store.views.applications()) == 1


async def test_the_same_posting_can_be_added_again_after_asking(
    held: int, db_path: Path, clock: FixedClock
):
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _fill(pilot, NORTHWIND)
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing: nothing added
        await settle(pilot)
        assert isinstance(app.screen, ApplicationForm)
        assert app.store is not None and len(app.store.views.applications()) == 1
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, PipelineScreen)
        rows = app.store.views.applications()
        assert [r.url for r in rows] == [CANONICAL, CANONICAL]


@pytest.mark.parametrize("side", ["", "-wal"])
async def test_the_database_itself_is_refused_as_a_saved_page(
    empty_app: PursuitApp, db_path: Path, side: str
):
    # Opening the open database to read it, then closing it, would drop SQLite's locks.
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _fill(pilot, f"{db_path}{side}")
        await settle(pilot)
        assert empty_app.screen is form
        status = _status(empty_app)
        assert f"{db_path}{side} is the pursuit database itself" in status, status
        assert form.query_one("#fill-status").has_class("-error")
        assert _field(empty_app, "company") == ""
