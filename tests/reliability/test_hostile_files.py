"""Files that are not what they should be: a clear message, exit code 2, the file untouched."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from tests.support.processes import MOMENT, run_pursuit


def _pursuit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_pursuit(*args, env=env)


def _good_db(path: Path) -> bytes:
    store = Store.open(path, FixedClock(MOMENT))
    for i in range(30):
        store.applications.add_application(f"Company {i}", "Role")
    with store.reader() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path.read_bytes()


def _cases(tmp: Path) -> list[tuple[str, Path]]:
    truncated = tmp / "truncated.db"
    truncated.write_bytes(_good_db(tmp / "good.db")[:3000])
    text = tmp / "notes.db"
    text.write_text("my job search notes\n" * 50)
    folder = tmp / "folder.db"
    folder.mkdir()
    under_file = tmp / "notes.db" / "pursuit.db"
    nowhere = Path("/proc/pursuit-cannot-be-here/pursuit.db")
    return [
        ("truncated", truncated),
        ("text", text),
        ("directory", folder),
        ("under a file", under_file),
        ("unwritable", nowhere),
    ]


@pytest.mark.parametrize("command", [["list"], ["add", "Acme", "Dev"], ["due", "--json"]])
@pytest.mark.slow
def test_bad_database_paths(tmp_path: Path, command: list[str]) -> None:
    for name, path in _cases(tmp_path):
        before = path.read_bytes() if path.is_file() else None
        done = _pursuit("--db", str(path), *command)
        assert done.returncode == 2, (name, done.stderr)
        assert done.stderr.startswith("pursuit: error:"), (name, done.stderr)
        assert "Traceback" not in done.stderr, name
        assert str(path) in done.stderr or path.name in done.stderr, (name, done.stderr)
        if before is not None:
            assert path.read_bytes() == before, name


@pytest.mark.slow
def test_the_app_refuses_a_bad_database_with_a_message(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database\n")
    # The app opens the store in a worker after its first paint, then exits with the message.
    code = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from datetime import datetime\n"
        "from pursuit.domain.clock import FixedClock\n"
        "from pursuit.tui.app import PursuitApp\n"
        "app = PursuitApp(Path(sys.argv[1]), FixedClock(datetime.fromisoformat(sys.argv[2])))\n"
        "async def go():\n"
        "    async with app.run_test() as pilot:\n"
        "        for _ in range(50):\n"
        "            await pilot.pause()\n"
        "            if app.return_code is not None: break\n"
        "asyncio.run(go())\n"
        "print(app.return_code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(text), MOMENT.isoformat()],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip().endswith("2"), done.stdout + done.stderr
    assert text.read_text() == "not a database\n"


@pytest.mark.parametrize(
    "content", [b'Company,Role\n"Acme,Dev\n', b"\x89PNG\r\n\x1a\n\x00\x00", b"\xff\xfe\x00C\x00o"]
)
@pytest.mark.slow
def test_hostile_spreadsheets(tmp_path: Path, content: bytes) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(content)
    done = _pursuit("--db", str(tmp_path / "p.db"), "import", str(sheet))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("pursuit: error:")
    assert sheet.read_bytes() == content


@pytest.mark.slow
def test_privacy_modes_and_nothing_written_elsewhere(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
    }
    env.pop("PURSUIT_DB", None)
    assert _pursuit("add", "Acme", "Engineer", "--notes", "salary talk", env=env).returncode == 0
    assert _pursuit("backup", env=env).returncode == 0
    export = home / "export.json"
    assert _pursuit("export", "-o", str(export), env=env).returncode == 0
    data_dir = home / "data" / "pursuit"
    db = data_dir / "pursuit.db"
    files = sorted(p.relative_to(home) for p in home.rglob("*") if p.is_file())
    # The database (and SQLite's own side files), its backup and the export: nothing else.
    allowed = {
        Path("data/pursuit/pursuit.db"),
        Path("data/pursuit/pursuit.db-wal"),
        Path("data/pursuit/pursuit.db-shm"),
        Path("export.json"),
    }
    assert {f for f in files if f.parent.name != "backups"} <= allowed, files
    for path in [db, export, *(data_dir / "backups").iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (data_dir, data_dir / "backups"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    wal = Path(f"{db}-wal")
    if wal.exists():
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
