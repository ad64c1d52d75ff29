"""Reading a posting: the page's text, its title, its address, its JSON-LD, the job APIs."""

from __future__ import annotations

import json
import re
import socket
from datetime import date
from pathlib import Path

import pytest

from pursuit.postings.addresses import kept_address
from pursuit.postings.boards import (
    BoardJob,
    Boards,
    ashby_posting,
    board_job,
    greenhouse_board_in,
    greenhouse_posting,
    lever_posting,
)
from pursuit.postings.capture import capture
from pursuit.postings.fetching import _connect_problem
from pursuit.postings.page import read_page, role_and_company
from pursuit.postings.posting import CaptureFailed, Posting
from pursuit.postings.text import html_text, plain_text

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "postings"


def fixture_json(name: str) -> object:
    return json.loads((PAGES / name).read_text())


def test_a_description_reads_as_paragraphs_list_items_and_headings() -> None:
    markup = (
        "<h2>About  us</h2><p>We are <b>Acme</b> &amp; co.<br>Second line</p>"
        "<ul><li>One</li><li><p>Two</p><ul><li>Nested <i>item</i></li></ul></li></ul>"
        "<div><div><p>Deep</p></div></div><p>a<span>b</span> c</p>"
    )
    assert html_text(markup) == (
        "About us\n\nWe are Acme & co.\nSecond line\n\n- One\n- Two\n  - Nested item\n\n"
        "Deep\n\nab c"
    )


def test_nothing_that_runs_or_hides_reaches_the_description() -> None:
    markup = (
        "<p>Kept</p><script>alert('x')</script><style>p{}</style><template><p>t</p></template>"
        "<noscript>ns</noscript><p hidden>h</p><!-- comment --><form><input value=v>f</form>"
    )
    assert html_text(markup) == "Kept"


def test_control_characters_and_terminal_sequences_are_taken_out() -> None:
    markup = (
        "<p>Red \x1b[31malert\x1b[0m, title \x1b]0;owned\x07set, bell\x07 \x9b2J c1 "
        "\u202eflip\x00</p>"
    )
    assert html_text(markup) == "Red alert, title set, bell c1 flip"


def test_an_entity_encoded_description_is_read_as_the_html_it_encodes() -> None:
    assert html_text(
        "&lt;p&gt;Fish &amp;amp; chips&lt;/p&gt;&lt;ul&gt;&lt;li&gt;A&lt;/li&gt;&lt;/ul&gt;"
    ) == ("Fish & chips\n\n- A")
    # Text with an entity that is not markup stays text: "<" is a less-than sign there.
    assert html_text("Pay &lt; 5 &amp; more") == "Pay < 5 & more"


def test_a_page_nested_deeper_than_pythons_stack_is_still_read() -> None:
    assert html_text("<div>" * 5000 + "deep" + "</div>" * 5000) == "deep"


def test_pasted_text_keeps_its_paragraphs() -> None:
    assert plain_text("  One   two\r\n\r\n\r\n\tthree\x1b[1m!\n\n") == "One two\n\nthree!"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Data Engineer at Northwind Analytics", "", ("Northwind Analytics", "Data Engineer")),
        ("Northwind - Data Engineer", "", ("Northwind", "Data Engineer")),
        ("Data Engineer | Northwind", "", ("Northwind", "Data Engineer")),
        ("Northwind is hiring a Senior Data Engineer", "", ("Northwind", "Senior Data Engineer")),
        ("Northwind is hiring for Analyst", "", ("Northwind", "Analyst")),
        ("Job Application for Data Engineer at Northwind", "", ("Northwind", "Data Engineer")),
        ("Data Engineer - Northwind", "Northwind", ("Northwind", "Data Engineer")),
        ("Data Engineer at Northwind | LinkedIn", "", ("Northwind", "Data Engineer")),
        ("Careers | Northwind", "", ("Northwind", "")),
        ("Field Technician", "Adventure Works", ("Adventure Works", "Field Technician")),
        # A job board's name at the end is the board, never the company.
        (
            "Acme hiring Data Engineer in Berlin, Germany | LinkedIn",
            "LinkedIn",
            ("Acme", "Data Engineer"),
        ),
        ("Data Engineer | Acme | LinkedIn", "", ("Acme", "Data Engineer")),
        ("Data Engineer - Acme - Berlin | Indeed.com", "", ("Acme", "Data Engineer")),
        ("Senior Analyst at Fabrikam - Glassdoor", "", ("Fabrikam", "Senior Analyst")),
        # A careers site's name is the company's.
        ("Acme Careers - Data Engineer - Berlin", "", ("Acme", "Data Engineer")),
        ("Data Engineer | Acme Jobs", "", ("Acme", "Data Engineer")),
    ],
)
def test_a_title_names_the_role_and_the_company(
    title: str, site: str, expected: tuple[str, str]
) -> None:
    assert role_and_company(title, site) == expected


