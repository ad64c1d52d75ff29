"""A spreadsheet's dates like 03/04/2026: the file settles the order, or the job seeker does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pursuit.store.importer import AmbiguousDates, read_csv, rows_of, scan_csv
from tests.conftest import NOW

AMBIGUOUS = "Company,Role,Applied\nAcme,Dev,03/04/2026\nBolt,SRE,05/06/2026\n"


def sheet(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jobs.csv"
    path.write_text(text, encoding="utf-8")
    return path


def applied(plan_rows) -> list[date | None]:
    return [r.applied_on for r in plan_rows]


def test_a_file_whose_dates_read_both_ways_is_refused_naming_the_first_line(
    tmp_path: Path,
) -> None:
    path = sheet(
        tmp_path, "Company,Role,Applied\nZed,Ops,2026-01-05\n" + AMBIGUOUS.split("\n", 1)[1]
    )
    with pytest.raises(AmbiguousDates) as asked:
        scan_csv(path, NOW)
    assert asked.value.line == 3
    assert str(asked.value) == (
        "line 3: '03/04/2026' could be Fri 3 Apr 2026 (day/month) or Wed 4 Mar 2026 (month/day), "
        "and no date in the file settles which comes first"
    )


@pytest.mark.parametrize(
    ("order", "days"),
    [("dmy", [date(2026, 4, 3), date(2026, 6, 5)]), ("mdy", [date(2026, 3, 4), date(2026, 5, 6)])],
)
def test_the_order_given_is_the_order_read(tmp_path: Path, order: str, days) -> None:
    path = sheet(tmp_path, AMBIGUOUS)
    plan = read_csv(path, NOW, dates=order)
    assert (plan.dates, applied(plan.rows), plan.bad) == (order, days, [])
    assert applied(rows_of(path, NOW, dates=plan.dates)) == days


def test_one_date_that_reads_one_way_settles_the_file(tmp_path: Path) -> None:
    # The day/month date is last: the whole file is read before any row.
    path = sheet(tmp_path, AMBIGUOUS + "Cove,QA,25/03/2026\n")
    plan = read_csv(path, NOW)
    assert plan.dates == "dmy"
    assert applied(plan.rows) == [date(2026, 4, 3), date(2026, 6, 5), date(2026, 3, 25)]
    path = sheet(tmp_path, "Company,Role,Applied\nCove,QA,03/25/2026\nAcme,Dev,03/04/2026\n")
    plan = read_csv(path, NOW)
    assert (plan.dates, applied(plan.rows)) == ("mdy", [date(2026, 3, 25), date(2026, 3, 4)])


def test_a_date_against_the_files_order_is_a_bad_row(tmp_path: Path) -> None:
    path = sheet(tmp_path, "Company,Role,Applied\nCove,QA,25/03/2026\nDune,PM,03/25/2026\n")
    plan = read_csv(path, NOW)
    assert plan.dates == "dmy" and applied(plan.rows) == [date(2026, 3, 25)]
    assert [(b.line, b.reason) for b in plan.bad] == [
        (
            3,
            "bad date: '03/25/2026' cannot be a day/month date, the order of this file's "
            "other dates",
        )
    ]


def test_dates_that_mean_one_day_either_way_ask_nothing(tmp_path: Path) -> None:
    path = sheet(tmp_path, "Company,Role,Applied\nAcme,Dev,03/03/2026\nBolt,SRE,Nov 2 2026\n")
    plan = read_csv(path, NOW)
    assert (plan.dates, applied(plan.rows)) == ("", [date(2026, 3, 3), date(2026, 11, 2)])
