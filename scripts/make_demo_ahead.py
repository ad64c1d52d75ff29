"""Write src/pursuit/store/demo_ahead.sql: the demo's data made ahead (see store/demo_ahead.py).

Run after changing the demo's data, the schema or the rules; tests/store/test_demo_ahead.py
fails until the shipped file is what the seed gives.
"""

from __future__ import annotations

import os
import time

os.environ["TZ"] = "UTC"
time.tzset()

from pursuit.store.demo_ahead import DATA, write_reference  # noqa: E402

if __name__ == "__main__":
    write_reference(DATA)
    print(f"wrote {DATA}")
