"""Regenerate screenshots/*.svg from the real app on demo data at a fixed moment.

    python scripts/screenshots.py [NAME...]

The clock is frozen at Wednesday 18 November 2026, 10:00 UTC so the pictures only change when
the screens do. The keys that reach each screen are the tour in tests/tour.py.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ["TZ"] = "UTC"
time.tzset()
# The tour lives with the tests (it is test and screenshot tooling, not part of the app).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.tour import quiet, settle, visit  # noqa: E402

from pursuit.domain.clock import FixedClock  # noqa: E402
from pursuit.tui.app import PursuitApp  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "screenshots"
MOMENT = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
SIZE = (120, 36)
SHOTS = (
    "pipeline",
    "today",
    "application",
    "interview",
    "draft",
    "checklist",
    "walk",
    "insights",
    "settings",
    "form",
)


async def shoot(name: str) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        app = PursuitApp(Path(folder) / "demo.db", FixedClock(MOMENT), demo=True, tick_seconds=3600)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await visit(pilot, name)
            quiet(pilot)
            await pilot.pause()
            return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


def main(names: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    for name in names or SHOTS:
        print(asyncio.run(shoot(name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
