"""More that a new user tripped over (issue 19), each run as the real command line."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from tests.support.processes import MOMENT, run_pursuit

pytestmark = pytest.mark.slow


def pursuit(db: Path, *args: str, at: datetime = MOMENT) -> tuple[int, str, str]:
    done = run_pursuit("--db", str(db), *args, at=at)
    return done.returncode, done.stdout, done.stderr


def test_an_impossible_day_in_an_import_is_out_of_range_not_out_of_order(tmp_path: Path) -> None:
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company,Role,Applied\nAcme,Dev,25/01/2026\nBolt,SRE,31/02/2026\n")
    code, out, err = pursuit(tmp_path / "p.db", "import", str(sheet))
    assert code == 2 and "imported" not in out and "Traceback" not in err
    assert "line 3: bad date: cannot read '31/02/2026' as a date: " in err
    assert "February 2026 has days 1 to 28" in err
    assert "order" not in err.replace("--skip-bad", "")


def test_an_interview_typed_a_day_late_is_yesterdays_and_said_to_be_past(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert pursuit(db, "add", "Lumen", "Data Analyst")[0] == 0
    code, out, err = pursuit(db, "interview", "1", "--at", "Nov 17 10am")  # said on Nov 18
    assert (code, out.strip()) == (0, "1")
    assert "recorded as Tue 17 Nov 2026 10:00, which has passed" in err
    code, out, err = pursuit(db, "interview", "1", "--at", "Nov 25 2pm", "--decision-by", "Dec 2")
    assert (code, out.strip(), err) == (0, "2", "")  # to come: nothing to say
    tables = json.loads(pursuit(db, "export")[1])["tables"]
    assert [iv["starts_at"][:16] for iv in tables["interview"]] == [
        "2026-11-17 10:00",
        "2026-11-25 14:00",
    ]
    assert tables["interview"][1]["decision_by"] == "2026-12-02"
    # Things done are the nearest day too, and cannot be to come: a day ahead is a slip,
    # refused, not last year's (before the application existed).
    code, _, err = pursuit(db, "add", "Bolt", "SRE", "--applied", "Nov 19")
    assert code == 2 and "'Nov 19' is Thu 19 Nov, still to come" in err
    code, _, err = pursuit(db, "log", "1", "heard", "--at", "Nov 21")
    assert code == 2 and "still to come" in err
    assert pursuit(db, "add", "Bolt", "SRE", "--applied", "Nov 16")[0] == 0
    applied = {a["company"]: a["applied"] for a in json.loads(pursuit(db, "list", "--json")[1])}
    assert applied["Bolt"] == "2026-11-16"
    code, _, err = pursuit(db, "log", "2", "heard", "--at", "tomorrow")
    assert code == 2 and "still to come" in err


def test_a_thank_you_drafted_to_someone_names_the_interview_they_were_in(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    pursuit(db, "add", "Lumen", "Data Analyst")
    pursuit(db, "interview", "1", "--at", "Nov 10 10am", "--with", "Ann Lee")
    pursuit(db, "interview", "1", "--at", "Nov 16 2pm", "--with", "Bo Chen")
    code, out, _ = pursuit(db, "draft", "1", "thank-you", "--contact", "Ann Lee")
    assert code == 0 and "Hi Ann," in out and "Tuesday, November 10" in out, out
    assert "November 16" not in out
    pursuit(db, "log", "1", "heard", "--contact", "Rita Moss", "--new-contact")
    code, out, err = pursuit(db, "draft", "1", "thank-you", "--contact", "Rita Moss")
    assert (code, out) == (2, "")
    assert "Rita Moss was in none of application 1's interviews" in err
    assert "--interview" in err and "Traceback" not in err


def test_the_report_dates_applied_on_the_day_given(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert pursuit(db, "add", "Lumen", "Data Analyst", "--applied", "Nov 2")[0] == 0
    code, out, _ = pursuit(db, "export", "--format", "csv")
    [row] = csv.DictReader(io.StringIO(out))
    assert code == 0 and (row["applied"], row["stage history"]) == (
        "2026-11-02",
        "2026-11-02 applied",
    )


def test_dismiss_says_in_words_what_it_dismissed(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    pursuit(db, "add", "Lumen", "Data Analyst", "--applied", "Nov 2")
    pursuit(db, "interview", "1", "--at", "Nov 17 10am", "--with", "Ann Lee", "--with", "Bo Chen")
    code, out, _ = pursuit(db, "dismiss", "1", "thank-you", "--contact", "bo chen")
    assert (code, out.splitlines()[0]) == (
        0,
        "Dismissed the thank-you to Bo Chen for Lumen · Data Analyst.",
    )
    code, out, _ = pursuit(db, "dismiss", "--undo", "1", "thank-you")
    assert out.strip() == "Brought back the thank-you to Bo Chen for Lumen · Data Analyst."
    code, out, _ = pursuit(db, "dismiss", "1", "thank-you")
    assert out.splitlines() == [
        "Dismissed the 2 thank-yous to Ann Lee and Bo Chen for Lumen · Data Analyst.",
        "(to bring them back: pursuit dismiss --undo 1 thank-you)",
    ]
    code, out, _ = pursuit(db, "dismiss", "1", "first-check-in")
    assert out.splitlines()[0] == "Dismissed the check-in for Lumen · Data Analyst."


def test_due_marks_each_row_as_todays_screen_does_and_counts_in_its_words(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert pursuit(db, "add", "Lumen", "Data Analyst")[0] == 0
    assert pursuit(db, "interview", "1", "--at", "Nov 17 10am", "--with", "Ann Lee")[0] == 0
    # The thank-you opened when the interview ended and is due 24 hours after it: open, due.
    code, out, _ = pursuit(db, "due")
    assert code == 0
    [row] = [line for line in out.splitlines() if "Lumen" in line]
    assert row.startswith("•"), row
    assert "0 overdue (!), 1 due (•)" in out
    code, out, _ = pursuit(db, "due", "--at", "in 3 days")
    [row] = [line for line in out.splitlines() if "Lumen" in line]
    assert row.startswith("!"), row


def test_dismiss_names_a_thank_you_with_nobody_on_it_apart(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert pursuit(db, "add", "Lumen", "Data Analyst")[0] == 0
    assert pursuit(db, "interview", "1", "--at", "Nov 17 10am", "--with", "Bo Chen")[0] == 0
    assert pursuit(db, "interview", "1", "--at", "Nov 17 2pm")[0] == 0
    code, out, _ = pursuit(db, "dismiss", "1", "thank-you")
    assert code == 0
    assert "Dismissed the 2 thank-yous to Bo Chen and one with nobody named" in out, out
