"""What the store's invitation tests share: the fixture files and a connection of the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pursuit.domain.invitations import Invitation
from pursuit.store.invitation_files import read_invitation_file
from pursuit.store.repo import Store

INVITATIONS = Path(__file__).parents[1] / "fixtures" / "invitations"
#: The suite's moment (conftest's clock), as the invitations are applied at it.
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


def inv(name: str) -> Invitation:
    """The first event of the fixture invitation NAME."""
    return read_invitation_file(str(INVITATIONS / name))[0]


@pytest.fixture
def conn(store: Store) -> Iterator[sqlite3.Connection]:
    with store.database.connection() as connection:
        yield connection
