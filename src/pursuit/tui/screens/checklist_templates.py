"""Edit the checklist templates, format by format. Existing checklists keep their items."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from pursuit.domain.checklists import FORMAT_LABELS, FORMATS, PERSON_SLOT, TemplateItem
from pursuit.tui.screens.base import LoadingScreen
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store


class ChecklistTemplatesScreen(LoadingScreen[tuple[str, list[TemplateItem]]]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="templates.back", tooltip="Done editing"),
        Binding("a", "add", "Add", id="templates.add", tooltip="Add an item below this one"),
        Binding("e", "edit", "Edit", id="templates.edit", tooltip="Reword the item"),
        Binding("d", "remove", "Remove", id="templates.remove", tooltip="Remove the item"),
        Binding("shift+up,K", "move(-1)", "Up", id="templates.up", tooltip="Move the item up"),
        Binding(
            "shift+down,J", "move(1)", "Down", id="templates.down", tooltip="Move the item down"
        ),
        Binding(
            "R",
            "restore",
            "Restore",
            id="templates.restore",
            tooltip="Put back pursuit's own items for this format",
        ),
        Binding(
            "left",
            "format(-1)",
            "Format",
            id="templates.prev-format",
            show=False,
            tooltip="The previous format",
        ),
        Binding(
            "right",
            "format(1)",
            "Format",
            id="templates.next-format",
            show=False,
            tooltip="The next format",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.fmt = FORMATS[0]
        self.items: list[TemplateItem] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Tabs(*[Tab(FORMAT_LABELS[f], id=f"fmt-{f}") for f in FORMATS], id="formats")
        yield Static(id="templates-hint")
        yield OptionList(id="template-items")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Checklist templates"
        self.query_one(OptionList).focus()
        self.reload()

    def read(self, store: Store) -> tuple[str, list[TemplateItem]]:
        fmt = self.fmt
        return fmt, store.checklists.checklist_templates(fmt)

    def show(self, data: tuple[str, list[TemplateItem]]) -> None:
        fmt, items = data
        if fmt == self.fmt:  # not a tab left since
            self.items = items
            self.draw()

    @on(Tabs.TabActivated)
    def _tab(self, event: Tabs.TabActivated) -> None:
        if event.tab.id:
            self.fmt = event.tab.id.removeprefix("fmt-")
            self.reload()

    def action_format(self, step: int) -> None:
        index = (FORMATS.index(self.fmt) + step) % len(FORMATS)
        self.query_one(Tabs).active = f"fmt-{FORMATS[index]}"

    def draw(self, keep: int | None = None) -> None:
        items = self.query_one(OptionList)
        current = items.highlighted if keep is None else keep
        items.clear_options()
        section = None
        for i, t in enumerate(self.items):
            if t.section != section:
                section = t.section
                items.add_option(
                    Option(Text(section or "(no section)", style="bold"), disabled=True)
                )
            items.add_option(Option(f"  {t.text}", id=f"t-{i}"))
        if not self.items:
            items.add_option(
                Option(
                    Text("No items: press a to add one, R to restore.", style="dim"), disabled=True
                )
            )
        elif current is not None:
            items.highlighted = min(current, items.option_count - 1)
        self.query_one("#templates-hint", Static).update(
            Text(
                f"{FORMAT_LABELS[self.fmt]}: changes apply to checklists made from now on. "
                f"Write {PERSON_SLOT} in an item to get one per interviewer.",
                style="dim",
            )
        )

    def selected_index(self) -> int | None:
        items = self.query_one(OptionList)
        if items.highlighted is None:
            return None
        option = items.get_option_at_index(items.highlighted)
        return int(option.id.removeprefix("t-")) if option.id else None

    def _save(self, items: list[TemplateItem], keep: int | None = None) -> None:
        self.items = items
        self.draw(keep)
        fmt = self.fmt
        self.pursuit.run_write(
            lambda s: s.checklists.save_checklist_templates(fmt, items),
            what=f"the {FORMAT_LABELS[fmt]} checklist template",
            kept="\n".join(f"{i.section}: {i.text}" for i in items),
            key=("checklist-template", fmt),  # each save holds the whole list
        )

    def action_add(self) -> None:
        from pursuit.tui.screens.text_prompt import TextPrompt

        index = self.selected_index()
        section = (
            self.items[index].section
            if index is not None
            else (self.items[-1].section if self.items else "My items")
        )

        def saved(text: str | None) -> None:
            if text:
                at = (index + 1) if index is not None else len(self.items)
                items = list(self.items)
                items.insert(at, TemplateItem(self.fmt, section, text))
                self._save(items)

        self.app.push_screen(TextPrompt(f"New item in {section}"), saved)

    def action_edit(self) -> None:
        from pursuit.tui.screens.text_prompt import TextPrompt

        index = self.selected_index()
        if index is None:
            return

        def saved(text: str | None) -> None:
            if text and index is not None:
                items = list(self.items)
                items[index] = replace(items[index], text=text)
                self._save(items)

        self.app.push_screen(TextPrompt("Reword the item", self.items[index].text), saved)

    def action_remove(self) -> None:
        from pursuit.tui.screens.confirm import ask_first

        index = self.selected_index()
        if index is not None:
            items = self.items
            ask_first(
                self,
                f"Remove “{items[index].text}” from the {FORMAT_LABELS[self.fmt]} items?",
                "Remove",
                lambda: self._save(items[:index] + items[index + 1 :]),
            )

    def action_move(self, step: int) -> None:
        index = self.selected_index()
        if index is None or not 0 <= index + step < len(self.items):
            return
        items = list(self.items)
        moving = items.pop(index)
        # Moving across a section border takes the neighbour's section.
        neighbour = items[index + step - 1] if step > 0 else items[index + step]
        items.insert(index + step, replace(moving, section=neighbour.section))
        options = self.query_one(OptionList)
        self._save(items)
        options.highlighted = options.get_option_index(f"t-{index + step}")

    def action_restore(self) -> None:
        from pursuit.tui.screens.confirm import ask_first

        fmt = self.fmt
        ask_first(
            self,
            f"Put back pursuit's own {FORMAT_LABELS[fmt]} items? "
            "Your changes to them will be lost.",
            "Restore",
            lambda: self.pursuit.run_write(
                lambda s: s.checklists.restore_checklist_templates(fmt),
                self.reload,
                success=f"{FORMAT_LABELS[fmt]}: pursuit's own items are back",
            ),
        )

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.action_edit()
