"""A real backup that stops mid-copy: backup_child.py DB ISO-MOMENT.

After the first step of SQLite's copy it prints "copying" and waits on stdin, so the test can
kill it at a known point of the copy without sleeping.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path


def main(db: str, moment: str) -> int:
    from pursuit.store.backup import backup

    def halfway(_status: int, remaining: int, _total: int) -> None:
        if remaining:
            print("copying", flush=True)
            sys.stdin.readline()

    backup(Path(db), datetime.fromisoformat(moment), progress=halfway)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
