"""CPU time per key press and per tick, with the app on a big database (run by bench.py).

    python bench/keys.py DATABASE

Runs the real app headless (Textual still lays out and renders every frame; only the output
is thrown away), waits until every application is loaded, then presses keys as a person
would and reads the process's CPU time around each one. Prints one JSON object.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.tour import settle


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(samples) * 1000, 2),
        "p99_ms": round(p99 * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


async def measure(path: Path) -> dict[str, object]:
    clock = FixedClock(datetime.now().astimezone())
    app = PursuitApp(path, clock, tick_seconds=3600)
    results: dict[str, object] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PipelineScreen) and screen.loaded
        results["applications"] = len(screen.view)

        async def press(keys: list[str]) -> list[float]:
            samples = []
            for key in keys:
                started = time.process_time()
                await pilot.press(key)
                await pilot.pause()
                samples.append(time.process_time() - started)
            return samples

        moves = await press(["down"] * 60 + ["pagedown"] * 40 + ["up"] * 20 + ["pageup"] * 20)
        await pilot.press("slash")
        typing = await press(list("northwind 4") + ["backspace"] * 4 + list("12"))
        await pilot.press("escape")
        await settle(pilot)
        keys = moves + typing
        results["keys"] = summary(keys)
        results["moves"] = summary(moves)
        results["filter"] = summary(typing)
        # The first sort by a column orders every application; later ones reuse it.
        first_sort = await press(["o"])
        await press(["o"] * 5)  # every other column sorted once
        again = await press(["o"] * 6 + ["r"] * 4)
        results["first_sort_ms"] = round(first_sort[0] * 1000, 1)
        results["sort_again"] = summary(again)
        await settle(pilot)

        ticks, whole = [], []
        for _ in range(20):
            clock.advance(seconds=30)
            started = time.process_time()
            app.tick()
            await settle(pilot)
            whole.append(time.process_time() - started)
            ticks.append(sum(app.tick_cpu))
        # The tick's own work (its queries, then its handling and the restyle it sets off)...
        results["tick"] = summary(ticks)
        # ...and everything the process did meanwhile, the test harness's waiting included.
        results["tick_with_harness"] = summary(whole)
    return results


def main() -> int:
    print(json.dumps(asyncio.run(measure(Path(sys.argv[1])))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
