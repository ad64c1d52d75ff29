"""Company memory on import: the rows for companies applied to before the import are named."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pursuit.domain.companies import EarlierApplication, ImportedBefore
from pursuit.store.importer import ImportRow
from pursuit.store.repo import Store

SHEET = (
    "Company,Role,Status\n"
    "Northwind Analytics Inc.,Data Engineer II,Applied\n"
    "northwind analytics,Analytics Engineer,Applied\n"
    "Fabrikam,Analyst,Applied\n"
    "Contoso GmbH,Developer,Applied\n"
    "Dune,PM II,Applied\n"
    "NewCo,Dev,Applied\n"
    "NewCo,SRE,Applied\n"
)


def _before(store: Store) -> None:
    """Applications made before the import, of the companies in SHEET but NewCo."""
    northwind = store.applications.add_application(
        "Northwind Analytics", "Data Engineer", at=datetime(2026, 2, 20, 9, tzinfo=UTC)
    )
    store.applications.set_stage(northwind, "rejected", at=datetime(2026, 3, 12, 9, 0, tzinfo=UTC))
    fabrikam = store.applications.add_application(
        "Fabrikam", "BI Analyst", at=datetime(2026, 4, 1, 9, tzinfo=UTC)
    )
    store.applications.set_stage(fabrikam, "ghosted", at=datetime(2026, 5, 20, 9, tzinfo=UTC))
    store.applications.add_application(
        "Contoso", "Developer", at=datetime(2026, 11, 16, 9, tzinfo=UTC)
    )
    store.applications.add_application("Dune", "PM", at=datetime(2025, 7, 1, 9, tzinfo=UTC))


def test_import_names_the_rows_for_companies_applied_to_before(
    run, store: Store, tmp_path: Path
) -> None:
    _before(store)
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET)
    expected = (
        "5 rows are for companies you applied to before: Northwind Analytics (Data Engineer, "
        "rejected in March), Fabrikam (BI Analyst, no answer in May), Contoso (Developer, "
        "applied on Mon 16 Nov) and 1 more row."
    )
    code, out, _ = run("import", str(sheet), "--dry-run")
    assert code == 0
    assert out.splitlines()[-2:] == ["would import 7, 0 already there, 0 unreadable", expected]
    assert len(store.views.applications()) == 4  # a dry run writes nothing
    code, out, _ = run("import", str(sheet))
    assert code == 0
    assert out.splitlines()[-2:] == ["imported 7, 0 already there, 0 unreadable", expected]


def test_a_company_new_to_pursuit_says_nothing_even_twice_in_the_file(run, tmp_path: Path) -> None:
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Company,Role\nNewCo,Dev\nNewCo Ltd,SRE\n")
    code, out, _ = run("import", str(sheet))
    assert code == 0 and out.splitlines()[-1] == "imported 2, 0 already there, 0 unreadable"


def test_the_sentence_for_one_row_and_for_one_company() -> None:
    today = date(2026, 11, 18)
    north = EarlierApplication(1, "Northwind", "Data Engineer", "rejected", date(2026, 3, 12))
    assert ImportedBefore(1, (north,)).sentence(today) == (
        "1 row is for a company you applied to before: "
        "Northwind (Data Engineer, rejected in March)."
    )
    assert ImportedBefore(3, (north,)).sentence(today) == (
        "3 rows are for a company you applied to before: "
        "Northwind (Data Engineer, rejected in March)."
    )
    assert ImportedBefore().sentence(today) == ""


def test_one_indexed_query_a_batch_finds_them(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not one query per row: a batch's companies are looked up together, on the index."""
    for n in range(0, 300, 3):
        store.applications.add_application(f"Company {n}", "Dev")
    rows = [ImportRow(i + 2, f"company {i}", "Engineer", "applied", None) for i in range(300)]
    seen: list[str] = []
    from pursuit.store import company_memory

    real = company_memory.newest_earlier

    def counted(conn: sqlite3.Connection, keys: Collection[str], up_to: int) -> dict[str, int]:
        conn.set_trace_callback(seen.append)
        try:
            return real(conn, keys, up_to)
        finally:
            conn.set_trace_callback(None)

    monkeypatch.setattr(company_memory, "newest_earlier", counted)
    result = store.transfer.import_applications(rows, batch_size=100)
    assert result.added == 300
    assert result.earlier.rows == 100 and len(result.earlier.named) == 3
    assert result.earlier.more == 97
    lookups = [sql for sql in seen if "GROUP BY company_key" in sql]
    assert len(lookups) == 3  # one per batch of 100
    with store.reader() as conn:
        keys = [f"company {i}" for i in range(100)]
        plan = " ".join(
            row[3]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT company_key, max(id) FROM application "
                f"WHERE company_key IN ({', '.join('?' * len(keys))}) AND id <= ? "
                "GROUP BY company_key",
                (*keys, 10_000),
            )
        )
    assert "ix_application_company_key" in plan and "SCAN application" not in plan