def test_an_address_is_kept_without_its_fragment_or_tracking_and_the_rest_in_order() -> None:
    given = (
        "HTTPS://Jobs.Example.COM/a/B?utm_source=x&id=3&gh_src=abc&q&UTM_Medium=m"
        "&lever-source%5B%5D=li&gclid=1&fbclid=2&ref=hn&source=feed&gh_jid=77&b=2#apply"
    )
    assert kept_address(given) == "https://jobs.example.com/a/B?id=3&q&gh_jid=77&b=2"
    assert kept_address("/jobs/1?ref=x", "https://a.example/x/y") == "https://a.example/jobs/1"
    assert kept_address("https://user:secret@a.example/") == "https://a.example/"
    assert kept_address("ftp://a.example/x") == "" == kept_address("javascript:alert(1)")


def test_the_canonical_link_wins_then_og_url_then_the_address_after_redirects() -> None:
    both = (
        '<link rel="Canonical" href="/jobs/7?utm_campaign=x#top">'
        '<meta property="og:url" content="https://other.example/og">'
    )
    assert read_page(both, address="https://a.example/p?x=1").url == "https://a.example/jobs/7"
    og = '<meta property="og:url" content="https://other.example/og?fbclid=1">'
    assert read_page(og, address="https://a.example/p").url == "https://other.example/og"
    assert read_page("<p>x</p>", address="https://a.example/p?ref=z#f").url == (
        "https://a.example/p"
    )


def test_json_ld_inside_a_graph_fills_every_field() -> None:
    posting = capture(str(PAGES / "json-ld-graph.html"))
    assert posting == Posting(
        company="Northwind Analytics",
        role="Senior Data Engineer",
        location="Berlin, Germany",
        salary_min=70000,
        salary_max=85000,
        salary_currency="EUR",
        description=(
            "Northwind turns shipping data into forecasts.\n\nWhat you will do\n\n"
            "- Build the pipelines\n- Own the warehouse & its models\n\nApply by December."
        ),
        posted_on=date(2026, 11, 2),
        closes_on=date(2026, 12, 31),
        url="https://careers.northwind.example/jobs/4471-senior-data-engineer?team=data",
        found_by="json-ld",
    )


def test_json_ld_with_a_type_list_a_plain_name_and_an_encoded_description() -> None:
    posting = capture(str(PAGES / "json-ld-type-list.html"))
    assert (posting.company, posting.role, posting.found_by) == (
        "Lumen Labs",
        "Remote Data Analyst",
        "json-ld",
    )
    assert posting.location == "Remote (Portugal)"
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (
        52000,
        52000,
        "EUR",
    )
    assert (
        posting.description
        == "Lumen Labs measures light pollution.\n\n- SQL & Python\n- Dashboards"
    )
    assert posting.posted_on == date(2026, 11, 9) and posting.closes_on is None
    assert posting.url == "https://www.example.com/careers/remote-analyst?lang=en"


def test_broken_json_ld_falls_back_to_opengraph() -> None:
    posting = capture(str(PAGES / "broken-json-ld.html"))
    assert posting == Posting(
        company="Wide World Importers",
        role="Logistics Coordinator",
        description=(
            "Keep our containers moving between Rotterdam and Antwerp. Night shifts & weekends."
        ),
        found_by="opengraph",
    )


