"""A posting's text keeps its shape: lines, numbered and nested lists, links; a description
too long for the application is cut, and said to be."""

from __future__ import annotations

import json

import pytest

from pursuit.postings.boards import BoardJob, greenhouse_posting, lever_posting
from pursuit.postings.capture import capture
from pursuit.postings.page import read_page
from pursuit.postings.posting import CUT_MARK, LONGEST_DESCRIPTION, CaptureFailed, Posting
from pursuit.postings.text import html_text, one_line, plain_text


def json_ld_page(description: str) -> str:
    job = {"@type": "JobPosting", "title": "Analyst", "description": description}
    return f'<script type="application/ld+json">{json.dumps(job)}</script>'


def test_a_plain_text_description_in_json_ld_keeps_its_lines() -> None:
    posting = read_page(json_ld_page("Plain text description.\nSecond line.\n\n\nThird  one."))
    assert posting.description == "Plain text description.\nSecond line.\n\nThird one."
    # Its entities still read as the characters they stand for; a comment is no text.
    assert html_text("Fish &amp; chips\n<!-- x -->Pay &lt; 5") == "Fish & chips\nPay < 5"


def test_a_numbered_list_is_numbered_and_a_bulleted_one_dashed() -> None:
    markup = (
        "<ol><li>First</li><li>Second</li></ol><ul><li>Any</li></ul><ol start=4><li>D</li></ol>"
    )
    assert html_text(markup) == "1. First\n2. Second\n\n- Any\n\n4. D"


def test_nested_lists_are_indented_two_spaces_a_level() -> None:
    markup = (
        "<ol><li>Build<ul><li>pipelines<ol><li>batch</li><li>streams</li></ol></li>"
        "<li>models</li></ul></li><li>Run</li></ol>"
    )
    assert html_text(markup) == (
        "1. Build\n  - pipelines\n    1. batch\n    2. streams\n  - models\n2. Run"
    )
    # Pasted text, and text read twice (OpenGraph's), keep the indent of their items.
    assert plain_text("- Build\n    - pipelines\n\t- models\n   Not an item") == (
        "- Build\n    - pipelines\n  - models\nNot an item"
    )


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ('<a href="https://x.com">our site</a>', "See our site (https://x.com)."),
        ('<a href="https://x.com/">x.com</a>', "See x.com."),
        ('<a href="https://www.x.com/jobs">https://x.com/jobs</a>', "See https://x.com/jobs."),
        ('<a href="mailto:jobs@x.com?subject=Hi">write to us</a>', "See write to us (jobs@x.com)."),
        ('<a href="mailto:jobs@x.com">jobs@x.com</a>', "See jobs@x.com."),
        ('<a href="javascript:alert(1)">this</a>', "See this."),
        ('<a href="/careers">this</a>', "See this."),
        ('<a href="ftp://x.com/f">this</a>', "See this."),
    ],
)
def test_a_link_keeps_its_address_unless_its_text_says_it(link: str, expected: str) -> None:
    assert html_text(f"<p>See {link}.</p>") == expected


def test_a_name_is_one_line_without_the_address_of_its_link() -> None:
    assert one_line('<a href="https://acme.example">Acme</a>') == "Acme"


def test_the_job_boards_descriptions_keep_numbers_and_links() -> None:
    greenhouse = greenhouse_posting(
        {
            "title": "Analyst",
            "content": "&lt;ol&gt;&lt;li&gt;Read &lt;a href=&quot;https://x.com/d&quot;&gt;"
            "the docs&lt;/a&gt;&lt;/li&gt;&lt;/ol&gt;",
        },
        "https://boards.greenhouse.io/x/jobs/1",
    )
    assert greenhouse.description == "1. Read the docs (https://x.com/d)"
    lever = lever_posting(
        {"text": "Analyst", "description": "Line one.\nLine two."},
        BoardJob("lever", "acme", "1"),
        "https://jobs.lever.co/acme/1",
    )
    assert lever.description == "Line one.\nLine two."


def test_a_description_longer_than_the_application_holds_is_cut_and_said_to_be() -> None:
    paragraph = "word " * 99 + "end."
    long = "\n\n".join([paragraph] * 500)  # 250,000 characters and more
    posting = read_page(json_ld_page(long))
    assert posting.description_cut
    assert len(posting.description) <= LONGEST_DESCRIPTION
    assert posting.description.endswith("end." + CUT_MARK)
    kept = len(posting.description) - len(CUT_MARK)
    assert posting.cut_sentence() == (
        f"The job description was longer than 100,000 characters: only its first {kept:,} are kept."
    )
    # Pasted text is held to the same limit.
    assert capture("-", text=long).description_cut
    short = read_page(json_ld_page(paragraph))
    assert not short.description_cut and short.cut_sentence() == ""
    # Made again from one already cut (dataclasses.replace), it is still said to be cut.
    assert Posting(description=posting.description, description_cut=True).description_cut


def test_an_empty_source_is_not_read_as_the_folder_here() -> None:
    with pytest.raises(CaptureFailed, match="no posting was given"):
        capture("")
