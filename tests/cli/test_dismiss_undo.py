"""`pursuit dismiss --undo`: a dismissal taken back from the command line."""

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
    assert (code, out.strip()) == (0, "brought back 1 application-check-in for application 1")
    _, out, _ = run("due", "--json")
    assert [d["action"] for d in json.loads(out)] == ["application-check-in"]
    code, _, err = run("dismiss", "1", "application-check-in", "--undo")
    assert code == 2 and "no dismissed application-check-in" in err
