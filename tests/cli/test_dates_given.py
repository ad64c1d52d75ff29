"""Dates a user gives on the command line: refused plainly when they cannot be meant."""

from __future__ import annotations

import json

import pytest

# The clock is Wednesday 18 November 2026, 10:00.


def test_things_done_cannot_be_in_the_future(run) -> None:
    code, _, err = run("add", "Acme", "Dev", "--applied", "tomorrow")
    assert code == 2 and "still to come" in err and "is Thu 19 Nov," in err
    assert run("add", "Acme", "Dev", "--applied", "yesterday")[0] == 0
    code, _, err = run("log", "1", "heard", "--at", "tomorrow")
    assert code == 2 and "still to come" in err
    code, _, err = run("log", "1", "heard", "--at", "today 5pm")
    assert code == 2 and "17:00" in err
    assert run("log", "1", "heard", "--at", "today 9am")[0] == 0


def test_a_year_less_decision_date_is_the_one_nearest_the_interview(run) -> None:
    run("add", "Acme", "Dev", "--applied", "Nov 2")
    code, _, err = run("interview", "1", "--at", "Dec 1 2pm", "--decision-by", "Nov 1")
    assert code == 2, "a decision date before the interview is refused, not moved to 2027"
    assert "before the interview" in err and "2027" not in err
    assert run("interview", "1", "--at", "Dec 1 2pm", "--decision-by", "Dec 8")[0] == 0
    [app] = json.loads(run("list", "--json")[1])
    code, out, _ = run("export")
    [interview] = json.loads(out)["tables"]["interview"]
    assert interview["decision_by"] == "2026-12-08" and app["id"] == 1


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("32 Dec", "December has days 1 to 31"),
        ("Dec 32", "December has days 1 to 31"),
        ("Feb 30", "February has days 1 to 29"),
        ("April 31 2027", "April has days 1 to 30"),
    ],
)
def test_a_day_out_of_range_for_its_month_says_so(run, given: str, says: str) -> None:
    code, _, err = run("add", "Acme", "Dev", "--applied", given)
    assert code == 2 and says in err and "no day given" not in err


def test_messages_show_no_markdown_backticks() -> None:
    from pursuit.domain.interview_input import read_interview
    from tests.conftest import NOW

    _, errors = read_interview({"when": "someday", "decision": "nope"}, NOW)
    assert errors and not any("`" in text for text in errors.values()), errors
