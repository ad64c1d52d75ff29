"""Fixtures for driving the app with Pilot: a demo database, a fixed clock, a settle helper."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from tests.tour import open_interview, settle

__all__ = ["SIZE", "open_interview", "settle"]

SIZE = (120, 40)


@pytest.fixture
def demo_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, demo=True, tick_seconds=3600)


@pytest.fixture
def empty_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, tick_seconds=3600)


POSTINGS = Path(__file__).parents[1] / "fixtures" / "postings"


class SlowPage(NamedTuple):
    """A page the server holds back: ARRIVED once asked for, sent once RELEASE is set."""

    url: str
    arrived: threading.Event
    release: threading.Event


@pytest.fixture
def slow_page(httpserver: HTTPServer) -> Iterator[SlowPage]:
    page = SlowPage(httpserver.url_for("/slow"), threading.Event(), threading.Event())
    page_text = (
        Path(__file__).parents[1] / "fixtures" / "postings" / "form-northwind.html"
    ).read_text()

    def slow(_request: Request) -> Response:
        page.arrived.set()
        page.release.wait(30)
        return Response(page_text, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    try:
        yield page
    finally:
        page.release.set()