def test_a_page_with_only_a_title_gives_the_role_the_company_and_its_main_text() -> None:
    posting = capture(str(PAGES / "title-only.html"))
    assert (posting.company, posting.role, posting.found_by) == (
        "Adventure Works",
        "Field Technician",
        "title",
    )
    assert posting.description == (
        "Field Technician\n\nFix bikes on the road.\n\n- Own tools\n- Driving licence"
    )


def test_a_hostile_page_leaves_no_script_style_or_control_character() -> None:
    posting = capture(str(PAGES / "hostile.html"))
    assert (posting.company, posting.role) == ("Trey Research", "Lab Assistant")
    assert posting.description == "Run the assays. Red alert\n\nTitle bar: done. Bell C1 evil"
    for text in (posting.company, posting.role, posting.description):
        assert "LEAK" not in text
        assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_a_salary_by_the_hour_is_not_taken_for_a_yearly_one() -> None:
    page = (
        '<script type="application/ld+json">{"@type": "JobPosting", "title": "Barista",'
        ' "baseSalary": {"currency": "USD", "value": {"minValue": 18, "maxValue": 22,'
        ' "unitText": "HOUR"}}}</script>'
    )
    posting = read_page(page)
    assert (
        posting.role == "Barista" and posting.salary_min is None and posting.salary_currency == ""
    )


def test_the_job_boards_addresses_are_recognised() -> None:
    assert board_job("https://boards.greenhouse.io/fabrikam/jobs/4012345?gh_src=x") == BoardJob(
        "greenhouse", "fabrikam", "4012345"
    )
    assert board_job("https://job-boards.greenhouse.io/fabrikam/jobs/4012345") == BoardJob(
        "greenhouse", "fabrikam", "4012345"
    )
    assert board_job(
        "https://boards.greenhouse.io/embed/job_app?for=fabrikam&token=4012345"
    ) == BoardJob("greenhouse", "fabrikam", "4012345")
    assert board_job("https://fabrikam.example/careers?gh_jid=4012345") == BoardJob(
        "greenhouse", None, "4012345"
    )
    assert board_job("https://jobs.lever.co/contoso-health/6f1c/apply") == BoardJob(
        "lever", "contoso-health", "6f1c"
    )
    assert board_job("https://jobs.ashbyhq.com/tailspin-toys/a1b2") == BoardJob(
        "ashby", "tailspin-toys", "a1b2"
    )
    assert board_job("https://example.com/jobs/1") is None
    assert (
        greenhouse_board_in(
            ["/static/app.js", "https://boards.greenhouse.io/embed/job_board/js?for=fabrikam"]
        )
        == "fabrikam"
    )
    boards = Boards(greenhouse="http://127.0.0.1:9/gh/")
    assert BoardJob("greenhouse", "fabrikam", "1").api(boards) == (
        "http://127.0.0.1:9/gh/v1/boards/fabrikam/jobs/1?content=true&pay_transparency=true"
    )


def test_the_boards_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PURSUIT_LEVER_API", "http://127.0.0.1:9/lever")
    monkeypatch.delenv("PURSUIT_GREENHOUSE_API", raising=False)
    monkeypatch.delenv("PURSUIT_ASHBY_API", raising=False)
    assert Boards.from_environment() == Boards(lever="http://127.0.0.1:9/lever")


def test_greenhouse_s_answer_with_its_encoded_content_and_pay() -> None:
    given = "https://boards.greenhouse.io/fabrikam/jobs/4012345"
    posting = greenhouse_posting(fixture_json("greenhouse.json"), given)
    assert posting == Posting(
        company="Fabrikam, Inc.",
        role="Platform Engineer",
        location="Toronto, Ontario, Canada",
        salary_min=120000,
        salary_max=150000,
        salary_currency="CAD",
        description=(
            "Fabrikam builds payment rails for small shops.\n\nWhat you will do\n\n"
            "- Run the Kubernetes fleet\n- Cut deploy times in half\n\nSalary & equity."
        ),
        posted_on=date(2026, 11, 3),
        url="https://job-boards.greenhouse.io/fabrikam/jobs/4012345",
        found_by="greenhouse",
    )


