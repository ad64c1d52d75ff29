"""Opening databases: pragmas, privacy, migrations, and files that are not ours."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pursuit.store import db
from pursuit.store.repo import Store


def test_pragmas_are_set_on_every_connection(store: Store) -> None:
    with store.engine.connect() as conn:

        def read(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert read("journal_mode") == "wal"
        assert read("synchronous") == 2  # FULL
        assert read("foreign_keys") == 1
        assert read("busy_timeout") == db.busy_timeout_ms()
        assert read("user_version") == db.LATEST
        assert read("application_id") == db.APPLICATION_ID


def test_orm_writes_begin_immediate(store: Store) -> None:
    seen: list[str] = []
    from sqlalchemy import event

    @event.listens_for(store.engine, "before_cursor_execute")
    def _spy(conn, cursor, statement, *args):
        seen.append(statement)

    app = store.applications.add_application("Acme", "Engineer")
    store.applications.update_application(app, notes="through the ORM")
    assert "BEGIN IMMEDIATE" in seen


def test_plain_writes_begin_immediate(store: Store) -> None:
    from pursuit.store import application_writes

    seen: list[str] = []
    with store.database.connection() as conn:
        conn.set_trace_callback(seen.append)
        try:
            application_writes.add_application(conn, store.now(), "Acme", "Engineer")
        finally:
            conn.set_trace_callback(None)
    assert seen[0] == "BEGIN IMMEDIATE"
    assert seen[-1] == "COMMIT"


def test_new_database_is_private(tmp_path: Path, clock) -> None:
    path = tmp_path / "deep" / "folder" / "pursuit.db"
    s = Store.open(path, clock)
    s.applications.add_application("Acme", "Engineer")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    wal = Path(f"{path}-wal")
    if wal.exists():
        assert stat.S_IMODE(os.stat(wal).st_mode) == 0o600
    s.close()


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path, clock) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Dear diary, today I applied to twelve jobs.\n" * 10)
    before = path.read_bytes()
    with pytest.raises(db.NotAPursuitDatabase, match="not a pursuit database"):
        Store.open(path, clock)
    assert path.read_bytes() == before


def test_a_truncated_database_is_refused_and_untouched(tmp_path: Path, clock) -> None:
    good = tmp_path / "good.db"
    s = Store.open(good, clock)
    for i in range(50):
        s.applications.add_application(f"Company {i}", "Role")
    s.close()
    data = good.read_bytes()
    broken = tmp_path / "broken.db"
    broken.write_bytes(data[:150])
    with pytest.raises(db.StoreError):
        Store.open(broken, clock)
    assert broken.read_bytes() == data[:150]


def test_another_apps_sqlite_database_is_refused(tmp_path: Path, clock) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(db.NotAPursuitDatabase, match="not a pursuit one"):
        Store.open(path, clock)
    assert path.read_bytes() == before


def test_a_directory_is_refused(tmp_path: Path, clock) -> None:
    with pytest.raises(db.StoreError, match="is a directory"):
        Store.open(tmp_path, clock)


def test_a_newer_database_is_refused(db_path: Path, clock) -> None:
    Store.open(db_path, clock).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {db.LATEST + 1}")
    conn.close()
    with pytest.raises(db.DatabaseTooNew, match="newer pursuit"):
        Store.open(db_path, clock)


def test_an_empty_file_becomes_a_database(db_path: Path, clock) -> None:
    db_path.write_bytes(b"")
    s = Store.open(db_path, clock)
    assert s.views.applications() == []
    s.close()


def test_upgrades_from_every_earlier_version(db_path: Path) -> None:
    """Each step runs in order; a v0 file reaches the latest version with its rows."""
    Path(db_path).touch()
    engine = db.make_engine(db.database_url(db_path))
    assert db.migrate(engine, db_path) == db.LATEST
    with engine.connect() as conn:
        tables = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert {
        "application",
        "stage_event",
        "interview",
        "activity",
        "follow_up",
        "draft",
        "checklist_item",
        "contact",
    } <= tables
    engine.dispose()


def test_a_failed_step_leaves_the_database_as_it_was(db_path: Path) -> None:
    engine = db.make_engine(db.database_url(db_path))
    db.migrate(engine, db_path)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO application (company, role, url, source, location, sector, stage, "
            "notes, archived, created_at, updated_at) VALUES ('Acme', 'Dev', '', '', '', "
            "'other', 'applied', '', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )

    def bad_step(conn) -> None:
        conn.exec_driver_sql("ALTER TABLE application ADD COLUMN half_done TEXT")
        conn.exec_driver_sql("UPDATE application SET company = 'changed'")
        raise RuntimeError("disk on fire")

    with pytest.raises(db.MigrationFailed, match="unchanged"):
        db.migrate(engine, db_path, steps=(*db.MIGRATIONS, bad_step))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == db.LATEST
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(application)")]
        assert "half_done" not in columns
        assert conn.exec_driver_sql("SELECT company FROM application").scalar() == "Acme"
    engine.dispose()


def test_no_engine_is_made_at_import_time() -> None:
    code = (
        "import sqlalchemy\n"
        "made = []\n"
        "real = sqlalchemy.create_engine\n"
        "sqlalchemy.create_engine = lambda *a, **k: made.append(a) or real(*a, **k)\n"
        "import importlib, pursuit.store.repo, pursuit.store.demo, pursuit.cli, pursuit.tui.app\n"
        "for group in set(pursuit.cli.GROUPS.values()):\n"
        "    importlib.import_module('pursuit.cli.' + group)\n"
        "assert made == [], made\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.slow
def test_reading_beside_an_open_store_keeps_its_locks(tmp_path: Path, clock) -> None:
    """Only SQLite opens the file: another descriptor closed would drop this process's locks,
    and the next program to close the file would take itself for the last and delete the -wal."""
    from tests.support.processes import run_pursuit

    path = tmp_path / "pursuit.db"
    store = Store.open(path, clock)
    store.applications.add_application("Acme", "Engineer")
    for _ in range(3):  # what the app does on each reload of its pipeline
        assert db.check_file(path)
        reader = db.open_for_reading(path)
        assert reader is not None
        reader.close()
    assert run_pursuit("--db", str(path), "list").returncode == 0
    assert Path(f"{path}-wal").exists()
    store.applications.add_application("Globex", "Analyst")
    listed = run_pursuit("--db", str(path), "list")
    assert "Globex" in listed.stdout, listed.stdout
    store.close()


def test_reads_go_on_while_another_program_holds_the_write_lock(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PURSUIT_BUSY_TIMEOUT", "0.2")
    app_id = store.applications.add_application("Acme", "Engineer")
    holder = sqlite3.connect(store.path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        # What the draft editor and the checklist read while a long import writes.
        assert store.drafts.templates() and store.drafts.drafts(app_id) == []
        assert store.checklists.checklist_templates()
        store.drafts.draft_context(app_id)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
