"""The form's posting fields (description, currency, posted, closes) and its company memory."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.widgets import Input, TextArea

from pursuit.domain.clock import FixedClock
from pursuit.store.posting_fields import posting_fields
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.widgets.company_hint import CompanyHint
from pursuit.tui.widgets.fields import FieldError

from .conftest import SIZE, settle

DESCRIPTION = "Build the pipelines.\n\n- Python\n- SQL"


def _error(app: PursuitApp, name: str) -> str:
    error = app.screen.query_one(f"#err-{name}", FieldError)
    return str(error.render()) if error.has_class("-shown") else ""


def _stored(app: PursuitApp, app_id: int) -> tuple[object, ...]:
    assert app.store is not None
    with app.store.reader() as conn:
        fields = posting_fields(conn, app_id)
    assert fields is not None
    return (fields.salary_currency, fields.description, fields.posted_on, fields.closes_on)


async def test_the_form_keeps_the_description_currency_and_dates(empty_app: PursuitApp):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        form = empty_app.screen
        assert isinstance(form, ApplicationForm)
        form.query_one("#f-company", Input).value = "Northwind Analytics"
        form.query_one("#f-role", Input).value = "Data Engineer"
        form.query_one("#f-salary", Input).value = "85k-100k"
        form.query_one("#f-currency", Input).value = "eur"
        form.query_one("#f-posted", Input).value = "Nov 10"
        form.query_one("#f-closes", Input).value = "Dec 15"
        form.query_one("#f-description", TextArea).load_text(DESCRIPTION)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        assert empty_app.store is not None
        [row] = empty_app.store.views.applications()
        assert _stored(empty_app, row.id) == (
            "EUR",
            DESCRIPTION,
            date(2026, 11, 10),
            date(2026, 12, 15),
        )

        # Editing shows them again, and keeps them when only another field changes.
        await pilot.press("e")
        await settle(pilot)
        form = empty_app.screen
        assert isinstance(form, ApplicationForm)
        assert form.query_one("#f-currency", Input).value == "EUR"
        assert form.query_one("#f-posted", Input).value == "2026-11-10"
        assert form.query_one("#f-closes", Input).value == "2026-12-15"
        assert form.query_one("#f-description", TextArea).text == DESCRIPTION
        # Nothing changed yet: escape leaves at once.
        assert not form.has_changes()
        form.query_one("#f-role", Input).value = "Senior Data Engineer"
        form.query_one("#f-closes", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(empty_app.screen, PipelineScreen)
        [row] = empty_app.store.views.applications()
        assert row.role == "Senior Data Engineer"
        assert _stored(empty_app, row.id) == ("EUR", DESCRIPTION, date(2026, 11, 10), None)


async def test_a_bad_currency_or_date_is_said_under_its_field(empty_app: PursuitApp):
    async with empty_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Acme", "tab", *"Engineer")
        form = empty_app.screen
        form.query_one("#f-currency", Input).value = "euros"
        form.query_one("#f-posted", Input).value = "the 45th of Smarch"
        form.query_one("#f-closes", Input).value = "Nov 1"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(empty_app.screen, ApplicationForm)
        assert "'euros' is not a currency code" in _error(empty_app, "currency")
        assert "the 45th of Smarch" in _error(empty_app, "posted")
        assert _error(empty_app, "closes") == ""
        # The first field in error has the focus.
        assert empty_app.screen.focused is form.query_one("#f-currency")

        form.query_one("#f-currency", Input).value = "GBP"
        form.query_one("#f-posted", Input).value = "Nov 10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "closes (2026-11-01) before it was posted (2026-11-10)" in _error(
            empty_app, "closes"
        )
        assert _error(empty_app, "currency") == _error(empty_app, "posted") == ""
        assert empty_app.store is not None and empty_app.store.views.applications() == []


def _earlier_world(db_path: Path, clock: FixedClock) -> int:
    """A Northwind application rejected in March, and one to Contoso."""
    store = Store.open(db_path, clock)
    march = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    first = store.applications.add_application(
        "Northwind Analytics", "Data Engineer", at=march, applied_on=date(2026, 3, 2)
    )
    store.applications.set_stage(first, "rejected", at=march)
    store.applications.add_application("Contoso", "Analyst")
    store.close()
    return first


SENTENCE = "You applied to Northwind Analytics before: Data Engineer, rejected in March (#{})."


async def test_the_company_field_says_when_you_applied_there_before(
    db_path: Path, clock: FixedClock
):
    first = _earlier_world(db_path, clock)
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"northwind analytics, inc.")
        hint = app.screen.query_one(CompanyHint)
        # Leaving the field reads at once (typing reads once it pauses).
        await pilot.press("tab")
        await settle(pilot)
        assert hint.sentence == SENTENCE.format(first)
        # Another company: the line goes once typing pauses.
        await pilot.press("shift+tab", "ctrl+u", *"Fabrikam")
        await pilot.pause(CompanyHint.DELAY)
        await settle(pilot)
        assert hint.sentence == ""
        assert not hint.has_class("-shown")


async def test_the_company_hint_comes_when_typing_pauses(db_path: Path, clock: FixedClock):
    first = _earlier_world(db_path, clock)
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Northwind Analytics GmbH")
        await pilot.pause(CompanyHint.DELAY)
        await settle(pilot)
        assert app.screen.query_one(CompanyHint).sentence == SENTENCE.format(first)
        assert isinstance(app.screen.focused, Input) and app.screen.focused.id == "f-company"


async def test_editing_an_application_does_not_count_it_as_earlier(
    db_path: Path, clock: FixedClock
):
    first = _earlier_world(db_path, clock)
    store = Store.open(db_path, clock)
    second = store.applications.add_application("Northwind Analytics", "Platform Engineer")
    store.close()
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"platform", "enter", "e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ApplicationForm) and form.existing is not None
        assert form.existing.id == second
        # Only the March one: the application being edited is not earlier than itself.
        assert form.query_one(CompanyHint).sentence == SENTENCE.format(first)