def test_lever_s_answer_with_its_lists_and_salary() -> None:
    job = BoardJob("lever", "contoso-health", "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b")
    posting = lever_posting(fixture_json("lever.json"), job, "")
    assert (posting.company, posting.role, posting.location) == (
        "Contoso Health",
        "Support Engineer (Nights)",
        "Lisbon",
    )
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (
        38000,
        46000,
        "EUR",
    )
    assert posting.description == (
        "Contoso Health answers patients at any hour.\n\nYou will be the voice they hear.\n\n"
        "Requirements\n\n- Three years in support\n- Fluent Portuguese & English\n\n"
        "Nice to have\n\n- Zendesk\n\nWe sponsor visas."
    )
    assert posting.posted_on == date(2026, 11, 8)
    assert (
        posting.url == "https://jobs.lever.co/contoso-health/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b"
    )


def test_ashby_s_board_is_searched_for_the_job_by_its_id() -> None:
    job = BoardJob("ashby", "tailspin-toys", "A1B2C3D4-aaaa-4bbb-8ccc-0123456789ab")
    posting = ashby_posting(fixture_json("ashby.json"), job, "")
    assert (posting.company, posting.role, posting.location) == (
        "Tailspin Toys",
        "Product Designer",
        "Remote (Amsterdam)",
    )
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (
        65000,
        80000,
        "EUR",
    )
    assert posting.description.startswith("Tailspin Toys makes games for kids.")
    assert posting.posted_on == date(2026, 11, 12)
    missing = BoardJob("ashby", "tailspin-toys", "no-such-job")
    with pytest.raises(CaptureFailed, match="has no job no-such-job"):
        ashby_posting(fixture_json("ashby.json"), missing, "")


def test_a_failed_connection_is_named_for_what_it_is() -> None:
    def wrapped(cause: BaseException) -> Exception:
        outer = Exception("connect failed")
        outer.__cause__ = cause
        return outer

    assert _connect_problem(
        wrapped(socket.gaierror(-2, "Name or service not known")), "x.test"
    ) == ("x.test could not be found (no such host, or no network)")
    assert "refused the connection" in _connect_problem(wrapped(ConnectionRefusedError()), "h")
    assert "certificate" in _connect_problem(wrapped(Exception("CERTIFICATE_VERIFY_FAILED")), "h")


def test_pasted_text_is_a_page_an_address_or_the_postings_text() -> None:
    page = (PAGES / "title-only.html").read_text()
    assert capture("-", text=page).role == "Field Technician"
    assert capture("-", text="Plain posting\n\nwith  words").description == (
        "Plain posting\n\nwith words"
    )
    with pytest.raises(CaptureFailed, match="only http and https addresses, not ftp"):
        capture("-", text=" ftp://files.example/job.html\n")
    with pytest.raises(CaptureFailed, match="nothing was given"):
        capture("-", text=" \n")


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("LinkedIn Login, Sign in | LinkedIn", "a sign-in page ('LinkedIn Login, Sign in"),
        ("Just a moment...", "a check or a refusal ('Just a moment...')"),
        ("Access Denied", "a check or a refusal ('Access Denied')"),
        ("Attention Required! | Cloudflare", "a check or a refusal"),
        ("Page not found | Acme Careers", "says 'Page not found | Acme Careers'"),
        ("404 - Acme", "the posting is not there any more"),
    ],
)
def test_a_sign_in_wall_or_a_page_not_found_is_refused(title: str, words: str) -> None:
    page = f"<html><head><title>{title}</title></head><body>Welcome</body></html>"
    with pytest.raises(CaptureFailed, match=re.escape(words)):
        read_page(page)
    # A posting with its data is read, whatever its title says.
    data = '{"@type": "JobPosting", "title": "Engineer", "hiringOrganization": "Acme"}'
    posting = read_page(
        page.replace("</head>", f'<script type="application/ld+json">{data}</script></head>')
    )
    assert (posting.company, posting.role) == ("Acme", "Engineer")
