"""Benchmarks for pursuit against the targets of its performance issue.

    python bench/bench.py [--runs 5] [--large 100000] [--idle 30]

Makes (once, cached in bench/.data/) seeded databases of realistic applications, with their
interviews, contacts, checklists and activities: 10,000 through the store's own write path,
and 100,000 by repeating those in plain SQL. Then measures each target several times and
prints the medians. Start-up is measured in a real terminal (tmux), from the launch until the
first pipeline rows are on screen, beside a one-Static Textual app started the same way.
Key presses and ticks are timed in CPU (bench/keys.py), and so is typing into a note and a
draft, empty and of 10,000 characters (bench/writing.py); memory and idle cost are read from
/proc for the app running in tmux.
"""

from __future__ import annotations

import argparse
import json
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
from typing import Any

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
        app_id = store.applications.add_application(
            f"{rng.choice(COMPANIES)} {i}",
            rng.choice(ROLES),
            applied_on=applied.date(),
            source=rng.choice(["LinkedIn", "Referral", "Indeed", ""]),
            location=rng.choice(["Remote", "Berlin", "London", "Austin, TX"]),
        )
        fate = rng.random()
        if fate < 0.35:
            when = applied + timedelta(days=rng.randint(5, 20), hours=rng.randint(9, 16))
            store.people.add_interview(
                app_id,
                when,
                kind=rng.choice(["phone", "video", "onsite"]),
                interviewers=rng.sample(PEOPLE, rng.randint(1, 2)),
            )
            if rng.random() < 0.5 and when < now:
                clock.moment = when + timedelta(hours=3)
                store.applications.log_event(app_id, "sent-thank-you", at=clock.moment)
        if fate < 0.1:
            clock.moment = applied + timedelta(days=25)
            store.applications.log_event(
                app_id, rng.choice(["rejected", "offer", "heard"]), at=min(clock.moment, now)
            )
        elif fate > 0.9:
            store.applications.log_event(app_id, "ghosted", at=now)
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
                elif table == "application" and column == "company_key":
                    # The generated names are ASCII words and a number: the key is the name
                    # in lower case (domain.companies), renumbered as the name is.
                    values.append(f"lower(rtrim(company, '0123456789')) || (id - 1 + {k * apps})")
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
        up_to_date(db)
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


