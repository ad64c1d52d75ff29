"""One application: its facts, interviews, people, what is due, and its history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from pursuit.domain.dates import local_tz, short_day
from pursuit.domain.followups import ACTION_LABELS
from pursuit.domain.records import ApplicationDetail
from pursuit.domain.salary import format_salary
from pursuit.domain.stages import label, next_stage


class ApplicationScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "escape",
            "app.pop_screen",
            "Back",
            id="application.back",
            tooltip="Back to where you were",
        ),
        Binding("e", "edit", "Edit", id="application.edit", tooltip="Edit this application"),
        Binding(
            "n", "advance", "Next stage", id="application.advance", tooltip="Move to the next stage"
        ),
        Binding("m", "move", "Stage…", id="application.move", tooltip="Move to any stage"),
    ]

    class Loaded(Message):
        def __init__(self, detail: ApplicationDetail | None, error: str = "") -> None:
            super().__init__()
            self.detail = detail
            self.error = error

    def __init__(self, app_id: int) -> None:
        super().__init__()
        self.app_id = app_id
        self.detail: ApplicationDetail | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="application-body"):
            yield Static("Loading…", id="app-header")
            with Horizontal(id="app-panes"):
                with Vertical(classes="pane"):
                    yield Static(id="app-due", classes="pane-body")
                    yield Static(id="app-interviews", classes="pane-body")
                    yield Static(id="app-contacts", classes="pane-body")
                yield Static(id="app-timeline", classes="pane pane-body")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "data_generation", lambda _g: self.load(), init=False)
        self.watch(self.app, "now", lambda _n: self.draw(), init=False)
        self.load()

    def now(self) -> datetime:
        return self.app.now or self.app.clock.now()  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="application-load", name="load application")
    def load(self) -> None:
        from pursuit.store.db import StoreError

        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            return
        try:
            self.post_message(self.Loaded(store.detail(self.app_id)))
        except StoreError as exc:
            self.post_message(self.Loaded(None, str(exc)))

    def on_application_screen_loaded(self, message: Loaded) -> None:
        if message.detail is None:
            self.notify(message.error or "That application is gone.", severity="warning")
            self.app.pop_screen()
            return
        self.detail = message.detail
        self.draw()

    def draw(self) -> None:
        d = self.detail
        if d is None:
            return
        tz = local_tz()
        now = self.now()
        today = now.astimezone(tz).date()
        r = d.row
        head = Text()
        head.append(r.company, style="bold")
        head.append(f"  ·  {r.role}\n")
        facts = [label(r.stage) + (" (archived)" if r.archived else ""), r.sector.title()]
        if r.location:
            facts.append(r.location)
        salary = format_salary(r.salary_min, r.salary_max)
        if salary:
            facts.append(salary)
        if r.applied_on:
            facts.append(f"applied {short_day(r.applied_on, today)}")
        if r.source:
            facts.append(f"via {r.source}")
        head.append("  ·  ".join(facts), style="dim")
        if r.url:
            head.append(f"\n{r.url}", style="underline")
        if r.notes:
            head.append(f"\n{r.notes}")
        self.query_one("#app-header", Static).update(head)

        due = Text("What's next\n", style="bold")
        if not d.due:
            due.append("Nothing to send.", style="dim")
        for item in d.due:
            local = item.due_at.astimezone(tz)
            state = (
                "overdue" if item.is_overdue(now) else "due" if item.opens_at <= now else "later"
            )
            style = {"overdue": "bold red", "due": "yellow", "later": ""}[state]
            marker = {"overdue": "!", "due": "•", "later": "·"}[state]
            who = f" · {item.contact_name}" if item.contact_name else ""
            due.append(
                f"{marker} {ACTION_LABELS[item.action]}{who} — {short_day(local.date(), today)}\n",
                style=style,
            )
        self.query_one("#app-due", Static).update(due)

        ivs = Text("Interviews\n", style="bold")
        if not d.interviews:
            ivs.append("None yet.", style="dim")
        for iv in d.interviews:
            local = iv.starts_at.astimezone(tz)
            when = f"{short_day(local.date(), today)} {local:%H:%M}"
            tense = "" if iv.starts_at <= now else "  (upcoming)"
            ivs.append(f"{when}  {iv.title}{tense}\n")
            if iv.interviewers:
                ivs.append(f"   with {', '.join(iv.interviewers)}\n", style="dim")
            if iv.decision_by:
                ivs.append(f"   decision by {short_day(iv.decision_by, today)}\n", style="dim")
        self.query_one("#app-interviews", Static).update(ivs)

        people = Text("People\n", style="bold")
        if not d.contacts:
            people.append("No one recorded.", style="dim")
        for _cid, name, role in d.contacts:
            people.append(f"{name}{' · ' + role if role else ''}\n")
        self.query_one("#app-contacts", Static).update(people)

        timeline = Text("History\n", style="bold")
        for entry in d.timeline:
            local = entry.at.astimezone(tz)
            timeline.append(f"{local:%Y-%m-%d %H:%M}  ", style="dim")
            timeline.append(f"{entry.text}\n")
        self.query_one("#app-timeline", Static).update(timeline)
        self.sub_title = f"{r.company} · {r.role}"

    def action_edit(self) -> None:
        from pursuit.tui.screens.application_form import ApplicationForm

        if self.detail is None:
            return
        row = self.detail.row

        def saved(values: dict[str, Any] | None) -> None:
            if values:
                self.app.run_write(  # type: ignore[attr-defined]
                    lambda store: store.update_application(row.id, **values), success="Saved"
                )

        self.app.push_screen(ApplicationForm(self.now(), row), saved)

    def action_advance(self) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        target = next_stage(row.stage)
        if target is None:
            self.notify(
                f"{label(row.stage)} has no next stage; press m to pick one.", severity="warning"
            )
            return
        self.app.run_write(  # type: ignore[attr-defined]
            lambda store: store.set_stage(row.id, target),
            success=f"{label(row.stage)} → {label(target)}",
        )

    def action_move(self) -> None:
        from pursuit.tui.screens.stage_picker import StagePicker

        if self.detail is None:
            return
        row = self.detail.row

        def picked(stage: str | None) -> None:
            if stage and stage != row.stage:
                self.app.run_write(  # type: ignore[attr-defined]
                    lambda store: store.set_stage(row.id, stage),
                    success=f"{label(row.stage)} → {label(stage)}",
                )

        self.app.push_screen(StagePicker(f"Move {row.company} to…", row.stage), picked)
