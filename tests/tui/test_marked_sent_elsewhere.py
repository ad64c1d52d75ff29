"""`s` on a follow-up that another window or the command line answered meanwhile (Today not
yet ticked) does not log the message a second time, and says so."""

from __future__ import annotations

import sqlite3

from textual.widgets import DataTable

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.today import TodayScreen

from .conftest import SIZE, settle


async def test_marking_sent_what_was_logged_elsewhere_meanwhile_logs_nothing(
    demo_app: PursuitApp,
) -> None:
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(demo_app.screen, TodayScreen)
        table = demo_app.screen.query_one("#today-due", DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        hannah = next(i for i, c in enumerate(cells) if c[3] == "Hannah Lee")
        store = demo_app.store
        assert store is not None
        [northwind] = [a.id for a in store.views.applications() if a.company.startswith("North")]

        def thank_yous() -> int:
            with sqlite3.connect(demo_app.db_path) as conn:
                (n,) = conn.execute(
                    "SELECT count(*) FROM activity a JOIN contact c ON c.id = a.contact_id "
                    "WHERE a.application_id = ? AND a.kind = 'sent-thank-you' AND c.name = ?",
                    (northwind, "Hannah Lee"),
                ).fetchone()
            return int(n)

        before = thank_yous()
        # Another program logs it; Today has not ticked since, so the row is still listed.
        store.applications.log_event(northwind, "sent-thank-you", contact="Hannah Lee")
        assert thank_yous() == before + 1
        table.move_cursor(row=hannah)
        await pilot.press("s")
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert thank_yous() == before + 1, "the thank-you was logged a second time"
        notices = [n.message for n in demo_app._notifications]
        assert any("already logged" in m and "not logged again" in m for m in notices), notices
