"""Text pasted in a terminal: each LF arrives as a CR, so a CRLF file arrives as CR CR."""

from __future__ import annotations

import pytest

from pursuit.domain.pasted import pasted_text


@pytest.mark.parametrize(
    ("arrived", "read"),
    [
        ("one line", "one line"),
        ("a\nb\n\nc\n", "a\nb\n\nc\n"),  # LF: as it is
        ("a\rb\r\rc\r", "a\nb\n\nc\n"),  # an LF text pasted: each CR one line end
        ("a\r\rb\r\r\r\rc\r\r", "a\nb\n\nc\n"),  # a CRLF text pasted: each CR CR one
        ("a\r\nb\r\n\r\nc\r\n", "a\nb\n\nc\n"),  # CRLF as it is
        ("a\r\nb\rc\n", "a\nb\nc\n"),  # mixed: CRLF one line end, any other CR one
        ("", ""),
    ],
)
def test_every_line_ends_lf(arrived: str, read: str) -> None:
    assert pasted_text(arrived) == read


def test_a_crlf_file_pasted_reads_as_the_file() -> None:
    lf = "From: a@example.com\nSubject: Interview\n\nHello,\n\nsee you.\n"
    crlf = lf.replace("\n", "\r\n")
    assert pasted_text(crlf.replace("\n", "\r")) == lf
    assert pasted_text(lf.replace("\n", "\r")) == lf
