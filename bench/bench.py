"""Benchmarks for pursuit: start-up against a minimal Textual app, and the read commands.

    python bench/bench.py [--apps 10000] [--runs 5]

Makes (once, cached in bench/.data/) a seeded database of realistic applications, with their
interviews, contacts and activities, through the store's own write path; then measures each
target several times and prints the medians. Start-up is measured in a real terminal (tmux):
from launch until the first pipeline row is on screen, beside a one-Static Textual app.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
PYTHON = sys.executable
COMPANIES = [
    "Northwind",
    "Lumen",
    "Quarry",
    "Harbor",
    "Cobalt",
    "Civic",
    "Fernleaf",
    "Orbit",
    "Meridian",
    "Pinecrest",
    "Acme",
    "Granite",
    "Vantage",
    "Tidewater",
    "Delta",
    "Echo",
    "Foxtrot",
    "Juniper",
    "Kestrel",
    "Larkspur",
]
ROLES = [
    "Data Engineer",
    "Backend Developer",
    "Platform Engineer",
    "SRE",
    "ML Engineer",
    "Analytics Engineer",
    "Python Developer",
    "Software Engineer II",
    "Tech Lead",
]
PEOPLE = [
    "Ann Lee",
    "Bo Chen",
    "Cy Park",
    "Dana Wu",
    "Eli Roth",
    "Fay Ng",
    "Gus Kim",
    "Hal Ito",
    "Ivy Sato",
    "Jo Diaz",
]
MINIMAL_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Minimal(App):\n"
    "    def compose(self):\n"
    "        yield Static('minimal-ready')\n"
    "Minimal().run()\n"
)


def generate(path: Path, apps: int, seed: int = 7) -> None:
    from pursuit.domain.clock import FixedClock
    from pursuit.store.repo import Store

    rng = random.Random(seed)
    now = datetime.now(UTC)
    clock = FixedClock(now)
    store = Store.open(path, clock)
    started = time.perf_counter()
    for i in range(apps):
        applied = now - timedelta(days=rng.randint(0, 120))
        clock.moment = applied
        app_id = store.add_application(
            f"{rng.choice(COMPANIES)} {i}",
            rng.choice(ROLES),
            applied_on=applied.date(),
            source=rng.choice(["LinkedIn", "Referral", "Indeed", ""]),
            location=rng.choice(["Remote", "Berlin", "London", "Austin, TX"]),
        )
        fate = rng.random()
        if fate < 0.35:
            when = applied + timedelta(days=rng.randint(5, 20), hours=rng.randint(9, 16))
            store.add_interview(
                app_id,
                when,
                kind=rng.choice(["phone", "video", "onsite"]),
                interviewers=rng.sample(PEOPLE, rng.randint(1, 2)),
            )
            if rng.random() < 0.5 and when < now:
                clock.moment = when + timedelta(hours=3)
                store.log_event(app_id, "sent-thank-you", at=clock.moment)
        if fate < 0.1:
            clock.moment = applied + timedelta(days=25)
            store.log_event(
                app_id, rng.choice(["rejected", "offer", "heard"]), at=min(clock.moment, now)
            )
        elif fate > 0.9:
            store.log_event(app_id, "ghosted", at=now)
        if i and i % 1000 == 0:
            print(f"  {i} applications ({time.perf_counter() - started:.0f} s)", flush=True)
    store.close()


#: Tables copied per replica, with the columns that hold ids of replicated rows.
REPLICATED = {
    "application": ("id",),
    "stage_event": ("id", "application_id"),
    "application_contact": ("application_id",),
    "interview": ("id", "application_id"),
    "interview_contact": ("interview_id",),
    "activity": ("id", "application_id", "interview_id"),
    "follow_up": ("id", "application_id", "interview_id"),
    "checklist_item": ("id", "interview_id", "application_id"),
}


def replicate(base: Path, path: Path, times: int) -> None:
    """PATH holds BASE's applications TIMES over (every id shifted, companies renumbered).

    The write path makes about 200 applications a second; a 100,000-application file made
    that way would take ten minutes, so larger files repeat a generated one in plain SQL.
    """
    shutil.copyfile(base, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    spans = {
        table: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        for table in REPLICATED
    }
    span_of = {"id": None, "application_id": "application", "interview_id": "interview"}
    apps = spans["application"]
    for k in range(1, times):
        for table, shifted in REPLICATED.items():
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            values = []
            for column in columns:
                if column in shifted:
                    source = span_of[column] or table
                    values.append(f"{column} + {k * spans[source]}")
                elif table == "application" and column == "company":
                    values.append(f"rtrim(company, '0123456789') || (id - 1 + {k * apps})")
                else:
                    values.append(column)
            conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"SELECT {', '.join(values)} FROM {table} WHERE rowid <= {spans[table]}"
            )
    conn.execute("COMMIT")
    conn.close()


def database(apps: int) -> Path:
    """The cached database of APPS applications, made on first use."""
    DATA.mkdir(exist_ok=True)
    db = DATA / f"apps-{apps}.db"
    if db.exists():
        return db
    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    base = 10_000
    if apps > base and apps % base == 0:
        print(f"repeating the {base}-application database into {db} (once)", flush=True)
        replicate(database(base), partial, apps // base)
    else:
        print(f"generating {apps} applications into {db} (once)", flush=True)
        generate(partial, apps)
    partial.rename(db)
    return db


def timed(args: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def start_in_tmux(command: str, marker: str, timeout: float = 30.0) -> float:
    """Seconds from launching COMMAND in a 120x40 tmux window until MARKER is on screen."""
    name = f"bench{os.getpid()}{random.randint(0, 9999)}"
    started = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", command], check=True
    )
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return time.perf_counter() - started
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} did not appear within {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = database(args.apps)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "bench.db"
        shutil.copyfile(db, work)
        env = {**os.environ, "PURSUIT_DB": str(work)}
        pursuit = [PYTHON, "-m", "pursuit"]
        due = [timed([*pursuit, "due", "--json"], env) for _ in range(args.runs)]
        listing = [timed([*pursuit, "list", "--json"], env) for _ in range(args.runs)]
        script = Path(folder) / "minimal.py"
        script.write_text(MINIMAL_APP)
        minimal, full = [], []
        for _ in range(args.runs):
            minimal.append(start_in_tmux(f"{PYTHON} {script}", "minimal-ready"))
            # The oldest application on the pipeline carries number 0 in its name.
            full.append(start_in_tmux(f"env PURSUIT_DB={work} {PYTHON} -m pursuit", "Pipeline ·"))
    med = statistics.median
    print(f"\npursuit bench: {args.apps} applications, {args.runs} runs each, medians")
    print(f"  pursuit due --json     {med(due) * 1000:7.0f} ms   (target 250 ms)")
    print(f"  pursuit list --json    {med(listing) * 1000:7.0f} ms   (target 400 ms)")
    print(f"  minimal Textual app    {med(minimal) * 1000:7.0f} ms to its text")
    print(f"  pursuit (pipeline)     {med(full) * 1000:7.0f} ms to the first rows")
    print(f"  start ratio            {med(full) / med(minimal):7.2f}     (target 1.30)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
