from __future__ import annotations

import pytest

from pursuit.domain.salary import BadSalary, format_salary, parse_salary
from pursuit.domain.stages import STAGES, UnknownStage, next_stage, normalise


def test_stage_order_and_next() -> None:
    assert STAGES[:6] == ("saved", "applied", "screening", "interviewing", "offer", "accepted")
    assert next_stage("applied") == "screening"
    assert next_stage("offer") == "accepted"
    assert next_stage("accepted") is None
    assert next_stage("rejected") is None


def test_normalise_forgives_case_and_prefixes() -> None:
    assert normalise(" Interviewing ") == "interviewing"
    assert normalise("rej") == "rejected"
    with pytest.raises(UnknownStage, match="known stages"):
        normalise("hired")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85k-100k", (85_000, 100_000)),
        ("$90,000", (90_000, 90_000)),
        ("85000 to 95000", (85_000, 95_000)),
        ("", (None, None)),
        ("1.5m", (1_500_000, 1_500_000)),
    ],
)
def test_salary_ranges(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_salary(text) == expected


@pytest.mark.parametrize("text", ["-5", "abc", "100k-90k", "999999999999"])
def test_bad_salaries_are_refused(text: str) -> None:
    with pytest.raises(BadSalary):
        parse_salary(text)


def test_salary_reads_back() -> None:
    assert format_salary(85_000, 100_000) == "85k–100k"
    assert format_salary(None, None) == ""
    assert format_salary(90_500, 90_500) == "90,500"
