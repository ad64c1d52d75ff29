"""`pursuit dismiss --undo`, and `pursuit log --contact` naming one of the application's people."""

from __future__ import annotations

import json

from pursuit.domain.clock import FixedClock


def test_dismiss_says_how_to_undo_and_undo_brings_it_back(run, clock: FixedClock) -> None:
    run("add", "Acme", "Engineer", "--applied", "Nov 1")
    code, out, _ = run("dismiss", "1", "application-check-in")
    assert code == 0 and "pursuit dismiss --undo 1 application-check-in" in out
    _, out, _ = run("due", "--json")
    assert json.loads(out) == []
    code, out, _ = run("dismiss", "--undo", "1", "application-check-in")
    assert (code, out.strip()) == (
        0,
        "Brought back the check-in about the application for Acme · Engineer.",
    )
    _, out, _ = run("due", "--json")
    assert [d["action"] for d in json.loads(out)] == ["application-check-in"]
    code, _, err = run("dismiss", "1", "application-check-in", "--undo")
    assert code == 2 and "no dismissed application-check-in" in err


def test_log_refuses_a_name_that_is_nobody_of_the_application(run, clock: FixedClock) -> None:
    run("add", "Acme", "Engineer")
    run("interview", "1", "--at", "yesterday 9am", "--with", "Ann Lee")
    code, out, err = run("log", "1", "heard", "--contact", "Nobody Here")
    assert code == 2 and out == ""
    assert "Nobody Here is not one of application 1's people (its people are Ann Lee)" in err
    assert "--new-contact" in err and "Traceback" not in err
    code, _, _ = run("log", "1", "heard", "--contact", "Nobody Here", "--new-contact")
    assert code == 0
    _, out, _ = run("log", "1", "heard", "--contact", "nobody here")
    assert out.strip() == "logged heard for application 1"
