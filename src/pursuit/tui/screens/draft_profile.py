"""Your details (F2) from the draft editor: saved for new drafts, and signed into the open one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.widgets import Input

from pursuit.domain.drafts import resign
from pursuit.tui.saving import reading, typed_text
from pursuit.tui.widgets.marked_text_area import MarkedTextArea

if TYPE_CHECKING:
    from pursuit.tui.screens.draft import DraftEditor


@work(thread=True, exclusive=True, group="draft-profile", name="read the profile")
def edit_profile(editor: DraftEditor) -> None:
    store: Any = editor.app.store  # type: ignore[attr-defined]
    with reading(editor, store.path):
        editor.app.call_from_thread(_edit, editor, store.settings.values())


def _edit(editor: DraftEditor, values: dict[str, str]) -> None:
    from pursuit.tui.screens.profile import ProfileForm

    def saved(changed: dict[str, str] | None) -> None:
        if changed:
            editor.app.run_write(  # type: ignore[attr-defined]
                lambda s: s.settings.set_many(changed),
                lambda _r: sign_anew(editor, values, {**values, **changed}),
                success="Saved. This draft and new ones are signed with these details.",
                what="your profile",
                kept=typed_text(changed),
            )

    editor.app.push_screen(ProfileForm(values), saved)


def sign_anew(editor: DraftEditor, before: dict[str, str], after: dict[str, str]) -> None:
    """Put the user's new details where the old ones (or their markers) were signed."""
    if editor.opened is None or not editor.is_attached:
        return
    was = editor.text()
    subject_input = editor.query_one("#draft-subject", Input)
    body = editor.query_one("#draft-body", MarkedTextArea)
    subject, text = resign(was[0], before, after), resign(was[1], before, after)
    if editor.filled == was:
        editor.filled = (subject, text)  # still nothing of the user's in it
    if subject != was[0]:
        subject_input.value = subject
    if text != was[1]:
        # One edit, so undo brings the old signature back; the cursor stays where it was.
        body.replace(text, body.document.start, body.document.end)
