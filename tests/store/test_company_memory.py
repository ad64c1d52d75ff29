"""Company memory through every write of a company: the command line, the app, import, restore."""

from __future__ import annotations

import json
from pathlib import Path

from pursuit.domain.clock import FixedClock
from pursuit.store.company_memory import earlier_applications
from pursuit.store.importer import read_text
from pursuit.store.repo import Store


def _earlier(store: Store, company: str, excluding: int | None = None) -> list[tuple[int, str]]:
    with store.reader() as conn:
        return [(e.id, e.stage) for e in earlier_applications(conn, company, excluding=excluding)]


def test_every_write_of_a_company_is_remembered(store: Store, tmp_path: Path) -> None:
    first = store.applications.add_application("Northwind Analytics, Inc.", "Data Engineer")
    store.applications.set_stage(first, "rejected")
    assert _earlier(store, "northwind analytics GmbH") == [(first, "rejected")]
    # An application is not earlier than itself.
    assert _earlier(store, "Northwind Analytics", excluding=first) == []
    # Renamed through the app's edit: remembered under its new name only.
    store.applications.update_application(first, company="Fabrikam Ltd")
    assert _earlier(store, "Northwind Analytics") == []
    assert _earlier(store, "fabrikam") == [(first, "rejected")]
    # Imported rows are remembered too.
    plan = read_text("Company,Role\nContoso GmbH,Analyst\n", store.now())
    store.transfer.import_applications(plan.rows)
    assert [stage for _, stage in _earlier(store, "Contoso")] == ["applied"]


def test_a_restored_export_remembers_whatever_the_dump_said(
    store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    app_id = store.applications.add_application("Northwind Analytics", "Data Engineer")
    dump = json.loads(store.transfer.export_json())
    dump["tables"]["application"][0]["company_key"] = "something else"
    fresh = Store.open(tmp_path / "restored.db", clock)
    fresh.transfer.restore_json(json.dumps(dump))
    assert _earlier(fresh, "NORTHWIND ANALYTICS LLC") == [(app_id, "applied")]
    fresh.close()


def test_an_upgraded_file_remembers_its_companies(tmp_path: Path, clock: FixedClock) -> None:
    import shutil

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "schema-3.db"
    path = tmp_path / "old.db"
    shutil.copyfile(fixture, path)
    store = Store.open(path, clock)
    with store.reader() as conn:
        companies = [r[0] for r in conn.execute("SELECT company FROM application")]
    assert companies
    for company in companies:
        assert _earlier(store, company.upper()), company
    store.close()


def test_an_application_still_at_applied_is_remembered_by_the_day_applied(
    store: Store, clock: FixedClock
) -> None:
    from datetime import date

    from pursuit.domain.companies import earlier_sentence

    # Typed in on 18 November for an application sent in March.
    store.applications.add_application("Northwind", "Data Engineer", applied_on=date(2026, 3, 3))
    moved = store.applications.add_application("Northwind", "Analyst", applied_on=date(2026, 3, 3))
    store.applications.set_stage(moved, "rejected")
    with store.reader() as conn:
        earlier = earlier_applications(conn, "Northwind")
    sentence = earlier_sentence("Northwind", earlier, date(2026, 11, 18))
    # A stage it moved to is dated by the move; one still at applied by the day applied.
    assert sentence == (
        f"You applied to Northwind before: Analyst, rejected on Wed 18 Nov (#{moved}); "
        f"Data Engineer, applied in March (#{moved - 1})."
    )
