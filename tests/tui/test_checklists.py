"""Preparing for an interview: the checklist, walk mode, templates, and the prepare flag."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, TextArea

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.checklist import ChecklistScreen
from pursuit.tui.screens.checklist_templates import ChecklistTemplatesScreen
from pursuit.tui.screens.confirm import Confirm
from pursuit.tui.screens.interview import InterviewScreen
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.screens.walk import WalkScreen
from tests.tour import screen_text

from .conftest import SIZE, open_interview, settle


def option_texts(screen, selector: str = "#checklist-items") -> list[str]:
    widget = screen.query_one(selector, OptionList)
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


async def record_video_panel(pilot) -> None:
    await pilot.press("slash", *"fernleaf", "enter", "enter")
    await settle(pilot)
    await pilot.press("i")
    form = pilot.app.screen
    form.query_one("#f-when", Input).value = "in 2 days"
    form.query_one("#f-kind").value = "panel"
    form.query_one("#f-location", Input).value = "https://meet.example.com/fern"
    form.query_one("#f-interviewers", Input).value = "Mia Wong, Raj Patel"
    await pilot.press("ctrl+s")
    await settle(pilot)
    await open_interview(pilot)
    assert isinstance(pilot.app.screen, InterviewScreen)
    await pilot.press("f3")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChecklistScreen)


async def test_a_video_panel_checklist_and_walking_it(
    demo_app: PursuitApp, db_path: Path, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await record_video_panel(pilot)
        screen = demo_app.screen
        texts = option_texts(screen)
        for expected in (
            "The company",
            "Setting up",
            "The panel",
            "Look up Mia Wong",
            "Look up Raj Patel",
            "Test your connection",
            "Research each panelist",
        ):
            assert any(expected in t for t in texts), expected
        assert not any("Getting there" in t for t in texts)  # not in person
        assert not any("Debrief" in t for t in texts)  # it has not happened yet
        first = screen.rows[0]

        await pilot.press("w")
        walk = demo_app.screen
        assert isinstance(walk, WalkScreen)
        assert walk.current.id == first.id
        await pilot.press("space")  # done
        second = walk.current
        await pilot.press("s")  # skip
        third = walk.current
        await pilot.press("b")  # back to the skipped one
        assert walk.current.id == second.id
        await pilot.press("n", *"Ask about on-call")
        await pilot.press("escape")  # out of the notes, still walking
        assert isinstance(demo_app.screen, WalkScreen)
        await pilot.press("s")
        assert walk.current.id == third.id
        for _ in range(len(walk.rows) - 2):
            await pilot.press("s")
        await settle(pilot)
        assert walk.finished
        summary = str(walk.query_one("#walk-summary").render())
        assert "Skipped:" in summary and second.text in summary
        # No empty item card above the summary, and the footer offers only what acts there.
        assert not walk.query_one("#walk-item").display
        footer_keys = {b.binding.action for b in walk.active_bindings.values()}
        assert {"done", "skip", "notes"}.isdisjoint(footer_keys), footer_keys
        await pilot.press("space")  # nothing to mark on the summary
        assert walk.finished and isinstance(demo_app.screen, WalkScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, ChecklistScreen)
        states = {r.id: (r.state, r.notes) for r in demo_app.screen.rows}
        assert states[first.id] == ("done", "")
        assert states[second.id] == ("skipped", "Ask about on-call")
        interview_id = demo_app.screen.target.interview_id

    # A restart finds everything as it was left.
    again = PursuitApp(db_path, clock, tick_seconds=3600)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.store is not None
        rows = {r.id: r for r in again.store.checklists.checklist(interview_id=interview_id)}
        assert rows[first.id].state == "done"
        assert (rows[second.id].state, rows[second.id].notes) == ("skipped", "Ask about on-call")


async def test_ticking_adding_and_notes_on_the_list(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await record_video_panel(pilot)
        screen = demo_app.screen
        assert isinstance(screen, ChecklistScreen)
        first = screen.selected()
        assert first is not None
        await pilot.press("space")
        await settle(pilot)
        assert next(r for r in screen.rows if r.id == first.id).state == "done"
        screen.select(first.id)
        await pilot.press("n", *"Read their engineering blog", "enter")
        await settle(pilot)
        texts = [r.text for r in screen.rows]
        assert texts[texts.index(first.text) + 1] == "Read their engineering blog"
        await pilot.press("enter")  # notes for the new item
        demo_app.screen.query_one("#prompt-text", TextArea).load_text("The post on caching")
        await pilot.press("ctrl+s")
        await settle(pilot)
        added = next(r for r in screen.rows if r.text == "Read their engineering blog")
        assert added.notes == "The post on caching"
        await pilot.press("d")  # asks first: no removal happens on one key
        await settle(pilot)
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert "Read their engineering blog" in [r.text for r in screen.rows]
        await pilot.press("d", "y")
        await settle(pilot)
        assert "Read their engineering blog" not in [r.text for r in screen.rows]


def phone_items(app: PursuitApp) -> list[str]:
    assert app.store is not None
    return [t.text for t in app.store.checklists.checklist_templates("phone")]


async def test_template_edits_reach_only_new_checklists(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert demo_app.store is not None
        orbit = next(
            r.id for r in demo_app.store.views.applications() if r.company == "Orbit Freight"
        )
        old_interview = demo_app.store.views.detail(orbit).interviews[0].id  # a phone call
        await pilot.press("ctrl+p", *"checklist templates")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, ChecklistTemplatesScreen)
        await pilot.press("right", "right", "right")  # Every interview → In person → Video → Phone
        await settle(pilot)
        assert screen.fmt == "phone"
        await pilot.press("end", "a", *"Use a headset", "enter")
        await settle(pilot)
        assert [t.text for t in demo_app.store.checklists.checklist_templates("phone")][
            -1
        ] == "Use a headset"
        await pilot.press("end", "d")  # removing an item asks first
        await settle(pilot)
        assert "Use a headset" in str(demo_app.screen.question)
        await pilot.press("n")
        await settle(pilot)
        assert [t.text for t in demo_app.store.checklists.checklist_templates("phone")][
            -1
        ] == "Use a headset"
        new_interview = demo_app.store.people.add_interview(
            orbit, demo_app.clock.now(), kind="phone"
        )
        assert "Use a headset" in [
            r.text for r in demo_app.store.checklists.checklist(interview_id=new_interview)
        ]
        assert "Use a headset" not in [
            r.text for r in demo_app.store.checklists.checklist(interview_id=old_interview)
        ]
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(demo_app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert "Use a headset" in [
            t.text for t in demo_app.store.checklists.checklist_templates("phone")
        ]
        await pilot.press("R", "y")
        await settle(pilot)
        assert "Use a headset" not in [
            t.text for t in demo_app.store.checklists.checklist_templates("phone")
        ]


async def test_an_interview_within_a_day_is_flagged_to_prepare(
    demo_app: PursuitApp, clock: FixedClock
):
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = demo_app.screen.query_one("#today-due", DataTable)
        assert not any("Prepare" in str(table.get_row_at(i)[2]) for i in range(table.row_count))
        clock.advance(hours=4)  # the Lumen onsite is now 23 hours away
        demo_app.tick()
        await settle(pilot)
        row = [str(c) for c in table.get_row_at(0)]
        assert row[2].startswith("Prepare (0/") and row[4] == "Lumen Health"
        assert any("Time to prepare" in (n.title or "") for n in demo_app._notifications)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ChecklistScreen)
        assert "Lumen Health" in demo_app.screen.target.title


async def test_the_offer_review(demo_app: PursuitApp):
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"meridian", "enter", "enter")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, ChecklistScreen)
        assert any("Get every agreed term in writing" in t for t in option_texts(screen))


async def test_the_preparation_count_is_the_same_on_every_screen(demo_app: PursuitApp):
    """The checklist's title, the interview screen and the pipeline count the same items."""
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await record_video_panel(pilot)
        checklist = demo_app.screen
        assert isinstance(checklist, ChecklistScreen)
        await pilot.press("space", "down", "s")  # one done, one skipped
        await settle(pilot)
        before = [r for r in checklist.rows if r.phase == "before"]
        title = str(checklist.query_one("#checklist-title").render())
        # Done and skipped said apart: a skipped item is not one made ready.
        assert f"1 of {len(before)} done, 1 skipped, {len(before) - 2} to go" in title, title
        await pilot.press("escape")
        await settle(pilot)
        interview = str(demo_app.screen.query_one("#iv-prep").render())
        assert f"2 of {len(before)} ready" in interview, interview
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, PipelineScreen)
        await pilot.press("t")  # Today: the panel's Prepare row
        await settle(pilot)
        today = screen_text(pilot)
        assert "Fernleaf" in today and f"2/{len(before)}" in today, today
