"""Data in and out: the spreadsheet import, the JSON dump, the CSV report, the calendar, backups."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.store import backup
from pursuit.store.errors import InvalidValue
from pursuit.store.importer import ImportFailed, parse_mapping, read_csv, read_text
from pursuit.store.repo import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 18, 10, tzinfo=UTC)


def test_the_messy_spreadsheet_rows_in_and_rows_reported(store: Store) -> None:
    # 11/3/2026 could be 11 March: the order is the job seeker's to say.
    plan = read_csv(FIXTURES / "messy.csv", NOW, dates="mdy")
    assert plan.mapping["Company"] == "company"  # the byte order mark is gone
    assert plan.mapping["Job Title"] == "role"
    good = [(r.line, r.company, r.stage, r.applied_on) for r in plan.rows]
    assert good == [
        (2, "Northwind", "applied", date(2026, 11, 3)),
        (4, "Acme, Inc.", "screening", date(2026, 11, 3)),
        (8, "Delta Labs", "ghosted", date(2026, 11, 3)),
        (9, "Echo", "rejected", date(2026, 11, 3)),
        (10, "Northwind", "applied", date(2026, 11, 3)),
    ]
    assert [(b.line, b.reason.split(":")[0].split(" '")[0]) for b in plan.bad] == [
        (5, "unknown status"),
        (6, "bad date"),
        (7, "no company"),
        (11, "bad salary"),
    ]
    assert plan.rows[1].values["notes"] == 'Said "call me" next week'
    assert plan.rows[0].values["salary_min"] == 85_000
    result = store.transfer.import_applications(plan.rows, source="messy.csv")
    assert result.added == 4 and result.duplicates == [10]
    northwind = next(r for r in store.views.applications() if r.company == "Northwind")
    assert northwind.notes == "Stack: Python, dbt"
    assert [c.name for c in store.views.contacts(northwind.id)] == ["Priya Raman"]
    # The same file again adds nothing.
    again = store.transfer.import_applications(
        read_csv(FIXTURES / "messy.csv", NOW, dates="mdy").rows
    )
    assert again.added == 0 and again.duplicate_count == 5


def test_a_dry_run_changes_nothing(store: Store) -> None:
    plan = read_csv(FIXTURES / "messy.csv", NOW, dates="mdy")
    result = store.transfer.import_applications(plan.rows, dry_run=True)
    assert result.added == 4
    assert store.views.applications() == []


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolons_and_tabs(sep: str) -> None:
    text = (
        sep.join(["Employer", "Position", "Stage", "Applied"])
        + "\n"
        + sep.join(["Zed GmbH", "Entwickler", "Interview", "3 Nov 2026"])
        + "\n"
    )
    [row] = read_text(text, NOW).rows
    assert (row.company, row.role, row.stage) == ("Zed GmbH", "Entwickler", "interviewing")


def test_a_map_names_unknown_columns() -> None:
    text = "Firm,Gig,Where\nAcme,Dev,Paris\n"
    assert "no column for company and role" in read_text(text, NOW).problem
    [row] = read_text(text, NOW, parse_mapping(["Firm=company", "Gig=role"])).rows
    assert (row.company, row.role, row.values["location"]) == ("Acme", "Dev", "Paris")
    with pytest.raises(ImportFailed, match="--map"):
        parse_mapping(["Firm=employer"])


def test_hostile_files_are_refused_and_left_alone(
    tmp_path: Path, db_path: Path, clock: FixedClock
) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    broken = tmp_path / "broken.csv"
    broken.write_text('Company,Role\n"Acme,Dev\n')
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("Company,Role\nCafé,Dev\n".encode("latin-1"))
    for path in (binary, broken, latin):
        before = path.read_bytes()
        assert main(["--db", str(db_path), "import", str(path)], clock=clock) == 2
        assert path.read_bytes() == before


def test_without_skip_bad_nothing_is_imported(
    db_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = str(FIXTURES / "messy.csv")
    assert main(["--db", str(db_path), "import", fixture, "--dates", "mdy"], clock=clock) == 2
    err = capsys.readouterr().err
    assert "line 5: unknown status 'Maybe later'" in err and "nothing was imported" in err
    assert (
        main(["--db", str(db_path), "import", fixture, "--dates", "mdy", "--dry-run"], clock=clock)
        == 0
    )
    assert "would import 4" in capsys.readouterr().out
    assert main(["--db", str(db_path), "list", "--json"], clock=clock) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert (
        main(["--db", str(db_path), "import", fixture, "--dates", "mdy", "--skip-bad"], clock=clock)
        == 0
    )
    assert "imported 4, 1 already there, 4 unreadable" in capsys.readouterr().out


def test_json_export_restore_export_is_identical(
    demo_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    dump = demo_store.transfer.export_json()
    data = json.loads(dump)
    assert data["format"] == "pursuit-dump" and len(data["tables"]["application"]) == 14
    assert {"interview", "activity", "draft", "checklist_item", "contact", "setting"} <= set(
        data["tables"]
    )
    fresh = Store.open(tmp_path / "restored.db", clock)
    assert fresh.transfer.restore_json(dump) == 14
    assert fresh.transfer.export_json() == dump
    assert [r.company for r in fresh.views.applications()] == [
        r.company for r in demo_store.views.applications()
    ]
    with pytest.raises(InvalidValue, match="empty database"):
        fresh.transfer.restore_json(dump)
    with pytest.raises(InvalidValue, match="not a pursuit export"):
        Store.open(tmp_path / "other.db", clock).transfer.restore_json('{"hello": 1}')
    fresh.close()


def test_an_export_from_before_postings_and_invitations_still_restores(
    demo_store: Store, tmp_path: Path, clock: FixedClock
) -> None:
    from pursuit.store.restore import ADDED_IN

    data = json.loads(demo_store.transfer.export_json())
    data["schema"] = 3
    for table, fields in ADDED_IN[4].items():
        for row in data["tables"][table]:
            for field in fields:
                del row[field]
    fresh = Store.open(tmp_path / "restored.db", clock)
    assert fresh.transfer.restore_json(json.dumps(data)) == 14
    again = json.loads(fresh.transfer.export_json())
    assert again["schema"] == 4
    assert {r["description"] for r in again["tables"]["application"]} == {""}
    assert {r["invite_uid"] for r in again["tables"]["interview"]} == {""}
    # A field the schema of the dump already had is still required.
    del data["tables"]["application"][0]["notes"]
    with pytest.raises(InvalidValue, match="field notes is missing"):
        Store.open(tmp_path / "other.db", clock).transfer.restore_json(json.dumps(data))
    fresh.close()


def test_the_csv_report_has_history_and_last_contact(demo_store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(demo_store.transfer.export_csv())))
    assert len(rows) == 14
    northwind = next(r for r in rows if r["company"] == "Northwind Analytics")
    assert northwind["stage history"].endswith("interviewing")
    assert "applied" in northwind["stage history"]
    assert northwind["last contact"] == "2026-11-17"
    assert northwind["interviews"] == "2"


def test_the_history_has_the_day_applied_as_given_in_the_report_and_on_screen(
    store: Store, clock: FixedClock
) -> None:
    lumen = store.applications.add_application("Lumen", "Analyst", applied_on=date(2026, 11, 2))
    store.applications.set_stage(lumen, "screening")
    later = store.applications.add_application(
        "Bolt", "SRE", stage="interviewing", applied_on=date(2026, 10, 1)
    )
    today = store.applications.add_application("Cove", "QA")
    saved = store.applications.add_application("Dune", "PM", stage="saved")
    rows = {r["company"]: r for r in csv.DictReader(io.StringIO(store.transfer.export_csv()))}
    assert rows["Lumen"]["stage history"] == "2026-11-02 applied; 2026-11-18 screening"
    assert rows["Bolt"]["stage history"] == "2026-10-01 applied; 2026-11-18 interviewing"
    assert rows["Cove"]["stage history"] == "2026-11-18 applied"
    assert rows["Dune"]["stage history"] == "2026-11-18 saved"

    def history(app_id: int) -> list[tuple[str, str, bool]]:
        entries = store.views.detail(app_id).timeline
        return [(e.at.date().isoformat(), e.text, e.day_only) for e in entries]

    assert history(lumen) == [
        ("2026-11-18", "Applied → Screening", False),
        ("2026-11-02", "Applied", True),
    ]
    assert history(later) == [
        ("2026-11-18", "Added as Interviewing", False),
        ("2026-10-01", "Applied", True),
    ]
    assert history(today) == [("2026-11-18", "Added as Applied", False)]
    assert history(saved) == [("2026-11-18", "Added as Saved", False)]


def test_the_calendar_parses_back(demo_store: Store) -> None:
    from icalendar import Calendar

    cal = Calendar.from_ical(demo_store.transfer.calendar())
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    onsite = events["Interview: Lumen Health, Platform Engineer (Onsite)"]
    assert onsite.decoded("dtstart") == datetime(2026, 11, 19, 13, tzinfo=UTC)
    assert str(onsite["location"]) == "200 Harbor St, Boston"
    assert "Grace Kim" in str(onsite["description"])
    check_in = next(e for s, e in events.items() if s.startswith("Check in · Quarry"))
    assert isinstance(check_in.decoded("dtstart"), date)  # an all-day event
    thanks = next(e for s, e in events.items() if "Hannah Lee" in s)
    assert thanks.decoded("dtend") == datetime(2026, 11, 18, 14, tzinfo=UTC)
    assert len({str(e["uid"]) for e in cal.walk("VEVENT")}) == len(cal.walk("VEVENT"))


def test_backups_are_valid_private_and_seven_are_kept(
    demo_store: Store, db_path: Path, clock: FixedClock
) -> None:
    assert backup.is_due(db_path, clock.now())
    first = backup.backup(db_path, clock.now())
    assert not backup.is_due(db_path, clock.now() + timedelta(hours=23))
    assert backup.is_due(db_path, clock.now() + timedelta(hours=25))
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600
    copy = Store.open(first, clock)
    assert len(copy.views.applications()) == len(demo_store.views.applications())
    copy.close()
    for day in range(1, 10):
        backup.backup(db_path, clock.now() + timedelta(days=day))
    kept = backup.existing(backup.backups_dir(db_path))
    assert len(kept) == 7 and first not in kept


def test_a_re_import_reports_counts_and_only_the_first_duplicate_lines(store) -> None:
    from pursuit.store.importer import ImportRow

    rows = [ImportRow(i + 2, f"Co {i}", "Dev", "applied", None) for i in range(250)]
    assert store.transfer.import_applications(rows).added == 250
    again = store.transfer.import_applications(rows)
    assert again.added == 0 and again.duplicate_count == 250
    assert again.duplicates == list(range(2, 102))  # the first hundred lines, in order
