"""An interview's preparation checklist (or an offer's review), grouped by section."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from pursuit.domain import checklists as cl
from pursuit.domain.days import exact_day_time
from pursuit.domain.records import ChecklistRow, JobDescription
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.screens.base import LoadingScreen
from pursuit.tui.screens.checklist_target import ChecklistTarget
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store

BOXES = {"open": "[ ]", "done": "[x]", "skipped": "[-]"}
PHASES = {"before": "Before", "after": "After the interview", "offer": ""}


def open_checklist(screen: Screen[Any], interview_id: int, iv: Any, now: Any) -> None:
    """Push the checklist of interview IV (anything with company, title and starts_at)."""
    when = iv.starts_at.astimezone(now.tzinfo)
    title = f"{iv.company} · {iv.title} interview, {exact_day_time(when, now.date())}"
    screen.app.push_screen(
        ChecklistScreen(
            ChecklistTarget(title, interview_id=interview_id, show_after=iv.starts_at <= now)
        )
    )


def visible(rows: list[ChecklistRow], target: ChecklistTarget) -> list[ChecklistRow]:
    return [r for r in rows if target.show_after or r.phase != "after"]


#: Said after the item about rereading the job description, when there is one to read.
READ_IT = "j: read it here"


class ChecklistScreen(LoadingScreen[tuple[list[ChecklistRow], JobDescription | None]]):
    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", "Back", id="checklist.back", tooltip="Back to the interview"
        ),
        Binding(
            "space", "tick", "Done", id="checklist.toggle", tooltip="Tick the item (or untick it)"
        ),
        Binding("s", "skip", "Skip", id="checklist.skip", tooltip="Mark the item as skipped"),
        Binding(
            "w", "walk", "Walk", id="checklist.walk", tooltip="Walk the list one item at a time"
        ),
        Binding(
            "enter",
            "notes",
            "Notes",
            id="checklist.notes",
            tooltip="Notes for this item: your examples, your questions",
        ),
        Binding("n", "add", "Add", id="checklist.add", tooltip="Add an item of your own here"),
        Binding("e", "edit", "Edit", id="checklist.edit", tooltip="Reword the item"),
        Binding("d", "remove", "Remove", id="checklist.remove", tooltip="Remove the item"),
        Binding(
            "j",
            "description",
            "Description",
            id="checklist.description",
            show=False,
            tooltip="Read the job description kept with the application",
        ),
    ]

    def __init__(self, target: ChecklistTarget) -> None:
        super().__init__()
        self.target = target
        self.rows: list[ChecklistRow] = []
        self.select_next: int | None = None
        self.description: JobDescription | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(for_terminal(self.target.title), id="checklist-title", markup=False)
        yield ProgressBar(id="checklist-progress", show_eta=False)
        yield OptionList(id="checklist-items")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Prepare"
        self.query_one(OptionList).focus()
        target = self.target
        # Making the list on first sight is a write: the app's writer does it, then we read.
        if target.application_id is not None:
            app_id = target.application_id
            make: Any = lambda store: store.checklists.offer_checklist(app_id)  # noqa: E731
        else:
            iv_id = target.interview_id
            make = lambda store: store.checklists.ensure_checklist(iv_id)  # noqa: E731
        self.pursuit.run_write(make, lambda _r: self._made(), what="the preparation checklist")

    def _made(self) -> None:
        if self.is_attached:
            self.follow_changes()

    def read(self, store: Store) -> tuple[list[ChecklistRow], JobDescription | None]:
        scope = self.target.scope()
        return store.checklists.checklist(**scope), store.views.job_description(**scope)

    def show(self, data: tuple[list[ChecklistRow], JobDescription | None]) -> None:
        rows, self.description = data
        self.rows = visible(rows, self.target)
        self.draw()

    def draw(self) -> None:
        items = self.query_one(OptionList)
        keep = self.selected()
        items.clear_options()
        section = None
        for row in self.rows:
            if row.section != section:
                section = row.section
                heading = Text(section, style="bold")
                if row.phase == "after":
                    heading.append("  (after the interview)", style="dim")
                items.add_option(Option(heading, disabled=True))
            line = Text(f"  {BOXES[row.state]} ", style="bold" if row.state == "open" else "dim")
            line.append(row.text, style="strike dim" if row.state != "open" else "")
            if row.notes:
                line.append("  ✎", style="cyan")
            if self.description is not None and cl.about_the_description(row.text):
                line.append(f"  ({READ_IT})", style="dim")
            items.add_option(Option(line, id=f"i-{row.id}"))
        if self.select_next is not None:
            self.select(self.select_next)
            self.select_next = None
        elif keep is not None:
            self.select(keep.id)
        elif self.rows:
            self.select(next((r.id for r in self.rows if r.state == "open"), self.rows[0].id))
        # The count is the preparation's, the same as the pipeline's and the interview's.
        prep = cl.Progress.of(self.rows)
        after = sum(1 for r in self.rows if r.phase == "after")
        # Skipped is not done: said apart, though both leave nothing more to do.
        skipped = f", {prep.skipped} skipped" if prep.skipped else ""
        title = Text.assemble(
            (self.target.title, "bold"),
            f"  ·  {prep.done} of {prep.total} done{skipped}, {prep.total - prep.settled} to go",
        )
        if after:
            title.append(f"  ·  {after} for after the interview", style="dim")
        self.query_one("#checklist-title", Static).update(title)
        self.query_one(ProgressBar).update(total=max(prep.total, 1), progress=prep.settled)

    def selected(self) -> ChecklistRow | None:
        items = self.query_one(OptionList)
        if items.highlighted is None:
            return None
        option = items.get_option_at_index(items.highlighted)
        if not option.id:
            return None
        item_id = int(option.id.removeprefix("i-"))
        return next((r for r in self.rows if r.id == item_id), None)

    def select(self, item_id: int) -> None:
        items = self.query_one(OptionList)
        with contextlib.suppress(OptionDoesNotExist):  # the item is gone
            items.highlighted = items.get_option_index(f"i-{item_id}")

    def _write(self, write: Any, what: str, *, kept: str = "", select_result: bool = False) -> None:
        """WRITE through the app's one line of writes: a busy or read-only file keeps it (and
        what was typed, KEPT) until it can be stored; the list shows the change meanwhile."""

        def done(result: object) -> None:
            if select_result and isinstance(result, int):
                self.select_next = result
            if self.is_attached:
                self.load()

        self.pursuit.run_write(write, done, what=what, kept=kept)

    def _set_state(self, row: ChecklistRow, state: str) -> None:
        self._write(
            lambda s: s.checklists.set_item_state(row.id, state),
            f"your tick on “{row.text}”",
        )
        # Move on at once; the reload confirms it.
        index = self.rows.index(row)
        self.rows[index] = replace(row, state=state)
        following = [r for r in self.rows[index + 1 :] if r.state == "open"]
        self.draw()
        if state != "open" and following:
            self.select(following[0].id)

    def action_tick(self) -> None:
        row = self.selected()
        if row is not None:
            self._set_state(row, "open" if row.state == "done" else "done")

    def action_skip(self) -> None:
        row = self.selected()
        if row is not None:
            self._set_state(row, "open" if row.state == "skipped" else "skipped")

    def action_notes(self) -> None:
        from pursuit.tui.screens.text_prompt import TextPrompt

        row = self.selected()
        if row is None:
            return

        def saved(text: str | None) -> None:
            if text is not None:
                self._write(
                    lambda s: s.checklists.update_item(row.id, notes=text),
                    "your notes on a checklist item",
                    kept=f"{row.text}\n{text}",
                )

        prompt = f"Notes · {row.text}" + (f"\n{row.guidance}" if row.guidance else "")
        self.app.push_screen(
            TextPrompt(prompt, row.notes, multiline=True, required=False, limit=100_000), saved
        )

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.action_notes()

    def action_add(self) -> None:
        from pursuit.tui.screens.text_prompt import TextPrompt

        row = self.selected()
        section = row.section if row else (self.rows[-1].section if self.rows else "My items")

        def saved(text: str | None) -> None:
            if text:
                self._write(
                    lambda s: s.checklists.add_item(
                        section=section,
                        text=text,
                        after=row.id if row else None,
                        **self.target.scope(),
                    ),
                    "your new checklist item",
                    kept=text,
                    select_result=True,
                )

        self.app.push_screen(TextPrompt(f"New item in {section}"), saved)

    def action_edit(self) -> None:
        from pursuit.tui.screens.text_prompt import TextPrompt

        row = self.selected()
        if row is None:
            return

        def saved(text: str | None) -> None:
            if text:
                self._write(
                    lambda s: s.checklists.update_item(row.id, text=text),
                    "the reworded item",
                    kept=text,
                )

        self.app.push_screen(TextPrompt("Reword the item", row.text), saved)

    def action_remove(self) -> None:
        from pursuit.tui.screens.confirm import ask_first

        row = self.selected()
        if row is not None:
            ask_first(
                self,
                f"Remove “{row.text}” from this checklist?",
                "Remove",
                lambda: self._write(
                    lambda s: s.checklists.remove_item(row.id), f"removing “{row.text}”"
                ),
            )

    def action_description(self) -> None:
        from pursuit.tui.screens.job_description import read_description

        read_description(self, self.description)

    def action_walk(self) -> None:
        from pursuit.tui.screens.walk import WalkScreen

        if self.rows:
            start = self.selected()
            self.app.push_screen(
                WalkScreen(
                    self.target,
                    self.rows,
                    self.rows.index(start) if start else 0,
                    description=self.description,
                ),
                self.reload,
            )
