"""Fetching a posting from a real local server: redirects, the job APIs, every bad answer."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from pursuit.postings.capture import Boards, capture
from pursuit.postings.fetching import MAX_BYTES, USER_AGENT
from pursuit.postings.posting import CaptureCancelled, CaptureFailed

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "postings"
HTML = "text/html; charset=utf-8"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def closed_port() -> int:
    """A port nothing listens on (bound, then closed at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


LEVER_JOB = "contoso-health/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b"


def serve_the_board_jobs(httpserver: HTTPServer, greenhouse: str, lever: str) -> None:
    """Greenhouse's Fabrikam job under the path GREENHOUSE, Lever's Contoso one under LEVER."""
    httpserver.expect_request(
        f"{greenhouse}/v1/boards/fabrikam/jobs/4012345",
        query_string="content=true&pay_transparency=true",
    ).respond_with_data(page("greenhouse.json"), content_type="application/json")
    httpserver.expect_request(f"{lever}/v0/postings/{LEVER_JOB}").respond_with_data(
        page("lever.json"), content_type="application/json"
    )


def test_a_page_is_read_after_its_redirects_and_kept_at_its_canonical_address(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new?utm_source=mail&id=9#x"}
    )
    httpserver.expect_request("/new").respond_with_data(page("title-only.html"), content_type=HTML)
    posting = capture(httpserver.url_for("/old?gclid=abc"))
    assert (posting.company, posting.role) == ("Adventure Works", "Field Technician")
    # No canonical link: the address after redirects, without its tracking.
    assert posting.url == httpserver.url_for("/new?id=9")


def test_the_request_names_pursuit_and_its_version(httpserver: HTTPServer) -> None:
    seen: list[str] = []

    def answer(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return Response(page("title-only.html"), content_type=HTML)

    httpserver.expect_request("/job").respond_with_handler(answer)
    capture(httpserver.url_for("/job"))
    assert seen == [USER_AGENT] and USER_AGENT.startswith("pursuit/0.1.0 (+")


def test_greenhouse_lever_and_ashby_are_asked_through_their_apis(httpserver: HTTPServer) -> None:
    base = httpserver.url_for("")
    boards = Boards(greenhouse=base + "/gh", lever=base + "/lever", ashby=base + "/ashby")
    serve_the_board_jobs(httpserver, "/gh", "/lever")
    httpserver.expect_request(
        "/ashby/posting-api/job-board/tailspin-toys", query_string="includeCompensation=true"
    ).respond_with_data(page("ashby.json"), content_type="application/json")

    gh = capture("https://boards.greenhouse.io/fabrikam/jobs/4012345?gh_src=x", boards=boards)
    assert (gh.company, gh.role, gh.found_by) == (
        "Fabrikam, Inc.",
        "Platform Engineer",
        "greenhouse",
    )
    lever = capture(
        "https://jobs.lever.co/contoso-health/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b?lever-source=x",
        boards=boards,
    )
    assert (lever.company, lever.role, lever.found_by) == (
        "Contoso Health",
        "Support Engineer (Nights)",
        "lever",
    )
    ashby = capture(
        "https://jobs.ashbyhq.com/tailspin-toys/a1b2c3d4-aaaa-4bbb-8ccc-0123456789ab",
        boards=boards,
    )
    assert (ashby.company, ashby.role, ashby.salary_max) == (
        "Tailspin Toys",
        "Product Designer",
        80000,
    )


def test_a_company_page_with_gh_jid_is_asked_of_the_board_its_script_names(
    httpserver: HTTPServer,
) -> None:
    boards = Boards(greenhouse=httpserver.url_for("/gh"))
    httpserver.expect_request("/careers").respond_with_data(
        '<html><head><title>Careers</title><link rel="canonical" href="/careers?gh_jid=4012345">'
        '<script src="https://boards.greenhouse.io/embed/job_board/js?for=fabrikam"></script>'
        "</head><body><div id=grnhse_app></div></body></html>",
        content_type=HTML,
    )
    httpserver.expect_request("/gh/v1/boards/fabrikam/jobs/4012345").respond_with_data(
        page("greenhouse.json"), content_type="application/json"
    )
    posting = capture(httpserver.url_for("/careers?gh_jid=4012345&utm_medium=x"), boards=boards)
    assert (posting.role, posting.found_by) == ("Platform Engineer", "greenhouse")
    assert posting.url == httpserver.url_for("/careers?gh_jid=4012345")


def test_proxy_settings_from_the_environment_are_honoured(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def as_proxy(request: Request) -> Response:
        asked.append(request.url)
        return Response(page("title-only.html"), content_type=HTML)

    httpserver.expect_request("/posting").respond_with_handler(as_proxy)
    monkeypatch.setenv("HTTP_PROXY", httpserver.url_for("/"))
    # A host that exists nowhere: only the proxy can answer for it.
    posting = capture("http://jobs.example.invalid/posting?ref=x")
    assert asked == ["http://jobs.example.invalid/posting?ref=x"]
    assert posting.role == "Field Technician"
    assert posting.url == "http://jobs.example.invalid/posting"


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (404, "is missing (HTTP 404"),
        (410, "is missing (HTTP 410"),
        (500, "failed on the site's side (HTTP 500"),
        (503, "failed on the site's side (HTTP 503"),
        (403, "refused to show the page (HTTP 403"),
    ],
)
def test_a_page_that_is_not_there_says_so(httpserver: HTTPServer, status: int, words: str) -> None:
    httpserver.expect_request("/job").respond_with_data(
        "<p>no</p>", status=status, content_type=HTML
    )
    with pytest.raises(CaptureFailed, match=words.replace("(", r"\(")):
        capture(httpserver.url_for("/job"))


def test_what_is_not_a_page_is_refused_by_its_type_and_by_its_content(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/cv.pdf").respond_with_data(
        b"%PDF-1.7\n...", content_type="application/pdf"
    )
    httpserver.expect_request("/logo").respond_with_data(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", content_type="text/html"
    )
    httpserver.expect_request("/notes.txt").respond_with_data(
        b"just some notes", content_type="text/plain"
    )
    with pytest.raises(CaptureFailed, match="is not a web page: the site sends a PDF document"):
        capture(httpserver.url_for("/cv.pdf"))
    with pytest.raises(
        CaptureFailed, match="it holds a PNG image, though the site calls it text/html"
    ):
        capture(httpserver.url_for("/logo"))
    with pytest.raises(CaptureFailed, match="does not read as HTML"):
        capture(httpserver.url_for("/notes.txt"))


def test_a_page_over_5_mb_is_refused_while_it_streams(httpserver: HTTPServer) -> None:
    sent = [0]
    chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"

    def endless() -> Iterator[bytes]:
        yield b"<!doctype html><html><body>"
        for _ in range(1600):  # 100 MB, far more than is ever read
            sent[0] += len(chunk)
            yield chunk

    httpserver.expect_request("/huge").respond_with_handler(
        lambda request: Response(endless(), content_type=HTML, direct_passthrough=True)
    )
    with pytest.raises(CaptureFailed, match="is larger than 5 MB"):
        capture(httpserver.url_for("/huge"))
    # The reading stopped soon after 5 MB; what was sent beyond sat in the sockets' buffers.
    assert MAX_BYTES < sent[0] < 4 * MAX_BYTES


def test_a_page_declared_over_5_mb_is_not_read_at_all(httpserver: HTTPServer) -> None:
    def body() -> Iterator[bytes]:
        yield b"<p>small</p>"

    httpserver.expect_request("/big").respond_with_handler(
        lambda request: Response(
            body(),
            content_type=HTML,
            headers={"Content-Length": str(MAX_BYTES + 1)},
            direct_passthrough=True,
        )
    )
    with pytest.raises(CaptureFailed, match="is larger than 5 MB"):
        capture(httpserver.url_for("/big"))


@pytest.fixture
def stalled(httpserver: HTTPServer) -> Iterator[str]:
    """The address of a page that never answers (until the test is over)."""
    release = threading.Event()

    def never(request: Request) -> Response:
        release.wait(30)
        return Response("<p>late</p>", content_type=HTML)

    httpserver.expect_request("/slow").respond_with_handler(never)
    yield httpserver.url_for("/slow")
    release.set()


def test_a_page_that_does_not_answer_in_time_is_given_up(stalled: str) -> None:
    started = time.monotonic()
    with pytest.raises(CaptureFailed, match=r"no answer from localhost within 0.3 seconds"):
        capture(stalled, timeout=0.3)
    assert time.monotonic() - started < 2


def test_a_trickling_page_is_given_up_at_the_deadline_for_the_whole_fetch(
    httpserver: HTTPServer,
) -> None:
    release = threading.Event()

    def trickle() -> Iterator[bytes]:
        yield b"<!doctype html><p>"
        while not release.wait(0.1):
            yield b"x"

    httpserver.expect_request("/trickle").respond_with_handler(
        lambda request: Response(trickle(), content_type=HTML, direct_passthrough=True)
    )
    started = time.monotonic()
    try:
        # It answered, and is not said to be silent: it sent the page too slowly.
        with pytest.raises(
            CaptureFailed, match=r"^localhost was still sending the page after 0\.5 seconds; "
        ):
            capture(httpserver.url_for("/trickle"), timeout=0.5)
    finally:
        release.set()
    assert time.monotonic() - started < 2


def test_a_cancel_stops_the_fetch_in_the_middle_of_waiting(stalled: str) -> None:
    started = time.monotonic()
    asked = threading.Timer(0.2, lambda: None)
    asked.start()
    messages: list[str] = []
    with pytest.raises(CaptureCancelled):
        capture(stalled, cancelled=lambda: not asked.is_alive(), progress=messages.append)
    assert time.monotonic() - started < 2
    assert messages and messages[0].startswith("Asking localhost")


def test_a_refused_connection_and_other_schemes_are_named() -> None:
    with pytest.raises(CaptureFailed, match=r"127\.0\.0\.1 refused the connection"):
        capture(f"http://127.0.0.1:{closed_port()}/job")
    with pytest.raises(CaptureFailed, match="only http and https addresses, not ftp"):
        capture("ftp://files.example/job.html")
    with pytest.raises(CaptureFailed, match="does not read file: addresses"):
        capture("file:///etc/passwd")


def test_an_address_copied_without_https_is_fetched_not_read_as_a_file(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = httpserver.url_for("")
    boards = Boards(greenhouse=base + "/gh", lever=base + "/lever", ashby=base + "/ashby")
    httpserver.expect_request(
        "/gh/v1/boards/fabrikam/jobs/4012345",
        query_string="content=true&pay_transparency=true",
    ).respond_with_data(page("greenhouse.json"), content_type="application/json")
    monkeypatch.chdir(tmp_path)
    given = "boards.greenhouse.io/fabrikam/jobs/4012345"
    # As a source, as pasted alone, and as typed with the space a paste brings.
    for posting in (
        capture(given, boards=boards),
        capture("-", text=f"  {given}\n", boards=boards),
    ):
        assert (posting.company, posting.role, posting.found_by) == (
            "Fabrikam, Inc.",
            "Platform Engineer",
            "greenhouse",
        )
    # A file of that name, or a plain word, is still what it was.
    (tmp_path / "boards.greenhouse.io").mkdir()
    with pytest.raises(CaptureFailed, match=r"no file named boards\.greenhouse\.io/fabrikam"):
        capture(given, boards=boards)
    with pytest.raises(CaptureFailed, match=r"no file named notes\.md"):
        capture("notes.md", boards=boards)
    assert capture("-", text="Engineer", boards=boards).description == "Engineer"


def test_greenhouse_and_lever_boards_in_the_eu_are_asked_of_the_eu_apis(
    httpserver: HTTPServer,
) -> None:
    base = httpserver.url_for("")
    boards = Boards(
        greenhouse=base + "/us-gh", lever=base + "/us-lever",
        greenhouse_eu=base + "/eu-gh", lever_eu=base + "/eu-lever",
    )  # fmt: skip
    serve_the_board_jobs(httpserver, "/eu-gh", "/eu-lever")
    gh = capture("https://job-boards.eu.greenhouse.io/fabrikam/jobs/4012345", boards=boards)
    assert (gh.role, gh.found_by) == ("Platform Engineer", "greenhouse")
    lever = capture(
        "https://jobs.eu.lever.co/contoso-health/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
        boards=boards,
    )
    assert (lever.role, lever.found_by) == ("Support Engineer (Nights)", "lever")
