"""Import an interview invitation: a calendar file or e-mail, or its text pasted; see what it
changes (a new interview, a move, a cancellation), then save it.

Reading the file and working out what changes touch the disk and the database, so both run in
a worker; nothing is written until the job seeker has seen the changes and saves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Footer, Input, Label, Static, TextArea

from pursuit.domain.safe_text import for_terminal
from pursuit.paths import BadPath, user_path
from pursuit.tui.saving import reading
from pursuit.tui.screens.application_picker import NEW_APPLICATION, ApplicationPicker, Choice
from pursuit.tui.screens.base import PursuitScreen
from pursuit.tui.widgets.hanging import HangingLines
from pursuit.tui.widgets.pasted_area import PastedArea
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.domain.invitations import Invitation
    from pursuit.store.invitations import InvitationPlan
    from pursuit.store.repo import Store

#: What saving an invitation does, by the plan's action, as the preview's heading says it.
HEADINGS = {
    "created": "A new interview",
    "updated": "The interview changes",
    "cancelled": "The interview is cancelled",
    "unchanged": "Already in pursuit: nothing changes",
    "choose": "Which application is it for?",
}
#: What the notice says once it is saved.
SAVED = {
    "created": "Interview added",
    "updated": "Interview updated",
    "cancelled": "Interview cancelled",
    "unchanged": "Nothing changed",
}


@dataclass(frozen=True)
class Planned:
    """One event of the invitation, what saving it would change, and where."""

    invitation: Invitation
    plan: InvitationPlan
    #: "Company · Role  (#id)" of the application it goes to ("" while it is to be chosen).
    application: str
    #: The application to save it to; None for an event already stored (it stays where it is).
    app_id: int | None = None


class ImportInvitationScreen(PursuitScreen[None]):
    BINDINGS = [
        Binding(
            "escape",
            "app.pop_screen",
            "Back",
            id="invitation.back",
            tooltip="Import nothing and go back",
        ),
        Binding(
            "ctrl+r",
            "read",
            "Read",
            id="invitation.read",
            tooltip="Read the pasted text (or else the file) and show what will change",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="invitation.save",
            tooltip="Save the changes shown (read first when nothing is shown yet)",
        ),
    ]

    class Read(Message):
        """What the invitation would change, or why it could not be read."""

        def __init__(
            self,
            planned: list[Planned],
            error: str = "",
            choices: list[Choice] | None = None,
            others: list[Choice] | None = None,
        ) -> None:
            super().__init__()
            self.planned = planned
            self.error = error
            #: The applications to choose from, when the invitation did not say which.
            self.choices = choices
            #: Every other open application, for when none of the CHOICES is the one.
            self.others = others or []

    def __init__(self, app_id: int | None = None, application: str = "") -> None:
        super().__init__()
        #: The application it is for: the one whose screen it was opened from, or the one
        #: chosen; None to let the invitation's people and words say.
        self.app_id = app_id
        self.application = application
        #: What the preview shows: what saving writes (None while nothing is shown).
        self.planned: list[Planned] | None = None
        self._saving = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="invitation-body"):
            yield Label(
                "Invitation file: a calendar file (.ics) or an e-mail saved as .eml",
                classes="field-label",
            )
            yield Input(placeholder="~/Downloads/invite.ics", id="invitation-path")
            yield Label(
                "…or paste the invitation's text here (the calendar or the whole e-mail)",
                classes="field-label",
            )
            yield PastedArea(id="invitation-paste", soft_wrap=True)
            yield Static(id="invitation-status")
            yield Label("What will change", classes="section-title")
            yield Static(id="invitation-preview")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Read", id="read")
                yield Button("Save", variant="primary", id="save", disabled=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Import an invitation" + (
            f" for {self.application}" if self.application else ""
        )
        self.query_one("#invitation-path", Input).focus()
        self._status("Type the file's path and press enter, or paste the text and press ctrl+r.")

    def _status(self, text: str, style: str = "dim") -> None:
        self.query_one("#invitation-status", Static).update(Text(text, style=style))

    # --- reading ----------------------------------------------------------------------------

    def action_read(self) -> None:
        self._forget_plan()
        path = self.query_one("#invitation-path", Input).value.strip()
        pasted = self.query_one("#invitation-paste", TextArea).text
        self._status("Reading the invitation…")
        self.read_invitation(path, pasted, self.app_id)

    @work(thread=True, exclusive=True, group="invitation-read", name="read invitation")
    def read_invitation(self, path: str, pasted: str, app_id: int | None) -> None:
        from textual.worker import get_current_worker

        from pursuit.domain.invitations import InvitationUnreadable, read_invitations
        from pursuit.store.invitation_files import read_invitation_file

        worker = get_current_worker()
        store = self.pursuit.store
        if store is None:
            self.post_message(self.Read([], "The database is still opening; try again."))
            return
        try:
            if pasted.strip():
                invitations = read_invitations(pasted.encode("utf-8"), "the pasted text")
            elif path:
                # Never standard input ("-" to the command line): the app has no pipe to read.
                # The open database is refused by the store's file door (files.open_regular).
                invitations = read_invitation_file(str(user_path(path).absolute()))
            else:
                self.post_message(
                    self.Read([], "Type the path of the invitation file, or paste its text.")
                )
                return
        except (InvitationUnreadable, BadPath) as exc:
            self.post_message(self.Read([], str(exc)))
            return
        with reading(self, store.path):
            message = self._plan(store, invitations, app_id)
            if not worker.is_cancelled:
                self.post_message(message)

    def _plan(self, store: Store, invitations: list[Invitation], app_id: int | None) -> Read:
        """What saving INVITATIONS would change (called in the worker)."""
        from pursuit.store.db import StoreError
        from pursuit.store.invitations import plan_invitation

        now = self.pursuit.clock.now()
        planned = []
        try:
            with store.reader() as conn:
                for inv in invitations:
                    plan, to = plan_invitation(conn, inv, now=now), None
                    # An event already stored moves or is cancelled where it is; a new one
                    # goes to the application chosen (or whose screen this was opened from).
                    if plan.interview_id is None and app_id is not None:
                        plan, to = plan_invitation(conn, inv, app_id=app_id, now=now), app_id
                    name = self._application_name(store, plan.application_id)
                    planned.append(Planned(inv, plan, name, to))
        except (StoreError, ValueError) as exc:
            return self.Read([], str(exc))
        undecided = [p.plan for p in planned if p.plan.action == "choose"]
        if not undecided:
            return self.Read(planned)
        candidates = {c.application_id: c for plan in undecided for c in plan.candidates}
        try:
            rows = {row.id: row for row in store.views.applications()}
            matched = [
                Choice.of(
                    rows.get(c.application_id) or store.views.application(c.application_id), c.why
                )
                for c in candidates.values()
            ]
        except StoreError as exc:  # a candidate deleted meanwhile, or the file
            return self.Read([], str(exc))
        # Any application still open may be the one: the only ones when nothing matched.
        others = [Choice.of(row) for row in rows.values() if row.id not in candidates]
        if not matched:
            return self.Read(planned, choices=others)
        return self.Read(planned, choices=matched, others=others)

    @staticmethod
    def _application_name(store: Store, app_id: int | None) -> str:
        if app_id is None:
            return ""
        row = store.views.application(app_id)
        return f"{row.company} · {row.role}  (#{row.id})"  # as `pursuit show` names it

    def on_import_invitation_screen_read(self, message: Read) -> None:
        if message.error:
            error = message.error
            self._status(f"{error[:1].upper()}{error[1:]}; nothing was saved.", "bold red")
            self.query_one("#invitation-preview", Static).update("")
            return
        if message.choices is not None:
            self._ask_which(message.choices, message.others)
            return
        self.planned = message.planned
        self.query_one("#invitation-preview", Static).update(self._preview(message.planned))
        changing = [p for p in message.planned if p.plan.action != "unchanged"]
        save = self.query_one("#save", Button)
        save.disabled = not changing
        if changing:
            self._status("Nothing is saved yet: enter or ctrl+s saves this.", "bold")
            save.focus()
        else:
            self._status("This invitation is already in pursuit as it is.", "bold green")

    def _ask_which(self, choices: list[Choice], others: list[Choice]) -> None:
        if not choices:
            self._status(
                "There is no application yet: add the one this interview is for, and the "
                "invitation is read for it.",
                "bold",
            )
            self._add_then_read()
            return
        if not any(c.why for c in choices):
            question = "No application matched the invitation: which is this interview for?"
        elif len(choices) > 1:
            question = "Several applications may be the one: which is this interview for?"
        else:
            question = "Which application is this interview for?"

        def chosen(app_id: int | None) -> None:
            if app_id is None:
                self._status(
                    "Not saved: choose the application it is for (ctrl+r asks again).", "bold"
                )
                return
            if app_id == NEW_APPLICATION:
                self._add_then_read()
                return
            self.app_id = app_id
            self.action_read()

        self.app.push_screen(ApplicationPicker(question, choices, others, offer_new=True), chosen)

    def _add_then_read(self) -> None:
        """The add form; once the application is saved, the invitation is read for it."""
        from pursuit.tui import stage_actions

        def added(app_id: int) -> None:
            self.app_id = app_id
            self.action_read()

        stage_actions.add(self, added)

    @staticmethod
    def _preview(planned: list[Planned]) -> HangingLines:
        preview = HangingLines()
        for i, p in enumerate(planned):
            if i:
                preview.add("")
            heading = Text(HEADINGS.get(p.plan.action, p.plan.action), style="bold")
            if p.application:
                heading.append(f"  {for_terminal(p.application)}")
            preview.add("", heading)
            summary = for_terminal(p.invitation.summary)
            if summary:
                preview.add("  ", summary, style="italic")
            for line in p.plan.changes:
                preview.add(*_bullet(for_terminal(line)))
            for warning in p.plan.warnings:
                preview.add("  ! ", for_terminal(warning), style="bold")
        return preview

    # --- quitting (as a form with changes: tui/quitting.py asks first) ------------------------

    def has_changes(self) -> bool:
        """Whether a preview of changes is shown and not saved (nor being saved) yet."""
        planned = self.planned
        return (
            planned is not None
            and not self._saving
            and any(p.plan.action != "unchanged" for p in planned)
        )

    def lost_on_leaving(self) -> str:
        return "What the invitation changes (shown here) is not saved yet."

    def _forget_plan(self) -> None:
        self.planned = None
        self.query_one("#save", Button).disabled = True

    @on(Input.Changed, "#invitation-path")
    @on(TextArea.Changed, "#invitation-paste")
    def _edited(self) -> None:
        # What is shown is what saving writes: a changed source must be read again first.
        if self.planned is not None:
            self._forget_plan()
            self._status("Changed since it was read: ctrl+r shows what it will change.")

    # --- saving -----------------------------------------------------------------------------

    def action_save(self) -> None:
        planned = self.planned
        if planned is None:
            self.action_read()
            return
        if self._saving or all(p.plan.action == "unchanged" for p in planned):
            return
        self._saving = True
        self.query_one("#save", Button).disabled = True
        saving = [(p.invitation, p.app_id) for p in planned]

        def done(results: list[InvitationPlan]) -> None:
            self._saving = False
            if any(r.action == "choose" for r in results):
                # Changed meanwhile (the application it matched was deleted): ask again.
                self.action_read()
                return
            words = sorted({SAVED.get(r.action, r.action) for r in results})
            self.notify("; ".join(words) + ".")
            if self.is_attached and self.app.screen is self:
                self.app.pop_screen()

        self.pursuit.run_write(
            lambda store: save_invitations(store, saving),
            done,
            what="the invitation",
            kept=self._kept(),
        )

    def _kept(self) -> str:
        pasted = self.query_one("#invitation-paste", TextArea).text
        if pasted.strip():
            return pasted
        path = self.query_one("#invitation-path", Input).value.strip()
        return f"invitation file: {Path(path)}"

    @on(Button.Pressed, "#read")
    @on(Input.Submitted, "#invitation-path")
    def _read(self) -> None:
        self.action_read()

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()


def _bullet(line: str) -> tuple[str, str]:
    """LINE's lead and body: a value in one piece (`link https://…`) hangs under itself when it
    wraps, words under the first of them."""
    label, _, value = line.partition(" ")
    if value and " " not in value.strip():
        return f"  • {label} ", value
    return "  • ", line


def save_invitations(store: Store, saving: list[tuple[Invitation, int | None]]) -> list[Any]:
    """Each event of the invitation saved to its application, each in its own transaction."""
    from pursuit.store.invitations import apply_invitation

    with store.reader() as conn:
        return [apply_invitation(conn, store.now(), inv, app_id=to) for inv, to in saving]
