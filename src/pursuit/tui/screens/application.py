"""One application: its facts, what is due, its interviews and people, and its history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from pursuit.domain.actions import ACTION_LABELS
from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.days import short_day_time
from pursuit.domain.records import ApplicationDetail
from pursuit.tui import stage_actions
from pursuit.tui.application_text import header_text, history_text
from pursuit.tui.follow_up_actions import dismiss, mark_sent, open_draft, undo_dismiss
from pursuit.tui.follow_up_states import STATES, due_state, readable
from pursuit.tui.saving import reading, typed_text
from pursuit.tui.screens.base import LoadingScreen, once_shown
from pursuit.tui.screens.keys import APPLICATION_KEYS
from pursuit.tui.widgets.description_box import DescriptionBox
from pursuit.tui.widgets.pane_list import PaneList
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store


class ApplicationScreen(LoadingScreen[ApplicationDetail]):
    BINDINGS = APPLICATION_KEYS

    GONE = "That application is gone."

    def __init__(self, app_id: int) -> None:
        super().__init__()
        self.app_id = app_id
        self.detail: ApplicationDetail | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="application-body", can_focus=False):
            yield Static("Loading…", id="app-header")
            with Horizontal(id="app-panes"):
                with Vertical(classes="pane"):
                    yield Label(
                        "What's next  (enter: write, s: mark sent, d: dismiss)",
                        classes="section-title",
                    )
                    yield PaneList(id="app-due", classes="pane-list")
                    yield Label("Drafts  (enter: open, r: write one)", classes="section-title")
                    yield PaneList(id="app-drafts", classes="pane-list")
                    yield Label(
                        "Interviews  (enter: open, i: add, I: import)", classes="section-title"
                    )
                    yield PaneList(id="app-interviews", classes="pane-list")
                    yield Label("People  (enter: edit, c: add)", classes="section-title")
                    yield PaneList(id="app-contacts", classes="pane-list")
                with Vertical(classes="pane", id="app-history"):
                    yield Label("History", classes="section-title")
                    yield Static(id="app-timeline", classes="pane-body")
            yield DescriptionBox()
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "now", lambda _n: self.draw(), init=False)
        self.query_one("#app-due", OptionList).focus()
        self.follow_changes()

    def read(self, store: Store) -> ApplicationDetail:
        return store.views.detail(self.app_id)

    def show(self, data: ApplicationDetail) -> None:
        self.detail = data
        self.draw()

    # --- drawing ----------------------------------------------------------------------------

    def draw(self) -> None:
        d = self.detail
        if d is None:
            return
        tz = local_tz()
        now = self.now()
        today = now.astimezone(tz).date()
        self.query_one("#app-header", Static).update(header_text(d, today))

        due_items = []
        for item in d.due:
            look = STATES[due_state(item, now)]
            marker, style = look.marker, readable(self.query_one("#app-due"), look.style)
            who = f" · {item.contact_name}" if item.contact_name else ""
            when = short_day(item.due_at.astimezone(tz).date(), today)
            due_items.append(
                Option(Text(f"{marker} {ACTION_LABELS[item.action]}{who} — {when}", style=style))
            )
        self._fill("#app-due", due_items, "Nothing to send.")

        drafts = []
        for draft in d.drafts:
            line = Text(draft.subject or draft.body.split("\n", 1)[0][:60])
            who = f" · to {draft.contact_name}" if draft.contact_name else ""
            if draft.sent_at:
                line.append(
                    f"  sent {short_day(draft.sent_at.astimezone(tz).date(), today)}{who}",
                    style="dim",
                )
            elif draft.not_needed:
                # Kept, never deleted, but not offered as one to send.
                line.stylize("dim")
                line.append(f"  no longer needed ({draft.not_needed}){who}", style="dim italic")
            else:
                line.append(f"  draft{who}", style="italic")
            drafts.append(Option(line, id=f"d-{draft.id}"))
        self._fill("#app-drafts", drafts, "None yet.")

        ivs = []
        for iv in d.interviews:
            local = iv.starts_at.astimezone(tz)
            # Called off: kept in the history, struck out so it is not taken for one to come.
            line = Text(f"{short_day_time(local, today)}  {iv.title}")
            if iv.cancelled:
                line.stylize("strike")
                line.append("  cancelled", style="italic")
            elif iv.starts_at > now:
                line.append("  upcoming", style="bold")
            if iv.interviewers:
                line.append(f"\n   with {', '.join(iv.interviewers)}", style="dim")
            if iv.decision_by:
                line.append(f"\n   decision by {short_day(iv.decision_by, today)}", style="dim")
            ivs.append(Option(line, id=f"iv-{iv.id}"))
        self._fill("#app-interviews", ivs, "None yet.")

        people = []
        for c in d.contacts:
            line = Text(c.name)
            extra = " · ".join(x for x in (c.role, c.title) if x)
            if extra:
                line.append(f" · {extra}", style="dim")
            people.append(Option(line, id=f"c-{c.id}"))
        self._fill("#app-contacts", people, "No one recorded.")

        self.query_one("#app-timeline", Static).update(history_text(d.timeline, tz, today))
        self.query_one(DescriptionBox).show(d.description)
        self.sub_title = f"{d.row.company} · {d.row.role}"

    @once_shown
    def action_description(self) -> None:
        from pursuit.domain.records import JobDescription
        from pursuit.tui.screens.job_description import read_description

        if (d := self.detail) is not None:
            kept = JobDescription(self.app_id, d.row.company, d.row.role, d.description)
            read_description(self, kept)

    def _fill(self, selector: str, options: list[Option], empty: str) -> None:
        widget = self.query_one(selector, OptionList)
        highlighted = widget.highlighted
        widget.clear_options()
        if options:
            widget.add_options(options)
            widget.highlighted = min(highlighted or 0, len(options) - 1)
        else:
            widget.add_option(Option(Text(empty, style="dim"), disabled=True))

    # --- choosing from the panes ------------------------------------------------------------

    def action_choose(self) -> None:
        # The focused list takes enter itself; this is for F1, and a list reached otherwise.
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_select()

    @on(OptionList.OptionSelected, "#app-due")
    def _due_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.detail and event.option_index < len(self.detail.due):
            open_draft(self, self.detail.due[event.option_index])

    @on(OptionList.OptionSelected, "#app-drafts")
    def _draft_chosen(self, event: OptionList.OptionSelected) -> None:
        from pursuit.tui.screens.draft import DraftEditor, DraftRequest

        if event.option.id:
            draft_id = int(event.option.id.removeprefix("d-"))
            self.app.push_screen(DraftEditor(DraftRequest(self.app_id, draft_id=draft_id)))

    @once_shown
    def action_write(self) -> None:
        if self.detail is None:
            return
        self._pick_template()

    @work(thread=True, exclusive=True, group="application-templates", name="read templates")
    def _pick_template(self) -> None:
        store: Any = self.pursuit.store
        with reading(self, store.path):
            self.app.call_from_thread(self._show_templates, store.drafts.templates())

    def _show_templates(self, templates: Any) -> None:
        from pursuit.tui.screens.draft import DraftEditor, DraftRequest
        from pursuit.tui.screens.template_picker import TemplatePicker

        def picked(name: str | None) -> None:
            if name:
                self.app.push_screen(DraftEditor(DraftRequest(self.app_id, name)))

        if self.detail is not None and self.is_attached:
            self.app.push_screen(TemplatePicker(self.detail.row.company, templates), picked)

    @once_shown
    def action_checklist(self) -> None:
        from pursuit.tui.screens.checklist import ChecklistScreen, open_checklist
        from pursuit.tui.screens.checklist_target import ChecklistTarget

        d = self.detail
        if d is None:
            return
        if d.row.stage in ("offer", "accepted"):
            self.app.push_screen(
                ChecklistScreen(
                    ChecklistTarget(
                        f"{d.row.company} · reviewing the offer", application_id=self.app_id
                    )
                )
            )
            return
        now = self.now()
        upcoming = [iv for iv in d.interviews if iv.starts_at > now and not iv.cancelled]
        chosen = upcoming[-1] if upcoming else (d.interviews[0] if d.interviews else None)
        if chosen is None:
            self.notify("No interview yet: press i to record one.", severity="warning")
            return
        open_checklist(self, chosen.id, chosen, now)

    @once_shown
    def action_mark_sent(self) -> None:
        row = self._selected_due()
        if row is not None:
            mark_sent(self, row)

    @on(OptionList.OptionSelected, "#app-interviews")
    def _interview_chosen(self, event: OptionList.OptionSelected) -> None:
        from pursuit.tui.screens.interview import InterviewScreen

        if event.option.id:
            self.app.push_screen(InterviewScreen(int(event.option.id.removeprefix("iv-"))))

    @on(OptionList.OptionSelected, "#app-contacts")
    def _contact_chosen(self, event: OptionList.OptionSelected) -> None:
        from pursuit.tui.screens.contact_form import ContactForm

        if self.detail is None or not event.option.id:
            return
        cid = int(event.option.id.removeprefix("c-"))
        contact = next(c for c in self.detail.contacts if c.id == cid)

        def saved(values: dict[str, Any] | None) -> None:
            if values:
                role = values.pop("role")
                self.pursuit.run_write(
                    lambda s: s.people.update_contact(cid, app_id=self.app_id, role=role, **values),
                    success=f"Saved {values['name']}",
                    what=f"your changes to {values['name']}",
                    kept=typed_text({"role": role, **values}),
                )

        self.app.push_screen(ContactForm(self.detail.row.company, contact), saved)

    def _selected_due(self) -> Any:
        due = self.query_one("#app-due", OptionList)
        if self.detail is None or not due.has_focus or due.highlighted is None:
            return None
        if due.highlighted >= len(self.detail.due):
            return None
        return self.detail.due[due.highlighted]

    @once_shown
    def action_dismiss_action(self) -> None:
        row = self._selected_due()
        if row is not None:
            dismiss(self, row)

    def action_undo_dismiss(self) -> None:
        undo_dismiss(self.app)

    # --- keys -------------------------------------------------------------------------------

    @once_shown
    def action_add_interview(self) -> None:
        from pursuit.tui.screens.interview_form import InterviewForm

        if self.detail is None:
            return

        def saved(values: dict[str, Any] | None) -> None:
            if values:
                self.pursuit.run_write(
                    lambda s: s.people.add_interview(self.app_id, **values),
                    success="Interview recorded",
                    what="the new interview",
                    kept=typed_text(values),
                )

        self.app.push_screen(InterviewForm(self.now(), self.detail.row.company), saved)

    @once_shown
    def action_import_invitation(self) -> None:
        from pursuit.tui.screens.import_invitation import ImportInvitationScreen

        if self.detail is not None:
            row = self.detail.row
            self.app.push_screen(ImportInvitationScreen(self.app_id, f"{row.company} · {row.role}"))

    @once_shown
    def action_add_contact(self) -> None:
        from pursuit.tui.screens.contact_form import ContactForm

        if self.detail is None:
            return

        def saved(values: dict[str, Any] | None) -> None:
            if values:
                name = values.pop("name")
                self.pursuit.run_write(
                    lambda s: s.people.add_contact(self.app_id, name, **values),
                    success=f"Added {name}",
                    what=f"the new contact {name}",
                    kept=typed_text({"name": name, **values}),
                )

        self.app.push_screen(ContactForm(self.detail.row.company), saved)

    @once_shown
    def action_log(self, kind: str = "heard") -> None:
        from pursuit.tui.screens.log_event import LogEvent

        if self.detail is None:
            return

        def logged(result: Any) -> None:
            if result.warning:
                self.notify(result.warning, severity="warning")

        def saved(values: dict[str, Any] | None) -> None:
            if values:
                event = values.pop("kind")
                self.pursuit.run_write(
                    lambda s: s.applications.log_event(self.app_id, event, **values),
                    logged,
                    success="Noted" if event == "note" else "Logged",
                    what="your note" if event == "note" else "what you logged",
                    kept=typed_text({"application": company, "event": event, **values}),
                )

        company = f"{self.detail.row.company} · {self.detail.row.role}"
        names = [c.name for c in self.detail.contacts]
        self.app.push_screen(LogEvent(self.now(), self.detail.row.company, names, kind), saved)

    def action_note(self) -> None:
        self.action_log("note")

    @once_shown
    def action_edit(self) -> None:
        if self.detail is not None:
            stage_actions.edit(self, self.detail.row)

    @once_shown
    def action_advance(self) -> None:
        if self.detail is not None:
            stage_actions.advance(self, self.detail.row)

    @once_shown
    def action_move(self) -> None:
        if self.detail is not None:
            stage_actions.move(self, self.detail.row)
