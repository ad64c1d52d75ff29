"""fixed_clock_pursuit.py, with the busy wait per write attempt shortened for a test.

`PURSUIT_BUSY_TIMEOUT` (seconds) sets how long each write waits for another program's lock
before it counts as busy (15 s otherwise): a test of a busy file then takes seconds, not minutes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fixed_clock_pursuit import main

if __name__ == "__main__":
    seconds = os.environ.get("PURSUIT_BUSY_TIMEOUT")
    if seconds:
        from pursuit.store import db

        db.BUSY_TIMEOUT_MS = int(float(seconds) * 1000)
    raise SystemExit(main(sys.argv[1:]))
