"""Walk mode: the checklist one item at a time, for the half hour before an interview."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Footer, Label, ProgressBar, Static, TextArea

from pursuit.domain.checklists import about_the_description
from pursuit.domain.records import ChecklistRow, JobDescription
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.screens.base import PursuitScreen
from pursuit.tui.screens.checklist import READ_IT
from pursuit.tui.screens.checklist_target import ChecklistTarget
from pursuit.tui.screens.job_description import read_description
from pursuit.tui.widgets.marked_text_area import WritingArea


class WalkScreen(PursuitScreen[None]):
    # The walking keys are plain letters and space: nothing may take them until `n`.
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("space", "done", "Done", id="walk.done", tooltip="Done: on to the next item"),
        Binding("s", "skip", "Skip", id="walk.skip", tooltip="Skip it for now"),
        Binding("b", "back", "Back", id="walk.back", tooltip="The previous item"),
        Binding(
            "n",
            "notes",
            "Notes",
            id="walk.notes",
            tooltip="Write in this item's notes (escape when finished)",
        ),
        Binding(
            "escape", "leave", "Stop", id="walk.leave", tooltip="Stop walking (everything is kept)"
        ),
        Binding(
            "j",
            "description",
            "Description",
            id="walk.description",
            show=False,
            tooltip="Read the job description kept with the application",
        ),
    ]

    def __init__(
        self,
        target: ChecklistTarget,
        rows: list[ChecklistRow],
        start: int = 0,
        *,
        description: JobDescription | None = None,
    ) -> None:
        super().__init__()
        self.target = target
        self.description = description
        self.rows = list(rows)
        opens = [i for i, r in enumerate(self.rows) if r.state == "open"]
        self.index = next((i for i in opens if i >= start), opens[0] if opens else start)
        self.finished = False

    def compose(self) -> ComposeResult:
        with Center(id="walk"), Vertical(id="walk-card"):
            yield Label(for_terminal(self.target.title), id="walk-where", markup=False)
            yield ProgressBar(id="walk-progress", show_eta=False, show_percentage=False)
            yield Static(id="walk-section")
            yield Static(id="walk-item")
            yield Static(id="walk-guidance")
            notes = WritingArea(id="walk-notes")
            notes.can_focus = False  # until `n`: the walking keys must not go into it
            yield notes
            yield Static(id="walk-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    @property
    def current(self) -> ChecklistRow:
        return self.rows[self.index]

    def show(self) -> None:
        card = self.query_one("#walk-card")
        notes = self.query_one("#walk-notes", TextArea)
        summary = self.query_one("#walk-summary", Static)
        bar = self.query_one(ProgressBar)
        bar.update(
            total=max(len(self.rows), 1), progress=sum(1 for r in self.rows if r.state != "open")
        )
        # The item's parts (the bordered card among them) are hidden on the summary, not blanked.
        for part in ("#walk-section", "#walk-item", "#walk-guidance"):
            self.query_one(part, Static).display = not self.finished
        # The footer offers only the keys that act where the walk is now.
        self.refresh_bindings()
        if self.finished:
            notes.display = False
            skipped = [r for r in self.rows if r.state == "skipped"]
            left = [r for r in self.rows if r.state == "open"]
            text = Text("All through.\n\n", style="bold")
            if skipped:
                text.append("Skipped:\n", style="bold")
                for r in skipped:
                    text.append(f"  · {r.text}\n")
            if left:
                text.append("Still open:\n", style="bold")
                for r in left:
                    text.append(f"  · {r.text}\n")
            if not skipped and not left:
                text.append("Everything is done. Good luck!")
            text.append("\n\nescape: back to the list · b: the last item", style="dim")
            summary.update(text)
            summary.display = True
            return
        summary.display = False
        notes.display = True
        row = self.current
        self.query_one("#walk-section", Static).update(
            Text(f"{row.section}  ·  {self.index + 1} of {len(self.rows)}", style="dim")
        )
        mark = {"open": "", "done": "  ✓ done", "skipped": "  (skipped)"}[row.state]
        self.query_one("#walk-item", Static).update(
            Text.assemble((row.text, "bold"), (mark, "green"))
        )
        guidance = Text(for_terminal(row.guidance, multiline=True))
        if self.description is not None and about_the_description(row.text):
            guidance.append(f"\n{READ_IT}", style="bold")
        self.query_one("#walk-guidance", Static).update(guidance)
        notes.load_text(row.notes)
        card.scroll_home(animate=False)

    def _save_notes(self) -> None:
        if self.finished:
            return
        row = self.current
        text = self.query_one("#walk-notes", TextArea).text
        if text != row.notes:
            self.rows[self.index] = replace(row, notes=text)
            self.pursuit.run_write(
                lambda s: s.checklists.update_item(row.id, notes=text),
                what="your notes on a checklist item",
                kept=f"{row.text}\n{text}",
                key=("checklist-notes", row.id),
            )

    def _mark(self, state: str) -> None:
        if self.finished:
            return
        self._save_notes()
        row = self.current
        if row.state != state:
            self.rows[self.index] = replace(row, state=state)
            self.pursuit.run_write(
                lambda s: s.checklists.set_item_state(row.id, state),
                what=f"your tick on “{row.text}”",
            )
        self._forward()

    def _forward(self) -> None:
        if self.index + 1 < len(self.rows):
            self.index += 1
        else:
            self.finished = True
        self.show()

    def action_done(self) -> None:
        self._mark("done")

    def action_skip(self) -> None:
        self._mark("skipped")

    def action_back(self) -> None:
        if self.finished:
            self.finished = False
        else:
            self._save_notes()
            self.index = max(0, self.index - 1)
        self.show()

    def action_notes(self) -> None:
        if not self.finished:
            notes = self.query_one("#walk-notes", TextArea)
            notes.can_focus = True
            notes.focus()

    def action_description(self) -> None:
        self._save_notes()
        read_description(self, self.description)

    def action_leave(self) -> None:
        notes = self.query_one("#walk-notes", TextArea)
        if notes.has_focus:
            # Out of the notes, back to walking.
            self._save_notes()
            notes.can_focus = False
            self.set_focus(None)
            return
        self._save_notes()
        self.dismiss(None)

    def flush(self) -> None:
        self._save_notes()

    def check_action(self, action: str, parameters: tuple[Any, ...]) -> bool | None:
        # While typing notes, the walking keys are letters and spaces in the text.
        if self.finished and action in ("done", "skip", "notes"):
            return False  # on the summary there is no item to mark or write in
        typing = self.query_one("#walk-notes", TextArea).has_focus
        return not (typing and action in ("done", "skip", "back", "notes", "description"))
