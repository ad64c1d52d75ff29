"""One interview: when and with whom, the decision date they gave, notes, and the debrief.

Everything saves itself a moment after you stop typing, and again when you leave, so nothing
typed here is lost. A field that does not read (a bad date) shows why and is not saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from pursuit.domain.checklists import Progress
from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.interview_input import read_interview
from pursuit.domain.records import InterviewDetail
from pursuit.domain.safe_text import for_terminal
from pursuit.domain.wall_time import clock_time, is_repeated
from pursuit.tui.autosave import Autosave
from pursuit.tui.follow_up_states import STATES, readable
from pursuit.tui.saving import typed_text
from pursuit.tui.screens.base import LoadingScreen
from pursuit.tui.screens.interview_form import INTERVIEW_FIELDS, kind_select
from pursuit.tui.widgets.fields import FieldError, labelled
from pursuit.tui.widgets.marked_text_area import WritingArea
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store

TEXTS = (
    ("notes", "Notes"),
    ("debrief_questions", "Questions they asked"),
    ("debrief_topics", 'Topics (a line starting "Ann: …" goes in Ann\'s thank-you)'),
    ("debrief_asked", "What you asked them"),
    ("debrief_demeanour", "How they came across"),
    ("debrief_improve", "What to do better next time"),
)
RATINGS = (
    ("rating_confidence", "Confidence"),
    ("rating_clarity", "Clarity"),
    ("rating_rapport", "Rapport"),
    ("rating_knowledge", "Company"),
)
#: Form field -> the store's field it fills.
#: Fields read as dates: saved once left, not while typed.
TYPED_DATES = ("when", "decision")
FIELD_KEYS = {
    "when": "starts_at",
    "kind": "kind",
    "round": "round_name",
    "decision": "decision_by",
    "location": "location",
    "link": "link",
    "duration": "duration_minutes",
}
#: A thank-you not yet open is owed once the interview has happened.
THANK_YOU_WORDS = {"later": "after the interview"}


class InterviewScreen(LoadingScreen[tuple[InterviewDetail, Progress | None]]):
    BINDINGS = [
        Binding(
            "escape",
            "leave",
            "Back",
            id="interview.back",
            tooltip="Save and go back to the application",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="interview.save",
            tooltip="Save now (it also saves by itself as you type)",
        ),
        Binding(
            "f3",
            "checklist",
            "Checklist",
            id="interview.checklist",
            tooltip="The preparation checklist for this interview",
        ),
    ]

    GONE = "That interview is gone."

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.saved: InterviewDetail | None = None
        self.progress: Progress | None = None
        self._autosave = Autosave(self, self._save_as_typed)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="interview-body", can_focus=False):
            yield Static("Loading…", id="iv-title")
            with Horizontal(id="iv-columns"):
                with Vertical(id="iv-details", classes="pane"):
                    yield Label("Details", classes="section-title")
                    for name, title, hint in INTERVIEW_FIELDS:
                        yield from labelled(title, Input(placeholder=hint, id=f"f-{name}"), name)
                        if name == "when":
                            yield Label("Format", classes="field-label")
                            yield kind_select()
                with Vertical(id="iv-side", classes="pane"):
                    yield Label("Preparation  (f3: checklist)", classes="section-title")
                    yield Static(id="iv-prep")
                    yield Label("Thank-you notes", classes="section-title")
                    yield Static(id="iv-thanks")
                    yield Label("Notes", classes="section-title")
                    yield WritingArea(id="t-notes", classes="notes")
                    with Vertical(id="iv-debrief"):
                        yield Label("Debrief", classes="section-title")
                        yield Label(
                            "How it went, from 1 (poorly) to 5 (very well)", classes="field-label"
                        )
                        with Horizontal(id="iv-ratings"):
                            for name, title in RATINGS:
                                with Vertical(classes="rating"):
                                    yield Label(title, classes="field-label")
                                    yield Select(
                                        [(str(i), i) for i in range(1, 6)],
                                        id=f"r-{name}",
                                        prompt="–",
                                    )
                        for name, title in TEXTS[1:]:
                            yield Label(title, classes="field-label")
                            yield WritingArea(id=f"t-{name}", classes="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "now", lambda _n: self.draw(), init=False)
        interview_id = self.interview_id
        # The checklist is made on first sight; it is a write, so it goes through the app's.
        self.pursuit.run_write(
            lambda store: store.checklists.ensure_checklist(interview_id),
            lambda _r: self.reload() if self.is_attached else None,
            what="this interview's preparation checklist",
        )
        self.follow_changes()

    def read(self, store: Store) -> tuple[InterviewDetail, Progress | None]:
        progress = store.checklists.progress([self.interview_id]).get(self.interview_id)
        return store.people.interview(self.interview_id), progress

    def show(self, data: tuple[InterviewDetail, Progress | None]) -> None:
        detail, self.progress = data
        first = self.saved is None
        if first:
            self.saved = detail
            self._fill(detail)
        else:
            # Keep what is being typed; take only what the form does not edit.
            assert self.saved is not None
            self.saved = replace(
                self.saved, interviewers=detail.interviewers, cancelled=detail.cancelled
            )
        self.draw()

    def _fill(self, d: InterviewDetail) -> None:
        local = d.starts_at.astimezone(local_tz())
        values = {
            "when": f"{local:%Y-%m-%d %H:%M}",
            "round": d.round_name,
            "interviewers": ", ".join(i.name for i in d.interviewers),
            "decision": d.decision_by.isoformat() if d.decision_by else "",
            "location": d.location,
            "link": d.link,
            "duration": str(d.duration_minutes),
        }
        for name, value in values.items():
            self.query_one(f"#f-{name}", Input).value = value
        self.query_one("#f-kind", Select).value = d.kind
        for name, _title in TEXTS:
            self.query_one(f"#t-{name}", TextArea).load_text(getattr(d, name))
        for name, _title in RATINGS:
            value = getattr(d, name)
            select = self.query_one(f"#r-{name}", Select)
            if value:
                select.value = value
            else:
                select.clear()

    def draw(self) -> None:
        d = self.saved
        if d is None:
            return
        now = self.now()
        tz = local_tz()
        local = d.starts_at.astimezone(tz)
        title = Text()
        title.append(d.company, style="bold")
        title.append(f" · {d.role}\n")
        at = clock_time(local) if is_repeated(local) else f"{local:%H:%M} {local:%Z}"
        local_today = now.astimezone(tz).date()
        when = f"{short_day(local.date(), local_today)} {at}"
        # Called off: kept in the history, struck out so that it is not taken for one to come.
        title.append(f"{d.title} interview, {when}", style="dim strike" if d.cancelled else "dim")
        if d.cancelled:
            title.append("  cancelled", style="bold")
        if d.decision_by:
            title.append(f" · decision by {short_day(d.decision_by, local_today)}", style="dim")
        if d.link:
            title.append(f"\n{for_terminal(d.link)}", style="underline")
        self.query_one("#iv-title", Static).update(title)
        thanks = Text()
        if not d.interviewers:
            thanks.append("No interviewer recorded: add names under Interviewers.", style="dim")
        for person in d.interviewers:
            look = STATES[person.thank_you]
            word = THANK_YOU_WORDS.get(person.thank_you, look.words)
            style = readable(self.query_one("#iv-thanks"), look.style)
            thanks.append(f"{look.marker} {person.name}", style=style)
            overdue = person.thank_you == "overdue"
            thanks.append(f"  {word}\n", style=style if overdue else "dim")
        self.query_one("#iv-thanks", Static).update(thanks)
        prep = Text()
        if self.progress is None or not self.progress.total:
            prep.append("No checklist items.", style="dim")
        else:
            p = self.progress
            prep.append(f"{p.settled} of {p.total} ready", style="green" if p.complete else "")
            if p.skipped:
                prep.append(f", {p.skipped} skipped", style="dim")
        self.query_one("#iv-prep", Static).update(prep)
        # The debrief is for after the interview.
        self.query_one("#iv-debrief").display = d.starts_at <= now
        self.sub_title = f"{d.company} · {d.title}{' (cancelled)' if d.cancelled else ''}"

    # --- saving -----------------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _edited(self) -> None:
        if self.saved is None:
            return
        self._autosave.touched()

    def _save_as_typed(self) -> None:
        self.action_save(typing_too=False)

    @on(Input.Blurred)
    def _left_a_field(self, event: Input.Blurred) -> None:
        # A date is saved once it is left (or on enter, ctrl+s, escape), never half typed.
        if self.saved is not None and (event.input.id or "")[2:] in TYPED_DATES:
            self.action_save()

    def changes(self, *, typing_too: bool = False) -> dict[str, Any] | None:
        """What differs from the stored interview, or None when nothing does.

        A date still being typed is left out (unless TYPING_TOO): on the way to "Nov 30",
        "Nov 3" reads as a day, and the autosave would move the interview there.
        """
        d = self.saved
        if d is None:
            return None
        texts = {
            name: self.query_one(f"#f-{name}", Input).value for name in FIELD_KEYS if name != "kind"
        }
        texts["interviewers"] = self.query_one("#f-interviewers", Input).value
        texts["kind"] = str(self.query_one("#f-kind", Select).value)
        values, errors = read_interview(texts, self.now())
        for name, _t, _h in INTERVIEW_FIELDS:
            self.query_one(f"#err-{name}", FieldError).show(errors.get(name))
        out: dict[str, Any] = {}
        for name, key in FIELD_KEYS.items():
            typing = name in TYPED_DATES and self.query_one(f"#f-{name}", Input).has_focus
            if typing and not typing_too:
                continue
            if name not in errors and values[key] != getattr(d, key):
                out[key] = values[key]
        names = values["interviewers"]
        if "interviewers" not in errors and names != [i.name for i in d.interviewers]:
            out["interviewers"] = names
        for name, _title in TEXTS:
            text = self.query_one(f"#t-{name}", TextArea).text
            if text != getattr(d, name):
                out[name] = text
        for name, _title in RATINGS:
            value = self.query_one(f"#r-{name}", Select).value
            # A blank Select reads as False, which is an int too.
            rating = value if type(value) is int else None
            if rating != getattr(d, name):
                out[name] = rating
        return out or None

    def _take(self, changes: dict[str, Any]) -> None:
        """Count CHANGES as stored, so the next comparison starts from them."""
        assert self.saved is not None
        names = changes.get("interviewers")
        fields = {k: v for k, v in changes.items() if k != "interviewers"}
        self.saved = replace(self.saved, **fields)
        if names is not None:
            self.load()  # the thank-you list follows the new interviewers

    def action_save(self, typing_too: bool = True) -> None:
        self._autosave.cancel_timer()
        changes = self.changes(typing_too=typing_too)
        if not changes:
            return
        # Counted as stored at once: the app keeps the write, in order, until it commits.
        self._take(changes)
        interview_id = self.interview_id
        self.pursuit.run_write(
            lambda store: store.people.update_interview(interview_id, **changes),
            self._ticked,
            what=f"your changes to the {self.saved.title if self.saved else ''} interview",
            kept=typed_text(changes),
        )

    def _ticked(self, items: list[str] | None) -> None:
        """Say which checklist items the debrief just did: the checklist (f3) shows them ticked."""
        if items:
            self.notify("Ticked on the checklist: " + "; ".join(items) + ".", title="Debrief")

    def flush(self) -> None:
        """Hand what is left to the app's writer: called when leaving the screen or quitting."""
        self.action_save()

    def action_checklist(self) -> None:
        from pursuit.tui.screens.checklist import open_checklist

        if self.saved is not None:
            self.flush()
            open_checklist(self, self.interview_id, self.saved, self.now())

    def action_leave(self) -> None:
        self.flush()
        refused = [
            title
            for name, title, _h in INTERVIEW_FIELDS
            if self.query_one(f"#err-{name}", FieldError).has_class("-shown")
        ]
        if not refused:
            self.app.pop_screen()
            return
        # A field that could not be read was not saved: leaving would lose what was typed.
        from pursuit.tui.screens.confirm import Confirm

        fields = " and ".join(t.lower() for t in refused)

        def answered(leaving: bool | None) -> None:
            if leaving:
                self.app.pop_screen()

        self.app.push_screen(
            Confirm(
                f"The {fields} could not be read, so it is not saved. Leave anyway and lose it?",
                yes="Leave",
                no="Fix it",
                danger=True,
            ),
            answered,
        )
