"""A real import that stops inside a batch: import_child.py DB SHEET ISO-MOMENT STOP-AFTER.

After STOP-AFTER applications have been written (inside the transaction of the batch that
holds them, not yet committed) it prints "midway" and waits on stdin, so the test can kill it
there without sleeping.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path


def main(db: str, sheet: str, moment: str, stop_after: str) -> int:
    from pursuit.domain.clock import FixedClock
    from pursuit.store import import_writer
    from pursuit.store.importer import rows_of
    from pursuit.store.repo import Store

    clock = FixedClock(datetime.fromisoformat(moment))
    add = import_writer.Known.add
    written = [0]

    def counting(self: import_writer.Known, *key: object) -> None:
        add(self, *key)  # type: ignore[arg-type]
        written[0] += 1
        if written[0] == int(stop_after):
            print("midway", flush=True)
            sys.stdin.readline()

    import_writer.Known.add = counting  # type: ignore[method-assign]
    store = Store.open(Path(db), clock)
    store.transfer.import_applications(rows_of(Path(sheet), clock.now()), source=Path(sheet).name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
