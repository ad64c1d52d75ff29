"""A screen covered by another full screen reads its data again once it is back on top, not at
every save made above it: a draft autosaving each second must not have the pipeline beneath it
read every application each time (a second of work at 100,000)."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application import ApplicationScreen
from pursuit.tui.screens.draft import DraftEditor
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.widgets.marked_text_area import MarkedTextArea

from .conftest import settle

SIZE = (120, 40)


async def test_saves_in_a_draft_leave_the_screens_beneath_unread_until_they_are_seen(
    demo_app: PursuitApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pipeline = demo_app.screen
        assert isinstance(pipeline, PipelineScreen)
        await pilot.press("slash", *"cobalt", "enter", "enter")
        await settle(pilot)
        application = demo_app.screen
        assert isinstance(application, ApplicationScreen)
        await pilot.press("r")
        await settle(pilot)
        picker = demo_app.screen.query_one("#templates", OptionList)
        picker.highlighted = next(
            i
            for i in range(picker.option_count)
            if picker.get_option_at_index(i).id == "application-check-in"
        )
        await pilot.press("enter")
        await settle(pilot)
        editor = demo_app.screen
        assert isinstance(editor, DraftEditor)
        assert "Site Reliability" in editor.query_one("#draft-subject", Input).value

        reads: list[str] = []
        pipeline.load_rows = lambda *a: reads.append("pipeline")  # type: ignore[method-assign]
        application.load = lambda: reads.append("application")  # type: ignore[method-assign]
        body = editor.query_one("#draft-body", MarkedTextArea)
        body.focus()
        for word in ("Quick ", "note ", "again. "):
            await pilot.press(*word)
            editor.action_save()  # what the autosave timer does after a pause in typing
            await settle(pilot)
        generation = demo_app.data_generation
        assert generation > 0
        assert reads == [], "a screen beneath the draft was read while covered"

        await pilot.press("escape")  # back to the application: it reads once, then the pipeline
        await settle(pilot)
        assert demo_app.screen is application
        assert reads == ["application"]
        await pilot.press("escape")
        await settle(pilot)
        assert demo_app.screen is pipeline
        assert reads == ["application", "pipeline"]
