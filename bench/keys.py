"""CPU time per key press and per tick, with the app on a big database (run by bench.py).

    python bench/keys.py DATABASE [ROUNDS]

Key presses are measured in a real terminal: the app runs in a tmux window and the keys are
typed into it with `tmux send-keys`, a key at a time, as a person would (the same keys
ROUNDS times, 3 unless told). Inside the app a hook
reads the process's CPU time when Textual receives the key and again when the frame it caused
has been handed to the terminal: that span is the cost of handling the key (its action, the
layout, the render and the escape codes), with no test harness in it.

Ticks are measured headless, on a clock moved 30 s at a time: the app's own `tick_cpu` (the
tick's queries in the worker, then its handling in the app). Prints one JSON object.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import Tmux  # this folder is on the path when run as a script

HERE = Path(__file__).resolve().parent


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(samples) * 1000, 2),
        "p99_ms": round(p99 * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


# --- inside the app --------------------------------------------------------------------------


def install_hooks(out: Path) -> None:
    """Write to OUT the process's CPU time at each key the app receives (`key NAME CPU`) and
    at each frame it hands to the terminal (`frame CPU`)."""
    from textual import events
    from textual.app import App

    record = out.open("a", buffering=1)
    on_event = App.on_event
    display = App._display

    async def timed_on_event(self: App[None], event: events.Event) -> None:
        if isinstance(event, events.Key):
            record.write(f"key {event.key} {time.process_time():.6f}\n")
        await on_event(self, event)

    def timed_display(self: App[None], screen: object, renderable: object) -> None:
        display(self, screen, renderable)  # type: ignore[arg-type]
        if renderable is not None:
            record.write(f"frame {time.process_time():.6f}\n")

    App.on_event = timed_on_event  # type: ignore[method-assign]
    App._display = timed_display  # type: ignore[method-assign]


def serve(database: Path, out: Path) -> None:
    """Run the app with the hooks of `install_hooks`."""
    from pursuit.tui.app import PursuitApp

    install_hooks(out)
    # A ticker that never fires while keys are typed: ticks are measured on their own.
    PursuitApp(database, tick_seconds=3600).run()


# --- driving it ------------------------------------------------------------------------------


def press_all(database: Path, rounds: int) -> dict[str, list[float]]:
    out = database.with_suffix(".keys")
    out.unlink(missing_ok=True)
    out.touch()
    command = f"{sys.executable} {Path(__file__).resolve()} --serve {database} {out}"
    window = Tmux(command)
    samples: dict[str, list[float]] = {}

    def press(group: str, keys: list[str]) -> None:
        for key in keys:
            before = len(out.read_text().splitlines())
            window.send(key)
            # A key is handled when its last frame is out: wait until the frames stop (a
            # filter keystroke shows the letter first, then the rows).
            deadline, lines = time.monotonic() + 5, [""] * before
            while time.monotonic() < deadline:
                time.sleep(0.15)
                now = out.read_text().splitlines()
                if len(now) == len(lines) and len(now) > before + 1:
                    break
                lines = now
            mine = lines[before:]
            frames = [float(line.split()[1]) for line in mine if line.startswith("frame ")]
            received = [float(line.split()[2]) for line in mine if line.startswith("key ")]
            if received and frames:  # none when the key changed nothing (home at the top)
                samples.setdefault(group, []).append(frames[-1] - received[0])

    try:
        window.wait_for(" shown · ", timeout=120)
        time.sleep(3)  # the store opens, the first tick runs, the orders are made
        for _ in range(rounds):
            press("moves", ["Down"] * 60 + ["PageDown"] * 40 + ["Up"] * 20 + ["PageUp"] * 20)
            press("other", ["/"])
            press("filter", [*"northwind", "Space", "4", *["BSpace"] * 4, "1", "2"])
            press("other", ["Escape"])
            press("sort", ["o"] * 12 + ["r"] * 4)
            press("other", ["Home"])
    finally:
        window.close()
        out.unlink(missing_ok=True)
    return samples


async def ticks(database: Path) -> dict[str, float]:
    from pursuit.domain.clock import FixedClock
    from pursuit.tui.app import PursuitApp

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tour is in tests/
    from tests.tour import settle

    clock = FixedClock(datetime.now().astimezone())
    app = PursuitApp(database, clock, tick_seconds=3600)
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(20):
            clock.advance(seconds=30)
            app.tick()
            await settle(pilot)
            samples.append(sum(app.tick_cpu))
    return summary(samples)


def main() -> int:
    if sys.argv[1] == "--serve":
        serve(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    database = Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    keys = press_all(database, rounds)
    results: dict[str, object] = {name: summary(values) for name, values in keys.items()}
    results["keys"] = summary(keys["moves"] + keys["filter"] + keys["sort"])
    results["tick"] = asyncio.run(ticks(database))
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
