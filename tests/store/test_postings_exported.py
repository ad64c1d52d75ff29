"""What a posting leaves with an application (salary currency, posted and closing dates, the
job description) goes out with the exports: the CSV report's columns, the JSON dump whole."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store

DESCRIPTION = (
    '=HYPERLINK("http://evil.example")\n\n'
    "What you will do:\n• Build pipelines\n• Keep the data clean — Zürich, 東京\n"
    "A \x1b[31mred\x1b[0m word."
)


def _posting(store: Store) -> int:
    return store.applications.add_application(
        "Northwind Analytics",
        "Data Engineer",
        salary_min=70_000,
        salary_max=85_000,
        salary_currency="EUR",
        posted_on=date(2026, 10, 30),
        closes_on=date(2026, 11, 30),
        description=DESCRIPTION,
    )


def test_the_csv_report_has_the_posting_s_facts(store: Store) -> None:
    _posting(store)
    store.applications.add_application("Contoso", "Analyst")
    report = store.transfer.export_csv()
    rows = {r["company"]: r for r in csv.DictReader(io.StringIO(report))}
    northwind = rows["Northwind Analytics"]
    assert {
        k: northwind[k] for k in ("salary min", "salary max", "salary currency", "posted", "closes")
    } == {
        "salary min": "70000",
        "salary max": "85000",
        "salary currency": "EUR",
        "posted": "2026-10-30",
        "closes": "2026-11-30",
    }
    # Through csv_cell: never a formula, no control character, its lines kept in the cell.
    assert northwind["description"] == "'" + DESCRIPTION.replace("\x1b", "\u241b")
    assert {
        k: rows["Contoso"][k]
        for k in ("salary min", "salary max", "salary currency", "posted", "closes", "description")
    } == dict.fromkeys(
        ("salary min", "salary max", "salary currency", "posted", "closes", "description"), ""
    )


def test_the_json_dump_carries_the_posting_s_facts_back(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    app = _posting(store)
    dump = store.transfer.export_json()
    row = next(r for r in json.loads(dump)["tables"]["application"] if r["id"] == app)
    assert (row["description"], row["salary_currency"], row["posted_on"], row["closes_on"]) == (
        DESCRIPTION,
        "EUR",
        "2026-10-30",
        "2026-11-30",
    )
    fresh = Store.open(tmp_path / "restored.db", clock)
    try:
        fresh.transfer.restore_json(dump)
        again = fresh.views.job_description(application_id=app)
        assert again is not None and again.text == DESCRIPTION
        assert fresh.transfer.export_json() == dump
    finally:
        fresh.close()
