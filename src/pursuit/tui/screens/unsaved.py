"""The question asked when quitting with writes the database file would not take."""

from __future__ import annotations

from pursuit.tui.screens.confirm import Confirm


class UnsavedOnQuit(Confirm):
    """Its own class so that pressing q again while it is open does not ask twice."""
