"""`pursuit import` asks once for the order of a file's dates when they read both ways."""

from __future__ import annotations

import json
from pathlib import Path

SHEET = "Company,Role,Applied\nAcme,Dev,2026-01-05\nBolt,SRE,03/04/2026\nCove,QA,05/06/2026\n"


def test_an_ambiguous_file_is_refused_until_the_order_is_given(run, tmp_path: Path) -> None:
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET)
    code, out, err = run("import", str(sheet))
    assert code == 2 and out == ""
    assert str(sheet) in err and "line 3: '03/04/2026' could be Fri 3 Apr 2026" in err
    assert "--dates dmy" in err and "--dates mdy" in err and "Traceback" not in err
    _, out, _ = run("list", "--json")
    assert json.loads(out) == []
    code, out, _ = run("import", str(sheet), "--dates", "dmy")
    assert code == 0 and "dates read as day/month" in out and "imported 3" in out
    _, out, _ = run("list", "--json")
    assert sorted(a["applied"] for a in json.loads(out)) == [
        "2026-01-05",
        "2026-04-03",
        "2026-06-05",
    ]


def test_a_file_that_settles_its_own_order_is_not_asked(run, tmp_path: Path) -> None:
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET + "Dune,PM,25/03/2026\n")
    code, out, err = run("import", str(sheet))
    assert (code, err) == (0, "") and "dates read as day/month" in out
    _, out, _ = run("list", "--json")
    assert "2026-04-03" in {a["applied"] for a in json.loads(out)}
