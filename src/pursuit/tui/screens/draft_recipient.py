"""Writing an open draft to someone else (ctrl+r in the draft editor).

The draft is filled in again for the person chosen, with their own detail, or their own unsent
draft of this message opens if there is one. Nothing the user wrote is lost: a draft they have
edited (or saved) is kept as it is for its first recipient, after asking, before a fresh one is
started for the new one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import work

from pursuit.tui.saving import reading
from pursuit.tui.screens.recipient_picker import Recipient, RecipientPicker

if TYPE_CHECKING:
    from pursuit.tui.screens.draft import DraftEditor


@contextmanager
def _told(editor: DraftEditor) -> Iterator[None]:
    """A person or interview gone meanwhile is said, calmly; the draft stays as it is."""
    from pursuit.store.db import StoreError

    try:
        yield
    except StoreError as exc:
        editor.notify(str(exc), title="Cannot write it to someone else", severity="warning")


def choose_recipient(editor: DraftEditor) -> None:
    if editor.opened is not None:
        _read_people(editor)


@work(thread=True, exclusive=True, group="draft-recipient", name="read the interview's people")
def _read_people(editor: DraftEditor) -> None:
    store: Any = editor.app.store  # type: ignore[attr-defined]
    o = editor.opened
    assert o is not None
    with reading(editor, store.path), _told(editor):
        if o.interview_id is not None:
            people = [
                Recipient(p.name, p.title, p.thank_you)
                for p in store.people.interview(o.interview_id).interviewers
            ]
        else:
            people = []
        if not people:
            people = [
                Recipient(c.name, c.title)
                for c in store.views.contacts(editor.request.application_id)
            ]
        # Their own unsent draft of this message, if there is one: opened, never duplicated.
        theirs = {
            name: draft_id
            for name, draft_id in store.drafts.unsent_drafts(
                editor.request.application_id, o.template.name, o.interview_id
            ).items()
            if draft_id != editor.draft_id and name is not None
        }
        editor.app.call_from_thread(_pick, editor, people, theirs)


def _pick(editor: DraftEditor, people: list[Recipient], theirs: dict[str, int]) -> None:
    from pursuit.tui.screens.confirm import Confirm

    o = editor.opened
    if o is None or not editor.is_attached:
        return
    if not people:
        editor.notify(
            "No one is recorded for this application yet. Add the interviewers on the"
            " interview screen, or a person on the application screen.",
            title="Who to write to",
        )
        return

    def chosen(name: str | None) -> None:
        if not name or name == o.contact:
            return
        if name in theirs:
            _after_saving(editor, lambda: _open_saved(editor, theirs[name]), name)
            return
        if editor.draft_id is None and editor.text() == editor.filled:
            _refill(editor, name)  # nothing of the user's to keep
            return
        first = f"your draft to {o.contact}" if o.contact else "this draft"

        def answered(yes: bool | None) -> None:
            if yes:
                _after_saving(editor, lambda: _refill(editor, name), name)

        editor.app.push_screen(
            Confirm(
                f"Keep {first} as it is, and start a fresh one to {name}?",
                yes="Start one",
                no="Stay here",
            ),
            answered,
        )

    editor.app.push_screen(RecipientPicker(people, o.contact), chosen)


def _after_saving(editor: DraftEditor, then: Callable[[], object], name: str) -> None:
    """Save what is typed, then THEN: in the writer's line after the draft's own save, so
    that save still goes to the draft's first person."""
    editor.flush()
    editor.app.run_write(  # type: ignore[attr-defined]
        lambda _store: None,
        lambda _r: then(),
        what=f"this draft before turning to {name}",
    )


@work(thread=True, exclusive=True, group="draft-recipient", name="open their draft")
def _open_saved(editor: DraftEditor, draft_id: int) -> None:
    store: Any = editor.app.store  # type: ignore[attr-defined]
    with reading(editor, store.path), _told(editor):
        row = store.drafts.draft(draft_id)
        editor.app.call_from_thread(
            _show, editor, row.contact_name, row.contact_id, row.subject, row.body, row.id
        )


@work(thread=True, exclusive=True, group="draft-recipient", name="fill in the draft")
def _refill(editor: DraftEditor, name: str) -> None:
    store: Any = editor.app.store  # type: ignore[attr-defined]
    o = editor.opened
    assert o is not None
    with reading(editor, store.path), _told(editor):
        rendered, _iv, contact_id = store.drafts.render_draft(
            editor.request.application_id,
            o.template.name,
            interview_id=o.interview_id,
            contact=name,
        )
        editor.app.call_from_thread(
            _show, editor, name, contact_id, rendered.subject, rendered.body, None
        )


def _show(
    editor: DraftEditor,
    name: str,
    contact_id: int | None,
    subject: str,
    body: str,
    draft_id: int | None,
) -> None:
    """Show the draft to NAME: their saved one (DRAFT_ID), or a new one just filled in."""
    from textual.widgets import Input

    from pursuit.tui.widgets.marked_text_area import MarkedTextArea

    if editor.opened is None or not editor.is_attached:
        return
    editor.draft_id = draft_id
    editor.saved_text = None if draft_id is None else (subject, body)
    editor.filled = (subject, body) if draft_id is None else None
    editor.saved_at = None
    editor.opened = replace(
        editor.opened,
        draft_id=draft_id,
        contact=name,
        contact_id=contact_id,
        subject=subject,
        body=body,
    )
    editor.query_one("#draft-subject", Input).value = subject
    editor.query_one("#draft-body", MarkedTextArea).load_text(body)
    editor.show_title()
    editor.show_status()
    if draft_id is None:
        editor.notify(f"Written to {name} now, with what you noted about them.")
    else:
        editor.notify(f"Your draft to {name}, as you left it.")
