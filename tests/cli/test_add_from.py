"""`pursuit add --from`: a posting captured by the real command line, from a local server."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.support.processes import CHILD_TIMEOUT, Children, pursuit_argv, run_pursuit

pytestmark = pytest.mark.slow

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "postings"
HTML = "text/html; charset=utf-8"
#: The machine's own proxy settings never reach the children: only a test's own do.
CLEAN = {
    name: value
    for name, value in os.environ.items()
    if not name.lower().endswith("_proxy") and not name.startswith("PURSUIT_")
}


def pursuit(db: Path, *args: str, stdin: str | None = None, **env: str) -> tuple[int, str, str]:
    done = run_pursuit("--db", str(db), *args, input=stdin, env={**CLEAN, **env})
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr


def applications(db: Path) -> list[dict[str, object]]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM application ORDER BY id")]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "pursuit.db"


def test_a_posting_at_an_address_fills_in_the_application(db: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/p/4471").respond_with_data(
        "", status=302, headers={"Location": "/jobs/4471"}
    )
    httpserver.expect_request("/jobs/4471").respond_with_data(
        (PAGES / "json-ld-graph.html").read_bytes(), content_type=HTML
    )
    code, out, err = pursuit(db, "add", "--from", httpserver.url_for("/p/4471?utm_source=x"))
    assert (code, out) == (0, "1\n")
    assert "Added Senior Data Engineer at Northwind Analytics" in err
    [app] = applications(db)
    assert {k: app[k] for k in ("company", "role", "location", "salary_currency")} == {
        "company": "Northwind Analytics",
        "role": "Senior Data Engineer",
        "location": "Berlin, Germany",
        "salary_currency": "EUR",
    }
    assert (app["salary_min"], app["salary_max"]) == (70000, 85000)
    assert (app["posted_on"], app["closes_on"]) == ("2026-11-02", "2026-12-31")
    assert app["description"].startswith("Northwind turns shipping data into forecasts.\n\n")
    assert (
        app["url"] == "https://careers.northwind.example/jobs/4471-senior-data-engineer?team=data"
    )


def test_what_the_command_line_says_wins_over_the_page(db: Path) -> None:
    code, _, _ = pursuit(
        db,
        "add",
        "--from",
        str(PAGES / "json-ld-graph.html"),
        "Northwind",
        "Staff Engineer",
        "--location",
        "Hamburg",
        "--url",
        "https://jobs.example/given",
        "--source",
        "a friend",
        "--notes",
        "ask about on-call",
        "--stage",
        "saved",
    )
    assert code == 0
    [app] = applications(db)
    assert (app["company"], app["role"], app["location"], app["url"]) == (
        "Northwind",
        "Staff Engineer",
        "Hamburg",
        "https://jobs.example/given",
    )
    assert (app["source"], app["notes"], app["stage"]) == ("a friend", "ask about on-call", "saved")
    # What the command line did not say still comes from the page.
    assert app["salary_max"] == 85000 and app["description"].startswith("Northwind turns")


def test_the_same_posting_twice_adds_nothing_and_says_which_holds_it(
    db: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/job").respond_with_data(
        (PAGES / "title-only.html").read_bytes(), content_type=HTML
    )
    assert pursuit(db, "add", "--from", httpserver.url_for("/job?ref=mail"))[:2] == (0, "1\n")
    # The same posting, linked from elsewhere: other tracking, a fragment.
    again = httpserver.url_for("/job?utm_campaign=autumn#apply")
    code, out, err = pursuit(db, "add", "--from", again)
    assert (code, out) == (0, "1\n")
    assert "application 1 already; nothing added. --again adds it anyway" in err
    code, out, _ = pursuit(db, "add", "--from", again, "--json")
    assert (code, json.loads(out)) == (0, {"id": 1, "added": False})
    assert len(applications(db)) == 1
    code, out, _ = pursuit(db, "add", "--from", again, "--again", "--json")
    assert (code, json.loads(out)) == (
        0,
        {"id": 2, "added": True, "earlier": [1], "description_cut": False},
    )
    assert [a["url"] for a in applications(db)] == [httpserver.url_for("/job")] * 2


def test_every_add_names_the_earlier_applications_to_the_company(db: Path) -> None:
    code, out, err = pursuit(db, "add", "Adventure Works", "Driver", "--json")
    assert (code, json.loads(out), err) == (0, {"id": 1, "added": True, "earlier": []}, "")
    assert pursuit(db, "stage", "1", "rejected")[0] == 0
    code, out, err = pursuit(db, "add", "--from", str(PAGES / "title-only.html"))
    assert (code, out) == (0, "2\n")
    assert "You applied to Adventure Works before: Driver, rejected on" in err
    code, out, err = pursuit(db, "add", "adventure works, inc.", "Mechanic")
    assert (code, out) == (0, "3\n")
    assert "You applied to Adventure Works before: Field Technician, applied on" in err
    assert "Driver, rejected" in err


def test_a_description_too_long_to_keep_is_cut_and_said_to_be(
    db: Path, httpserver: HTTPServer
) -> None:
    paragraph = "Work with the data team on the warehouse and its models. " * 20
    job = {
        "@type": "JobPosting",
        "title": "Data Engineer",
        "hiringOrganization": "Northwind",
        "description": "\n\n".join([paragraph] * 220),  # about 250 KB
    }
    page = f'<script type="application/ld+json">{json.dumps(job)}</script>'
    httpserver.expect_request("/long").respond_with_data(page, content_type=HTML)
    code, out, err = pursuit(db, "add", "--from", httpserver.url_for("/long"))
    assert (code, out) == (0, "1\n")
    [app] = applications(db)
    kept = len(app["description"]) - len("\n…")
    assert kept <= 100_000 and app["description"].endswith("\n…")
    assert err.splitlines() == [
        "Added Data Engineer at Northwind, from the page's job posting data.",
        f"The job description was longer than 100,000 characters: only its first {kept:,} are "
        "kept.",
    ]
    code, out, err = pursuit(db, "add", "--from", httpserver.url_for("/long"), "--again", "--json")
    assert (code, json.loads(out)["description_cut"], err) == (0, True, "")


@pytest.mark.parametrize("given", ["", "  "])
def test_from_with_nothing_after_it_says_what_it_needs(db: Path, given: str) -> None:
    code, out, err = pursuit(db, "add", "--from", given)
    assert (code, out) == (2, "")
    assert err == (
        "pursuit: error: --from needs a posting: its address, a saved page's path, "
        "or - to paste it\n"
    )
    assert applications(db) == []


def test_pasted_text_becomes_the_description_and_the_names_are_asked_for(db: Path) -> None:
    text = "We need a night nurse.\n\n\nThree shifts a week.\n"
    code, out, err = pursuit(db, "add", "--from", "-", stdin=text)
    assert code == 2 and out == ""
    assert "the posting does not name the company or the role; give them after the posting: " in err
    assert "pursuit add --from - COMPANY ROLE" in err
    assert applications(db) == []
    code, out, _ = pursuit(db, "add", "--from", "-", "St Mary's", "Night Nurse", stdin=text)
    assert (code, out) == (0, "1\n")
    [app] = applications(db)
    assert app["description"] == "We need a night nurse.\n\nThree shifts a week."


def test_a_pasted_page_and_a_pasted_address_are_read(db: Path, httpserver: HTTPServer) -> None:
    page = (PAGES / "broken-json-ld.html").read_text()
    assert pursuit(db, "add", "--from", "-", stdin=page)[:2] == (0, "1\n")
    httpserver.expect_request("/job").respond_with_data(
        (PAGES / "json-ld-type-list.html").read_bytes(), content_type=HTML
    )
    assert pursuit(db, "add", "--from", "-", stdin=f"  {httpserver.url_for('/job')}\n")[:2] == (
        0,
        "2\n",
    )
    roles = [(a["company"], a["role"]) for a in applications(db)]
    assert roles == [
        ("Wide World Importers", "Logistics Coordinator"),
        ("Lumen Labs", "Remote Data Analyst"),
    ]


def test_a_job_board_address_is_read_through_its_api(db: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        "/v0/postings/contoso-health/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b"
    ).respond_with_data((PAGES / "lever.json").read_bytes(), content_type="application/json")
    code, out, _ = pursuit(
        db,
        "add",
        "--from",
        "https://jobs.lever.co/contoso-health/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b?lever-source=x",
        "--json",
        PURSUIT_LEVER_API=httpserver.url_for(""),
    )
    assert (code, json.loads(out)["id"]) == (0, 1)
    [app] = applications(db)
    assert (app["company"], app["role"], app["salary_min"]) == (
        "Contoso Health",
        "Support Engineer (Nights)",
        38000,
    )
    assert app["url"] == "https://jobs.lever.co/contoso-health/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b"


def test_the_proxy_in_the_environment_is_used(db: Path, httpserver: HTTPServer) -> None:
    asked: list[str] = []

    def as_proxy(request: Request) -> Response:
        asked.append(request.url)
        return Response((PAGES / "title-only.html").read_bytes(), content_type=HTML)

    httpserver.expect_request("/opening").respond_with_handler(as_proxy)
    code, out, _ = pursuit(
        db,
        "add",
        "--from",
        "http://careers.example.invalid/opening",
        HTTP_PROXY=httpserver.url_for("/"),
    )
    assert (code, out, asked) == (0, "1\n", ["http://careers.example.invalid/opening"])


def test_a_hostile_page_reaches_neither_the_terminal_nor_the_file_with_its_controls(
    db: Path,
) -> None:
    code, out, err = pursuit(db, "add", "--from", str(PAGES / "hostile.html"))
    assert code == 0
    assert "\x1b" not in out + err and "\x07" not in out + err
    [app] = applications(db)
    assert app["role"] == "Lab Assistant" and app["company"] == "Trey Research"
    assert app["description"] == "Run the assays. Red alert\n\nTitle bar: done. Bell C1 evil"


def test_without_from_company_and_role_are_still_required(db: Path) -> None:
    code, _, err = pursuit(db, "add", "Acme")
    assert code == 2 and err.endswith(
        "pursuit add: error: the following arguments are required: role\n"
    )
    code, _, err = pursuit(db, "add")
    assert code == 2 and "the following arguments are required: company, role" in err


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def bad_pages(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    release = threading.Event()
    httpserver.expect_request("/gone").respond_with_data(
        "<p>gone</p>", status=404, content_type=HTML
    )
    httpserver.expect_request("/cv.pdf").respond_with_data(
        b"%PDF-1.7 ...", content_type="application/pdf"
    )
    httpserver.expect_request("/logo").respond_with_data(
        b"\x89PNG\r\n\x1a\n\x00\x00", content_type="text/html"
    )

    def endless() -> Iterator[bytes]:
        yield b"<!doctype html><p>"
        for _ in range(1600):
            yield b"x" * 65536

    httpserver.expect_request("/huge").respond_with_handler(
        lambda request: Response(endless(), content_type=HTML, direct_passthrough=True)
    )

    def never(request: Request) -> Response:
        release.wait(30)
        return Response("<p>late</p>", content_type=HTML)

    httpserver.expect_request("/slow").respond_with_handler(never)
    yield httpserver
    release.set()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("/gone", "is missing (HTTP 404"),
        ("/cv.pdf", "is not a web page: the site sends a PDF document"),
        ("/logo", "is not a web page: it holds a PNG image, though the site calls it text/html"),
        ("/huge", "is larger than 5 MB, too large to be a posting"),
        ("/slow", "no answer from localhost within 0.5 seconds"),
        ("refused", "127.0.0.1 refused the connection"),
        ("ftp://files.example/job.html", "pursuit fetches only http and https addresses, not ftp:"),
        ("file:///etc/hostname", "pursuit does not read file: addresses"),
        ("missing.html", "no file named"),
    ],
)
def test_a_posting_that_cannot_be_read_is_a_clear_error_and_adds_nothing(
    db: Path, bad_pages: HTTPServer, where: str, message: str
) -> None:
    if where == "refused":
        where = f"http://127.0.0.1:{closed_port()}/job"
    elif where.startswith("/"):
        where = bad_pages.url_for(where)
    code, out, err = pursuit(db, "add", "--from", where, PURSUIT_FETCH_TIMEOUT="0.5")
    assert (code, out) == (2, "")
    assert err.startswith("pursuit: error: ") and message in err
    assert applications(db) == []


def _waiting_for_the_lock(pid: int) -> bool:
    # SQLite's busy handler sleeps between tries; nothing else in `add --from FILE` sleeps.
    try:
        return "nanosleep" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux's /proc")
def test_two_shells_adding_one_posting_at_once_add_it_once(db: Path, children: Children) -> None:
    code, _, _ = pursuit(db, "add", "Someone", "Else")  # the file, made and up to date
    assert code == 0
    page = str(PAGES / "json-ld-graph.html")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # both find the file locked, once they have read the page
    try:
        adders = [
            children.start(
                pursuit_argv("--db", str(db), "add", "--from", page, "--json"),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=CLEAN,
            )
            for _ in range(2)
        ]
        deadline = time.monotonic() + CHILD_TIMEOUT
        while not all(_waiting_for_the_lock(a.pid) for a in adders):
            assert time.monotonic() < deadline, "the adders never reached the lock"
            assert all(a.poll() is None for a in adders), [a.communicate() for a in adders]
            time.sleep(0.01)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    said = [json.loads(a.communicate(timeout=CHILD_TIMEOUT)[0]) for a in adders]
    assert sorted(s["added"] for s in said) == [False, True]
    assert said[0]["id"] == said[1]["id"]
    assert [a["company"] for a in applications(db)] == ["Someone", "Northwind Analytics"]
