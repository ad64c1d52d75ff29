"""The command line's writes against jobhound's `jh new`, measured side by side in one run.

    python bench/writes.py [--runs 7] [--apps 1000] [--jh /tmp/jh-venv/bin/jh]

Each round runs every pursuit write command once on a copy of a database of APPS applications
made through the store (bench.py's generator, cached in bench/.data/), each right after a
`jh new` in a scratch HOME, so that both see the same load on a shared machine. Prints the
medians and each command's ratio to `jh new` (target: 1.0 or less). jobhound is installed on
its own (`python -m venv /tmp/jh-venv && /tmp/jh-venv/bin/pip install jobhound`); without it
only pursuit's figures are printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import PYTHON, database

#: A command's argv after `pursuit`, given the round number and the scratch database.
Argv = Callable[[int, Path], list[str]]


def _pending(db: Path, action: str, skip: int) -> int:
    """An application with a pending ACTION (the SKIP-th), read before the command runs."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT application_id FROM follow_up WHERE action = ? "
            "GROUP BY application_id ORDER BY application_id LIMIT 1 OFFSET ?",
            (action, skip),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        raise SystemExit(f"no application has a pending {action} to dismiss")
    return int(row[0])


def _dismiss(round_: int, db: Path) -> list[str]:
    return ["dismiss", str(_pending(db, "application-check-in", 0)), "application-check-in"]


FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def _invite(round_: int, db: Path) -> list[str]:
    """A Google Calendar invitation, a new event each round, for an application given."""
    text = (FIXTURES / "invitations" / "google-meet.ics").read_text()
    ics = db.with_name(f"invite-{round_}.ics")
    ics.write_text(text.replace("UID:6f1c2e9a0b7d4c3e@google.com", f"UID:bench-{round_}@google"))
    return ["invite", str(ics), "--app", str(41 + round_)]


def _add_from(round_: int, _db: Path) -> list[str]:
    # A saved page (JSON-LD): what is timed is reading and parsing it and the write, no network.
    return ["add", "--from", str(FIXTURES / "postings" / "json-ld-graph.html"), "--again"]


#: Each write command, with arguments that change something every round.
WRITES: dict[str, Argv] = {
    "add": lambda i, _db: ["add", f"Bench Co {i}", "Platform Engineer", "--source", "LinkedIn"],
    "stage": lambda i, _db: ["stage", str(11 + i), "screening"],
    "interview": lambda i, _db: [
        "interview",
        str(21 + i),
        "--at",
        "tomorrow 10:00",
        "--with",
        "Ann Lee",
    ],
    "log": lambda i, _db: ["log", str(31 + i), "heard", "--note", "They wrote back"],
    "dismiss": _dismiss,
    "invite": _invite,
    "add --from (saved page)": _add_from,
    "config set": lambda i, _db: ["config", "set", "my_name", f"Sam {i}"],
    "config set (timing)": lambda i, _db: ["config", "set", "move_on_days", str(8 + i % 2)],
}


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; the CPU counts what it waited for (jh's git)
    and varies less than the wall clock on a shared machine."""
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode().strip()}")
    return elapsed, _children_cpu() - cpu


def jh_env(home: Path) -> dict[str, str]:
    """A scratch HOME for jobhound: its data folder is a git repository it commits to."""
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }


Figures = tuple[float, float]


def measure(runs: int, apps: int, jh: str | None) -> tuple[dict[str, Figures], Figures | None]:
    pursuit = [str(Path(PYTHON).with_name("pursuit"))]
    if not Path(pursuit[0]).exists():
        pursuit = [PYTHON, "-m", "pursuit"]
    times: dict[str, list[Figures]] = {name: [] for name in WRITES}
    jh_times: list[Figures] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "bench.db"
        shutil.copyfile(database(apps), work)
        env = {**os.environ, "PURSUIT_DB": str(work)}
        jh_home = Path(folder) / "jh-home"
        subprocess.run([*pursuit, "list"], env=env, check=True, stdout=subprocess.DEVNULL)
        if jh:
            # jobhound's first run makes its folder and repository: not what is measured.
            timed([jh, "new", "--company", "Warm up", "--role", "Dev"], jh_env(jh_home))
        for i in range(runs):
            for name, argv in WRITES.items():
                if jh:
                    jh_times.append(
                        timed(
                            [jh, "new", "--company", f"Bench {name} {i}", "--role", "Dev"],
                            jh_env(jh_home),
                        )
                    )
                times[name].append(timed([*pursuit, *argv(i, work)], env))
    return {name: _medians(t) for name, t in times.items()}, (
        _medians(jh_times) if jh_times else None
    )


def _medians(runs: list[Figures]) -> Figures:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--apps", type=int, default=1000)
    parser.add_argument("--jh", default=shutil.which("jh") or "/tmp/jh-venv/bin/jh")
    args = parser.parse_args()
    jh = args.jh if Path(args.jh).exists() else None
    import pursuit

    # As an installed wheel has them: a checkout would otherwise compile at every start.
    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(Path(pursuit.__file__).parent)], check=True
    )
    ours, theirs = measure(args.runs, args.apps, jh)
    print(f"\nWrite commands, {args.apps:,} applications, medians of {args.runs} runs")
    print(f"  {'':<32}{'wall':>7}    {'CPU':>7}    ratio to jh new (wall, CPU; target 1.00)")
    if theirs is None:
        print("  (jobhound not found: pass --jh PATH to compare)")
    else:
        print(f"  {'jh new (jobhound)':<32}{theirs[0] * 1000:7.0f} ms {theirs[1] * 1000:7.0f} ms")
    for name, (wall, cpu) in ours.items():
        line = f"  {'pursuit ' + name:<32}{wall * 1000:7.0f} ms {cpu * 1000:7.0f} ms"
        if theirs:
            line += f"    {wall / theirs[0]:4.2f}  {cpu / theirs[1]:4.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
