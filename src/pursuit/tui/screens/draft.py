"""The draft editor: a message filled in from what pursuit knows, to edit, copy and mark sent.

Drafts save themselves a moment after you stop typing, and again when you leave.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Footer, Input, Label, Static

from pursuit.domain.dates import local_tz
from pursuit.domain.messages import Template, markers_in, warnings_before_copy
from pursuit.tui.autosave import Autosave
from pursuit.tui.saving import read_problem
from pursuit.tui.screens.base import PursuitScreen
from pursuit.tui.screens.keys import DRAFT_KEYS
from pursuit.tui.widgets.marked_text_area import MarkedTextArea
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store


@dataclass(frozen=True)
class DraftRequest:
    """What to open: a saved draft, or a template filled in for an application."""

    application_id: int
    template: str = ""
    draft_id: int | None = None
    interview_id: int | None = None
    contact: str | None = None


@dataclass(frozen=True)
class Opened:
    draft_id: int | None
    template: Template
    subject: str
    body: str
    company: str
    contact: str | None
    interview_id: int | None
    contact_id: int | None
    warning: str | None


class DraftEditor(PursuitScreen[None]):
    #: Letters are for typing here, wherever the focus is (see PursuitApp.check_action).
    WRITING = True
    BINDINGS = DRAFT_KEYS

    class Ready(Message):
        def __init__(self, opened: Opened | None, error: str = "") -> None:
            super().__init__()
            self.opened = opened
            self.error = error

    def __init__(self, request: DraftRequest) -> None:
        super().__init__()
        self.request = request
        self.opened: Opened | None = None
        self.draft_id: int | None = request.draft_id
        self.saved_text: tuple[str, str] | None = None
        #: The text as pursuit filled it in, while nothing of the user's is in the draft.
        self.filled: tuple[str, str] | None = None
        self._autosave = Autosave(self, self._save_if_changed)
        self.saved_at: datetime | None = None
        self._status: Text | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("Filling in…", id="draft-title")
        yield Label("Subject", classes="field-label")
        yield Input(id="draft-subject", placeholder="(none for this kind of message)")
        yield MarkedTextArea(id="draft-body", soft_wrap=True)
        with Horizontal(id="draft-bar"):
            yield Static(id="draft-status")
            yield Button("Copy", id="copy")
            yield Button("Mark sent", variant="primary", id="sent")
        yield Footer()

    def on_mount(self) -> None:
        self.open_draft()

    # --- opening ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="draft-open", name="open draft")
    def open_draft(self) -> None:
        from pursuit.store.db import StoreError

        store: Any = self.pursuit.store
        r = self.request
        try:
            company = store.views.application(r.application_id).company
            if r.draft_id is not None:
                opened = _saved(store, r.draft_id, company)
            else:
                rendered, iv_id, contact_id = store.drafts.render_draft(
                    r.application_id, r.template, interview_id=r.interview_id, contact=r.contact
                )
                template = store.drafts.template(rendered.template)
                context, _i, _c = store.drafts.draft_context(
                    r.application_id, interview_id=iv_id, contact=r.contact
                )
                # What the user already wrote to this person for this opens, not a second one.
                theirs = store.drafts.unsent_drafts(r.application_id, template.name, iv_id)
                saved_id = theirs.get(context.contact or None)
                opened = (
                    _saved(store, saved_id, company)
                    if saved_id is not None
                    else Opened(
                        None,
                        template,
                        rendered.subject,
                        rendered.body,
                        company,
                        context.contact or None,
                        iv_id,
                        contact_id,
                        None,
                    )
                )
            if opened.template.event == "sent-check-in" and opened.warning is None:
                warning = store.follow_ups.check_in_warning(r.application_id)
                opened = replace(opened, warning=warning)
        except StoreError as exc:
            self.post_message(self.Ready(None, str(exc)))
            return
        except Exception as exc:
            problem = read_problem(exc, store.path)
            if problem is None:
                raise
            self.post_message(self.Ready(None, problem))
            return
        self.post_message(self.Ready(opened))

    def on_draft_editor_ready(self, message: Ready) -> None:
        if message.opened is None:
            self.notify(message.error, title="Cannot write this message", severity="error")
            self.app.pop_screen()
            return
        o = self.opened = message.opened
        self.draft_id = o.draft_id
        subject = self.query_one("#draft-subject", Input)
        subject.value = o.subject
        subject.disabled = not o.template.subject and not o.subject
        self.query_one("#draft-body", MarkedTextArea).load_text(o.body)
        if o.draft_id is not None:
            self.saved_text = (o.subject, o.body)
        else:
            self.filled = (o.subject, o.body)
        self.show_title()
        self.query_one("#draft-body", MarkedTextArea).focus()
        self.show_status()

    def show_title(self) -> None:
        o = self.opened
        if o is None:
            return
        title = Text()
        title.append(o.template.title, style="bold")
        title.append(f" · {o.company}")
        if o.contact:
            title.append(f" · to {o.contact}")
        self.query_one("#draft-title", Static).update(title)
        self.sub_title = f"{o.template.title} · {o.company}"

    # --- the text ---------------------------------------------------------------------------

    def text(self) -> tuple[str, str]:
        return (
            self.query_one("#draft-subject", Input).value,
            self.query_one("#draft-body", MarkedTextArea).text,
        )

    def full_text(self) -> str:
        subject, body = self.text()
        return f"{subject}\n\n{body}" if subject.strip() else body

    def show_status(self) -> None:
        status = Text()
        # The body's markers as it keeps them, line by line: not found again in all of it.
        subject = self.query_one("#draft-subject", Input).value
        markers = markers_in(subject) + self.query_one("#draft-body", MarkedTextArea).unfilled()
        if markers:
            status.append(
                f"{len(markers)} to fill in: {', '.join(dict.fromkeys(markers))}",
                style="bold yellow",
            )
        else:
            status.append("Every field is filled in.", style="green")
        if self.opened and self.opened.warning:
            status.append(f"  {self.opened.warning}", style="bold red")
        if self.saved_at is not None:
            status.append(f"  · saved {self.saved_at.astimezone(local_tz()):%H:%M:%S}", style="dim")
        # Updated only when it says something new: an update lays the whole screen out again
        # (the line may wrap), and typing a letter mostly leaves it as it was.
        if status != self._status:
            self._status = status
            self.query_one("#draft-status", Static).update(status)

    @on(Input.Changed, "#draft-subject")
    @on(MarkedTextArea.Changed, "#draft-body")
    def _edited(self) -> None:
        if self.opened is None:
            return
        self.show_status()
        if not self.unchanged():
            self._autosave.touched()

    def unchanged(self) -> bool:
        """True while the text is what was opened (or last saved): nothing to write yet."""
        o = self.opened
        if o is None:
            return True
        baseline = self.saved_text if self.draft_id is not None else (o.subject, o.body)
        return self.text() == baseline

    def _save_if_changed(self) -> None:
        if not self.unchanged():
            self._write()

    # --- saving -----------------------------------------------------------------------------

    def _write(self) -> None:
        """Hand the draft to the app's writer: kept, in order, until it is stored."""
        o = self.opened
        if o is None:
            return
        text = self.text()
        if self.draft_id is not None and text == self.saved_text:
            return
        self._autosave.cancel_timer()
        request = self.request

        def save(store: Any) -> int:
            # Read when it runs: the first save of a new draft gives the id the next ones use.
            return int(
                store.drafts.save_draft(
                    self.draft_id,
                    request.application_id,
                    o.template.name,
                    *text,
                    interview_id=o.interview_id,
                    contact_id=o.contact_id,
                )
            )

        def saved(draft_id: int) -> None:
            self.draft_id = draft_id
            self.saved_text = text
            self.saved_at = self.pursuit.clock.now()
            if self.is_attached:
                self.show_status()

        subject, body = text
        self.pursuit.run_write(
            save,
            saved,
            what=f"the {o.template.title.lower()} draft",
            kept=f"Subject: {subject}\n\n{body}" if subject else body,
            key=("draft", id(self)),
        )

    def flush(self) -> None:
        self._autosave.cancel_timer()
        self._save_if_changed()

    def action_save(self) -> None:
        self._write()

    def action_leave(self) -> None:
        self.flush()
        self.app.pop_screen()

    # --- copying and sending ----------------------------------------------------------------

    def action_copy(self) -> None:
        from pursuit.tui.screens.confirm import Confirm

        if self.opened is None:
            return
        self._write()
        text = self.full_text()
        warnings = warnings_before_copy(text, self.opened.template)
        if not warnings:
            self.copy_text(text)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.copy_text(text)

        self.app.push_screen(
            Confirm("\n".join(warnings) + "\n\nCopy it anyway?", yes="Copy anyway"), answered
        )

    @work(thread=True, exclusive=True, group="clipboard", name="copy to clipboard")
    def copy_text(self, text: str) -> None:
        from pursuit.clipboard import copy_to_system

        confirmed = copy_to_system(text)
        self.app.call_from_thread(self._copied, text, confirmed)

    def _copied(self, text: str, confirmed: bool) -> None:
        from pursuit.tui.screens.clipboard_fallback import ClipboardFallback

        # Through the terminal as well (OSC 52): it reaches the user's clipboard over SSH.
        self.app.copy_to_clipboard(text)
        if confirmed:
            self.notify("Copied to the clipboard. Paste it into your email or message.")
        else:
            self.app.push_screen(ClipboardFallback(text))

    def action_mark_sent(self) -> None:
        from pursuit.tui.screens.confirm import Confirm

        if self.opened is None:
            return
        self._write()
        title = self.opened.template.title.lower()

        def logged(result: Any) -> None:
            # A warning and nothing logged: it had been logged elsewhere since the draft began.
            if result.activity_ids or not result.warning:
                self.app.notify(f"Logged as sent: {title}")
            if result.warning:
                self.app.notify(result.warning, severity="warning", timeout=10)
            if isinstance(self.app.screen, DraftEditor):
                self.app.pop_screen()

        def mark_sent(store: Store) -> object:
            # After the draft's own save in the writer's line: its id is known by then.
            assert self.draft_id is not None
            return store.drafts.mark_draft_sent(self.draft_id)

        def answered(yes: bool | None) -> None:
            if yes:
                self.pursuit.run_write(
                    mark_sent,
                    logged,
                    what=f"marking the {title} as sent",
                )

        self.app.push_screen(Confirm(f"Mark the {title} as sent?", yes="Sent"), answered)

    def action_recipient(self) -> None:
        from pursuit.tui.screens.draft_recipient import choose_recipient

        choose_recipient(self)

    def action_profile(self) -> None:
        from pursuit.tui.screens.draft_profile import edit_profile

        edit_profile(self)

    @on(Button.Pressed, "#copy")
    def _copy_pressed(self) -> None:
        self.action_copy()

    @on(Button.Pressed, "#sent")
    def _sent_pressed(self) -> None:
        self.action_mark_sent()


def _saved(store: Any, draft_id: int, company: str) -> Opened:
    row = store.drafts.draft(draft_id)
    why = row.not_needed
    if why and not why.startswith("already"):
        why = f"the application is {why}"  # a stage: rejected, archived
    return Opened(
        row.id,
        store.drafts.template(row.template),
        row.subject,
        row.body,
        company,
        row.contact_name,
        row.interview_id,
        row.contact_id,
        f"No longer needed: {why}." if why else None,
    )
