"""The picker an invitation asks with: rows told apart, and any other application reachable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import OptionList

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application_picker import ApplicationPicker
from pursuit.tui.screens.import_invitation import ImportInvitationScreen

from .conftest import SIZE, settle
from .test_import_invitation import interviews, read_file, shown

ROLE = ("Northwind Analytics", "Senior Data Engineer")


def twice_the_same_role(db_path: Path, clock: FixedClock) -> tuple[int, int, int]:
    """The same company and role applied for twice (in September again), and Lumen Health."""
    store = Store.open(db_path, clock)
    try:
        store.settings.set_many({"my_name": "Alex Morgan", "my_email": "alex.morgan@gmail.com"})
        add = store.applications.add_application
        old = add(*ROLE, applied_on=date(2026, 9, 14))
        new = add(*ROLE, stage="screening", applied_on=date(2026, 11, 2))
        lumen = add("Lumen Health", "Platform Engineer", applied_on=date(2026, 11, 4))
        return old, new, lumen
    finally:
        store.close()


def rows(picker: ApplicationPicker) -> list[str]:
    listed = picker.query_one(OptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def test_two_rows_of_the_same_company_and_role_say_their_stage_day_and_number(
    db_path: Path, clock: FixedClock
):
    old, new, _lumen = twice_the_same_role(db_path, clock)
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await read_file(pilot, "google-meet.ics")
        picker = app.screen
        assert isinstance(picker, ApplicationPicker)
        first, second, *_ = rows(picker)
        assert first != second
        for line, number, stage in (
            (first, old, "Applied Mon 14 Sep"),
            (second, new, "Screening · applied Mon 2 Nov"),
        ):
            head, facts, _why = line.split("\n")
            assert head == f"Northwind Analytics · Senior Data Engineer  (#{number})"
            assert facts == f"  {stage}", facts

        await pilot.press("down", "enter")  # the newer one
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportInvitationScreen)
        # The preview names the one chosen as precisely.
        assert f"Senior Data Engineer  (#{new})" in shown(screen, "preview")


async def test_another_application_opens_every_other_one_and_saves_there(
    db_path: Path, clock: FixedClock
):
    old, new, lumen = twice_the_same_role(db_path, clock)
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await read_file(pilot, "google-meet.ics")
        candidates = app.screen
        assert isinstance(candidates, ApplicationPicker)
        assert rows(candidates)[-2].startswith("Another application…")
        assert rows(candidates)[-1].startswith("A new application…")
        await pilot.press("end", "up", "enter")
        await settle(pilot)
        everyone = app.screen
        assert isinstance(everyone, ApplicationPicker) and everyone is not candidates
        listed = everyone.query_one(OptionList)
        assert [listed.get_option_at_index(i).id for i in range(listed.option_count)] == [
            str(lumen)
        ]

        await pilot.press("escape")  # back to the candidates, not out of choosing
        await settle(pilot)
        assert app.screen is candidates
        await pilot.press("end", "up", "enter")
        await settle(pilot)
        await pilot.press("enter")  # Lumen Health
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportInvitationScreen)
        assert "Lumen Health · Platform Engineer" in shown(screen, "preview")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(interviews(app, lumen)) == 1
        assert interviews(app, old) == [] and interviews(app, new) == []
