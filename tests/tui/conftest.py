"""Fixtures for driving the app with Pilot: a demo database, a fixed clock, a settle helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from tests.tour import open_interview, settle

__all__ = ["SIZE", "open_interview", "settle"]

SIZE = (120, 40)


@pytest.fixture
def demo_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, demo=True, tick_seconds=3600)


@pytest.fixture
def empty_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    return PursuitApp(db_path, clock, tick_seconds=3600)
