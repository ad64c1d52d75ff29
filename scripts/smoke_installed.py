"""Start the installed app headless on demo data and check the pipeline painted.

Run from outside the checkout so that the installed package, not src/, is imported.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path


async def main() -> int:
    import pursuit
    from pursuit.paths import styles_dir
    from pursuit.tui.app import PursuitApp

    where = Path(pursuit.__file__).resolve()
    if "site-packages" not in str(where):
        print(f"smoke: pursuit imported from {where}, not an installed copy", file=sys.stderr)
        return 1
    if not (styles_dir() / "app.tcss").is_file():
        print(f"smoke: no styles in {styles_dir()}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        app = PursuitApp(Path(folder) / "demo.db", demo=True, tick_seconds=3600)
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(20):
                await app.workers.wait_for_complete()
                await pilot.pause()
            rows = len(app.pipeline_rows)
    if rows < 12:
        print(f"smoke: the pipeline shows {rows} applications", file=sys.stderr)
        return 1
    print(f"smoke: installed pursuit {pursuit.__version__} started, {rows} applications shown")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