def up_to_date(db: Path) -> None:
    """A cached file made by an older pursuit, upgraded as a user's is by its first open."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from pursuit.store.db import LATEST
    from pursuit.store.repo import Store

    conn = sqlite3.connect(db)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    if version < LATEST:
        print(f"upgrading {db} to schema {LATEST} (once)", flush=True)
        Store.open(db).close()


def timed(args: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


class Tmux:
    """One program in a detached 120x40 tmux window."""

    def __init__(self, command: str) -> None:
        self.name = f"bench{os.getpid()}{random.randint(0, 99999)}"
        for attempt in range(3):
            self.started = time.perf_counter()
            # The server of the last window may still be closing: start again if it refuses.
            started = subprocess.run(
                ["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "40", command],
                capture_output=True,
            )
            if started.returncode == 0:
                return
            time.sleep(0.2 * (attempt + 1))
        raise RuntimeError(f"tmux would not start: {started.stderr.decode().strip()}")

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def wait_for(self, marker: str, timeout: float = 60.0) -> float:
        """Seconds from the launch until MARKER is on screen."""
        while time.perf_counter() - self.started < timeout:
            if marker in self.screen():
                return time.perf_counter() - self.started
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} did not appear within {timeout} s:\n{self.screen()}")

    def send(self, key: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)

    def pid(self) -> int:
        out = subprocess.run(
            ["tmux", "display-message", "-p", "-t", self.name, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return int(out.strip())

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)


def start_in_tmux(command: str, marker: str) -> float:
    window = Tmux(command)
    try:
        return window.wait_for(marker)
    finally:
        window.close()


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def small(runs: int) -> dict[str, float]:
    """The targets measured on the 10,000-application database."""
    med = statistics.median
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "bench.db"
        shutil.copyfile(database(10_000), work)
        env = {**os.environ, "PURSUIT_DB": str(work)}
        pursuit = [PYTHON, "-m", "pursuit"]
        timed([*pursuit, "list"], env)  # brings an older file up to date once
        due = [timed([*pursuit, "due", "--json"], env) for _ in range(runs)]
        listing = [timed([*pursuit, "list", "--json"], env) for _ in range(runs)]
        script = Path(folder) / "minimal.py"
        script.write_text(MINIMAL_APP)
        minimal, full = [], []
        for _ in range(runs):
            # Side by side: each pursuit start right after a minimal one.
            minimal.append(start_in_tmux(f"{PYTHON} {script}", "minimal-ready"))
            full.append(start_in_tmux(f"env PURSUIT_DB={work} {PYTHON} -m pursuit", "Pipeline ·"))
    return {
        "due": med(due),
        "list": med(listing),
        "minimal": med(minimal),
        "start": med(full),
    }


def demo(runs: int) -> dict[str, float]:
    """`pursuit demo` beside a minimal app: its first line, and its rows, from the launch."""
    med = statistics.median
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "minimal.py"
        script.write_text(MINIMAL_APP)
        minimal, line, rows = [], [], []
        for _ in range(runs):
            minimal.append(start_in_tmux(f"{PYTHON} {script}", "minimal-ready"))
            # A cache of its own each time: the day's first demo, made afresh (a later one
            # that day is a copy, with its rows in the first frame).
            cache = Path(tempfile.mkdtemp(dir=folder))
            window = Tmux(f"XDG_CACHE_HOME={cache} {PYTHON} -m pursuit demo")
            try:
                line.append(window.wait_for("Making the demo"))
                rows.append(window.wait_for("Northwind Analytics"))
            finally:
                window.close()
    return {"minimal": med(minimal), "line": med(line), "rows": med(rows)}


def large(apps: int, runs: int, idle_seconds: float) -> dict[str, object]:
    """Start, memory, idle cost, key presses and ticks on the big database."""
    med = statistics.median
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "bench.db"
        shutil.copyfile(database(apps), work)
        env = {**os.environ, "PURSUIT_DB": str(work)}
        pursuit = [PYTHON, "-m", "pursuit"]
        timed([*pursuit, "list", "--stage", "offer"], env)  # brings an older file up to date
        # The shortest ticker the settings allow, so the idle window holds several ticks.
        timed([*pursuit, "config", "set", "ticker_seconds", "5"], env)
        first, loaded, memory, idle = [], [], [], []
        for run in range(runs):
            window = Tmux(f"env PURSUIT_DB={work} {PYTHON} -m pursuit")
            try:
                first.append(window.wait_for("Pipeline ·"))
                loaded.append(window.wait_for(" shown · "))
                pid = window.pid()
                # The store opens, the first tick runs and the day's backup is written.
                time.sleep(1.0 if run else 8.0)
                memory.append(resident_mb(pid))
                if run == 0:
                    before = cpu_seconds(pid)
                    time.sleep(idle_seconds)
                    idle.append((cpu_seconds(pid) - before) / idle_seconds)
                    memory[-1] = max(memory[-1], resident_mb(pid))
            finally:
                window.close()
        keys = subprocess.run(
            [PYTHON, str(HERE / "keys.py"), str(work)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return {
        "first": med(first),
        "loaded": med(loaded),
        "memory": max(memory),
        "idle": idle[0],
        "keys": json.loads(keys.strip().splitlines()[-1]),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large", type=int, default=100_000, help="applications (0: skip)")
    parser.add_argument("--idle", type=float, default=30.0, help="seconds of idle to measure")
    args = parser.parse_args()
    # As an installed wheel has them (pip compiles at install): a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile pursuit from source at every start.
    import pursuit

    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(Path(pursuit.__file__).parent)], check=True
    )
    s = small(args.runs)
    print(f"\npursuit bench, medians of {args.runs} runs\n")
    print("10,000 applications")
    print(f"  pursuit due --json        {s['due'] * 1000:7.0f} ms     target 250 ms")
    print(f"  pursuit list --json       {s['list'] * 1000:7.0f} ms     target 400 ms")
    print(f"  minimal Textual app       {s['minimal'] * 1000:7.0f} ms     to its text (tmux)")
    print(f"  pursuit                   {s['start'] * 1000:7.0f} ms     to the first rows (tmux)")
    ratio = s["start"] / s["minimal"]
    print(f"  start ratio               {ratio:7.2f}        target 1.30")
    d = demo(args.runs)
    print("\npursuit demo")
    print(f"  minimal Textual app       {d['minimal'] * 1000:7.0f} ms     to its text (tmux)")
    print(f"  'Making the demo…' line   {d['line'] * 1000:7.0f} ms     its first frame")
    print(f"  the demo's rows           {d['rows'] * 1000:7.0f} ms")
    print(f"  demo ratio                {d['rows'] / d['minimal']:7.2f}        target 2.00")
    typing = json.loads(
        subprocess.run(
            [PYTHON, str(HERE / "writing.py")], capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    print("\ntyping, CPU per key (bench/writing.py)")
    for name, title in (("notes", "application notes"), ("draft", "draft body")):
        for length in (0, 10_000):
            t = typing[f"{name} {length}"]
            print(
                f"  {title + f', {length:,} chars':<26}{t['median_ms']:6.1f} ms median, "
                f"{t['p99_ms']:.1f} ms p99 (n={t['n']})   target 16 ms, as in an empty one"
            )
    if args.large:
        big = large(args.large, args.runs, args.idle)
        k: dict[str, Any] = big["keys"]  # type: ignore[assignment]
        print(f"\n{args.large:,} applications")
        print(f"  first rows                {big['first'] * 1000:7.0f} ms     target 1000 ms")
        print(f"  every row loaded          {big['loaded'] * 1000:7.0f} ms")
        print(f"  resident memory           {big['memory']:7.0f} MB     target 200 MB")
        print(
            f"  idle, ticker every 5 s    {big['idle'] * 100:7.2f} %      of one core, target 1 %"
        )
        for name, title in (
            ("keys", "key press, all"),
            ("moves", "  cursor and page"),
            ("filter", "  filter keystroke"),
            ("sort", "  sort and reverse"),
        ):
            print(
                f"  {title:<24}{k[name]['median_ms']:7.1f} ms CPU median, "
                f"{k[name]['p99_ms']:.1f} ms p99 (n={k[name]['n']})   target 16 / 50 ms"
            )
        t = k["tick"]
        print(
            f"  one tick                  {t['median_ms']:7.1f} ms CPU median, "
            f"{t['p99_ms']:.1f} ms p99    target 10 ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
