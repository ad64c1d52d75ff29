"""Write tests/fixtures/schema-N.db: the demo data as this version of pursuit stores it.

Run once whenever a migration is added (before adding it), so that every schema version has a
database made by the version that introduced it; tests/reliability/test_old_databases.py opens
each one with the current code.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ["TZ"] = "UTC"
time.tzset()

from pursuit.domain.clock import FixedClock  # noqa: E402
from pursuit.store import db  # noqa: E402
from pursuit.store.demo import seed  # noqa: E402
from pursuit.store.repo import Store  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main() -> int:
    target = FIXTURES / f"schema-{db.LATEST}.db"
    if target.exists():
        print(f"{target} exists; fixtures are never remade", file=sys.stderr)
        return 1
    store = Store.open(target, FixedClock(datetime(2026, 11, 18, 10, tzinfo=UTC)))
    seed(store)
    with store.reader() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
