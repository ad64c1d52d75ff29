"""Shared fixtures: a fixed clock, stores of every kind, and UTC as the local zone."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Local time is part of the rules (a wait falls due at local midnight); pin it for every test.
os.environ["TZ"] = "UTC"
time.tzset()
# The terminals tests open give their own size; pytest-xdist's workers set COLUMNS=80 and
# LINES=24, which every app a test starts would take for its terminal's size.
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)
# The demo keeps the day's data in the user's cache: the tests' own, not the user's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="pursuit-tests-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)

from pursuit.domain.clock import FixedClock, SystemClock  # noqa: E402
from pursuit.store.repo import Store  # noqa: E402
from tests.support.processes import children  # noqa: E402, F401  (a fixture)

#: A Wednesday morning.
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_real_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that reads the real clock passes or fails by the hour it runs at: refuse it."""

    def refuse(self: object) -> datetime:
        raise AssertionError("a test read the real clock; give it the `clock` fixture")

    monkeypatch.setattr(SystemClock, "now", refuse)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "pursuit.db"


@pytest.fixture
def store(db_path: Path, clock: FixedClock) -> Iterator[Store]:
    s = Store.open(db_path, clock)
    yield s
    s.close()


@pytest.fixture
def demo_store(db_path: Path, clock: FixedClock) -> Iterator[Store]:
    from pursuit.store.demo import seed

    s = Store.open(db_path, clock)
    seed(s)
    yield s
    s.close()


# CI explores the same examples every run, so that a red build always means a change broke
# something; local runs keep exploring new ones (and remember what they find).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that start real processes take turns on one worker, beside the in-process ones."""
    for item in items:
        if "children" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("real-processes"))
