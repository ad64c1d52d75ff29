"""Pastes as a real terminal delivers them (xterm, tmux paste-buffer -p): each LF of the text
arrives as a CR, so a CRLF file arrives with CR CR ending each line. And a link pasted in
Company after a name is typed there."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual import events
from textual.widgets import Input, TextArea

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from tests.tour import screen_text

from .conftest import SIZE, settle
from .test_add_from_posting import NORTHWIND, _field, _serve, _status
from .test_add_from_posting_paste import _open_form
from .test_import_invitation import INVITATIONS, add_applications, open_import, shown


def as_terminal_pastes(text: str) -> str:
    """TEXT as a terminal pastes it: every LF a CR (a CRLF becomes CR CR)."""
    return text.replace("\n", "\r")


@pytest.mark.parametrize(
    "pasted",
    [NORTHWIND, as_terminal_pastes(NORTHWIND), as_terminal_pastes(NORTHWIND.replace("\n", "\r\n"))],
    ids=["as-is", "lf-page-from-a-terminal", "crlf-page-from-a-terminal"],
)
async def test_a_pasted_page_is_shown_from_its_start_and_said(empty_app: PursuitApp, pasted: str):
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        posting = form.query_one("#f-posting", TextArea)
        posting.focus()
        await pilot.pause()
        empty_app.post_message(events.Paste(pasted))
        await settle(pilot)
        assert posting.text == NORTHWIND
        # The field is one line high: it shows the page's first, not the blank after its last.
        assert posting.cursor_location == (0, 0) and posting.scroll_offset.y == 0
        assert "<!doctype html>" in screen_text(pilot)
        lines = len(NORTHWIND.strip().splitlines())
        assert _status(empty_app) == (
            f"A page of {lines} lines is pasted: enter (or ctrl+f) fills the form in from it."
        )
        await pilot.press("enter")
        await settle(pilot)
        assert _field(empty_app, "company") == "Northwind Analytics"


async def test_a_page_on_one_line_is_shown_from_its_start_and_said(empty_app: PursuitApp):
    page = " ".join(NORTHWIND.split())  # a page saved without line ends
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        posting = form.query_one("#f-posting", TextArea)
        posting.focus()
        await pilot.pause()
        empty_app.post_message(events.Paste(page))
        await settle(pilot)
        assert posting.cursor_location == (0, 0)
        assert _status(empty_app) == (
            "A page is pasted: enter (or ctrl+f) fills the form in from it."
        )
        await pilot.press("enter")
        await settle(pilot)
        assert _field(empty_app, "company") == "Northwind Analytics"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("outlook-inline-and-attached.eml", "Tue 24 Nov 21:00"),
        ("greenhouse-attachment-only.eml", "Wed 25 Nov 17:00"),
    ],
)
async def test_an_email_pasted_from_the_terminal_is_read(
    db_path: Path, clock: FixedClock, name: str, said: str
):
    add_applications(db_path, clock, ("Fabrikam", "Platform Engineer"), ("Contoso", "Backend"))
    mail = (INVITATIONS / name).read_bytes().decode("utf-8")
    assert "\r\n" in mail  # saved as an e-mail is: CRLF, so it arrives as CR CR
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot)
        await pilot.press("tab")
        paste = screen.query_one("#invitation-paste", TextArea)
        assert app.focused is paste
        app.post_message(events.Paste(as_terminal_pastes(mail)))
        await settle(pilot)
        assert paste.text == mail.replace("\r\n", "\n")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "no invitation" not in shown(screen, "status")
        assert said in shown(screen, "preview"), shown(screen, "preview")


async def test_a_link_pasted_after_a_name_in_company_leaves_the_name(
    empty_app: PursuitApp, httpserver: HTTPServer
):
    url = _serve(httpserver, "/job.html", NORTHWIND)
    async with empty_app.run_test(size=SIZE) as pilot:
        form = await _open_form(pilot)
        company = form.query_one("#f-company", Input)
        assert empty_app.focused is company
        await pilot.press(*"Acme")
        empty_app.post_message(events.Paste(url))
        await settle(pilot)
        assert form.query_one("#f-posting", TextArea).text == url
        assert company.value == "Acme"
        # The page filled in what the user had not typed: Company stays theirs.
        assert _field(empty_app, "role") == "Data Engineer"
        assert "fetches only" not in _status(empty_app)
        await pilot.press("tab")
        await settle(pilot)
        assert company.value == "Acme"
        assert form.query_one("#f-posting", TextArea).text == url
