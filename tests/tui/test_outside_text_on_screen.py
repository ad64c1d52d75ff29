"""Names with brackets and control characters in dialogs and notices: shown as typed."""

from __future__ import annotations

from pathlib import Path

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.confirm import Confirm
from tests.tour import screen_text

from .conftest import SIZE, settle

ROLE = "[Stealth] AI · ML [Platform] Engineer"


def hostile_app(db_path: Path, clock: FixedClock) -> PursuitApp:
    """The app on a file with one application whose name sets a title and holds markup."""
    store = Store.open(db_path, clock)
    store.applications.add_application("Acme\x1b]0;x\x07", ROLE)
    store.close()
    return PursuitApp(db_path, clock, tick_seconds=3600)


async def test_dialogs_and_notices_show_brackets_and_no_controls(
    db_path: Path, clock: FixedClock
) -> None:
    app = hostile_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        seen = screen_text(pilot)
        assert ROLE in seen.replace("\n", "") or "[Stealth] AI · ML [Platform]" in seen, seen
        assert "\x1b" not in seen and "␛]0;x␇" in seen
        await pilot.press("escape")
        await settle(pilot)
        app.notify(f"Archived {ROLE} [b]x[/b] \x1b[2J")
        await settle(pilot)
        [notice] = [n for n in app._notifications if "Archived" in n.message]
        assert not notice.markup and notice.message.endswith("[b]x[/b] ␛[2J")


async def test_the_palette_shows_names_as_typed(db_path: Path, clock: FixedClock) -> None:
    app = hostile_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"stealth")
        await settle(pilot)
        seen = screen_text(pilot)
        assert "[Stealth] AI · ML [Platform]" in seen, seen
        assert "\x1b" not in seen and "Acme␛]0;x␇" in seen
