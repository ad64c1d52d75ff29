"""The job description in the app: on the application screen, and one key from the checklist's
"Reread the job description" item, in the list and in walk mode."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import OptionList

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.checklist import ChecklistScreen
from pursuit.tui.screens.job_description import JobDescriptionScreen
from pursuit.tui.screens.key_help import keys_of
from pursuit.tui.screens.walk import WalkScreen
from tests.tour import screen_text

from .conftest import SIZE, open_interview, settle

#: Long enough to scroll in the application screen's pane and on a screen of its own.
DESCRIPTION = "\n".join(
    ["About the role", "", "Northwind builds [bold]pipelines[/bold] for \x1b[31mretail."]
    + [f"• Responsibility number {n}: keep the data flowing" for n in range(1, 61)]
)


def describe(app: PursuitApp, company: str, text: str = DESCRIPTION) -> int:
    assert app.store is not None
    found = next(r for r in app.store.views.applications() if r.company.startswith(company))
    app.store.applications.update_application(found.id, description=text)
    return found.id


async def open_application(pilot, name: str) -> ApplicationScreen:
    await pilot.press("slash", *name, "enter", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationScreen)
    return screen


def scrolled(screen, selector: str) -> VerticalScroll:
    return screen.query_one(selector, VerticalScroll)


async def test_the_application_screen_shows_the_description_scrollable(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        describe(demo_app, "Northwind")
        screen = await open_application(pilot, "northwind")
        text = screen_text(pilot)
        assert "Job description  (j: read it whole)" in text
        # Outside text as typed: no markup read, no control sent.
        assert "Northwind builds [bold]pipelines[/bold] for ␛[31mretail." in text
        pane = scrolled(screen, "#app-description")
        assert pane.can_focus and pane.max_scroll_y > 0
        # Reached from the keyboard: tab through the lists to it, then it scrolls.
        for _ in range(8):
            if pane.has_focus:
                break
            await pilot.press("tab")
        assert pane.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0


async def test_j_reads_it_whole_and_escape_comes_back(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        describe(demo_app, "Northwind")
        screen = await open_application(pilot, "northwind")
        assert ("j", "Description") in [
            (key, what) for _group, keys in keys_of(screen) for key, what, _tip in keys
        ]
        await pilot.press("j")
        await settle(pilot)
        reading = demo_app.screen
        assert isinstance(reading, JobDescriptionScreen)
        text = screen_text(pilot)
        assert "Northwind Analytics" in text and "Responsibility number 1:" in text
        body = scrolled(reading, "#description-body")
        assert body.has_focus and body.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        assert "Responsibility number 60:" in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert demo_app.screen is screen


async def test_without_a_description_the_screen_says_so(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        describe(demo_app, "Northwind", "")  # the demo keeps one for it
        screen = await open_application(pilot, "northwind")
        assert "None kept." in screen_text(pilot)
        assert not scrolled(screen, "#app-description").can_focus
        await pilot.press("j")
        await settle(pilot)
        assert demo_app.screen is screen
        assert any("No job description is kept" in n.message for n in demo_app._notifications)


async def open_checklist(pilot) -> ChecklistScreen:
    await open_interview(pilot)
    await pilot.press("f3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ChecklistScreen)
    return screen


def reread_index(screen: ChecklistScreen) -> int:
    items = screen.query_one(OptionList)
    return next(
        i
        for i in range(items.option_count)
        if "Reread the job description" in str(items.get_option_at_index(i).prompt)
    )


async def test_the_checklist_item_is_one_key_from_the_description(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        describe(demo_app, "Northwind")
        await open_application(pilot, "northwind")
        checklist = await open_checklist(pilot)
        items = checklist.query_one(OptionList)
        index = reread_index(checklist)
        assert str(items.get_option_at_index(index).prompt).endswith("(j: read it here)")
        assert ("j", "Description") in [
            (key, what) for _group, keys in keys_of(checklist) for key, what, _tip in keys
        ]
        items.highlighted = index
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(demo_app.screen, JobDescriptionScreen)
        assert "Responsibility number 1:" in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert demo_app.screen is checklist

        # In walk mode, on that item: the card says so, and the same key opens it.
        items.highlighted = index
        await pilot.press("w")
        await settle(pilot)
        walk = demo_app.screen
        assert isinstance(walk, WalkScreen)
        assert walk.current.text == "Reread the job description"
        assert "j: read it here" in screen_text(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(demo_app.screen, JobDescriptionScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert demo_app.screen is walk and not walk.finished


async def test_a_checklist_without_a_description_does_not_offer_it(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        describe(demo_app, "Northwind", "")  # the demo keeps one for it
        await open_application(pilot, "northwind")
        checklist = await open_checklist(pilot)
        items = checklist.query_one(OptionList)
        index = reread_index(checklist)
        assert "read it here" not in str(items.get_option_at_index(index).prompt)
        items.highlighted = index
        await pilot.press("j")
        await settle(pilot)
        assert demo_app.screen is checklist
        assert any("No job description is kept" in n.message for n in demo_app._notifications)
