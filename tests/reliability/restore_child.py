"""A real restore that stops when its database is written but not yet in place:
restore_child.py DB DUMP ISO-MOMENT. It prints "written" and waits on stdin, so the test can
kill it at that point without sleeping.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path


def main(db: str, dump: str, moment: str) -> int:
    from pursuit.domain.clock import FixedClock
    from pursuit.store import restoring

    real_fsync = os.fsync

    def written(fd: int) -> None:
        real_fsync(fd)
        print("written", flush=True)
        sys.stdin.readline()

    restoring.os.fsync = written  # type: ignore[attr-defined]
    clock = FixedClock(datetime.fromisoformat(moment))
    restoring.restore_file(Path(dump).read_text(), Path(db), clock, Path(dump).name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
