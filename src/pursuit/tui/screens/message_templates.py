"""Edit the message templates, add your own, put the built-in wording back."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from pursuit.domain.messages import FIELDS, Template, unknown_slots
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.saving import typed_text
from pursuit.tui.screens.base import LoadingScreen
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.fields import FieldError
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store

SLOTS = "  ".join(f"{{{name}}}" for name in FIELDS)


class TemplateEditor(FormModal[dict[str, str] | None]):
    """Subject and body of one template; returns {name, subject, body, title}."""

    def __init__(self, template: Template | None) -> None:
        super().__init__()
        self.template = template
        #: The unknown slots already pointed out: saving again keeps them as typed.
        self._flagged: list[str] = []

    def compose(self) -> ComposeResult:
        t = self.template
        with Vertical(id="form"):
            yield Label(
                for_terminal(f"Template · {t.title}" if t else "A template of your own"),
                id="form-title",
                markup=False,
            )
            with Vertical(id="form-fields"):
                if t is None:
                    yield Label("Name (letters, digits and dashes)", classes="field-label")
                    yield Input(id="t-name", placeholder="coffee-chat")
                    yield FieldError(id="err-name")
                yield Label("Subject (empty for notes and scripts)", classes="field-label")
                yield Input(t.subject if t else "", id="t-subject")
                yield Label("Message", classes="field-label")
                yield TextArea(
                    t.body if t else "Hi {contact_first},\n\n\n\nBest regards,\n{signature}",
                    id="t-body",
                )
                yield FieldError(id="err-body")
                yield Static(Text(f"Slots: {SLOTS}", style="dim"), id="t-slots")
            yield from self.buttons()

    def action_save(self) -> None:
        name = self.template.name if self.template else self.query_one("#t-name", Input).value
        name = name.strip().lower()
        body = self.query_one("#t-body", TextArea).text
        ok = True
        if self.template is None and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", name):
            self.query_one("#err-name", FieldError).show(
                "Use letters, digits and dashes, such as coffee-chat."
            )
            ok = False
        if not body.strip():
            self.query_one("#err-body", FieldError).show("A template needs a message.")
            ok = False
        subject = self.query_one("#t-subject", Input).value
        unknown = unknown_slots(f"{subject}\n{body}")
        if ok and unknown and unknown != self._flagged:
            # A misspelt {compnay} would go into every draft as typed: say so before saving.
            self._flagged = unknown
            names = ", ".join(unknown)
            self.query_one("#err-body", FieldError).show(
                f"{names}: not a slot pursuit fills in (a typo? the slots are listed below), "
                "so it would stay in every draft as typed. Press ctrl+s again to save it anyway."
            )
            ok = False
        if ok:
            self.dismiss(
                {
                    "name": name,
                    "subject": self.query_one("#t-subject", Input).value,
                    "body": body,
                    "title": self.template.title if self.template else name,
                }
            )


class MessageTemplatesScreen(LoadingScreen[tuple[list[Template], set[str]]]):
    BINDINGS = [
        Binding(
            "escape",
            "app.pop_screen",
            "Back",
            id="message-templates.back",
            tooltip="Done with templates",
        ),
        Binding("e", "edit", "Edit", id="message-templates.edit", tooltip="Edit the template"),
        Binding("n", "new", "New", id="message-templates.new", tooltip="A template of your own"),
        Binding(
            "R",
            "restore",
            "Restore",
            id="message-templates.restore",
            tooltip="Put back pursuit's wording (or delete one of your own)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.templates: list[Template] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield OptionList(id="message-templates")
        yield Static(id="message-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Message templates"
        self.query_one(OptionList).focus()
        self.load()

    def read(self, store: Store) -> tuple[list[Template], set[str]]:
        return store.drafts.templates(), store.drafts.edited_templates()

    def show(self, data: tuple[list[Template], set[str]]) -> None:
        self.templates, edited = data
        options = self.query_one(OptionList)
        keep = options.highlighted
        options.clear_options()
        for t in self.templates:
            line = Text(t.title)
            if not t.builtin:
                line.append("  (yours)", style="cyan")
            elif t.name in edited:
                line.append("  (edited)", style="yellow")
            line.append(f"  {t.name}", style="dim")
            options.add_option(Option(line, id=t.name))
        if self.templates:
            options.highlighted = min(keep or 0, len(self.templates) - 1)

    @on(OptionList.OptionHighlighted)
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        t = self.selected()
        if t is not None:
            self.query_one("#message-preview", Static).update(
                Text.assemble((t.subject + "\n\n" if t.subject else "", "bold"), t.body)
            )

    def selected(self) -> Template | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or options.highlighted >= len(self.templates):
            return None
        return self.templates[options.highlighted]

    def _open(self, template: Template | None) -> None:
        def saved(values: dict[str, str] | None) -> None:
            if values:
                self.pursuit.run_write(
                    lambda s: s.drafts.save_template(
                        values["name"],
                        subject=values["subject"],
                        body=values["body"],
                        title=values["title"],
                    ),
                    self.reload,
                    success="Template saved",
                    what=f"the template {values['title']!r}",
                    kept=typed_text(values),
                )

        self.app.push_screen(TemplateEditor(template), saved)

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        if (t := self.selected()) is not None:
            self._open(t)

    def action_new(self) -> None:
        self._open(None)

    def action_restore(self) -> None:
        t = self.selected()
        if t is None:
            return
        from pursuit.tui.screens.confirm import ask_first

        ask_first(
            self,
            f"Put back pursuit's wording for “{t.title}”? Your changes to it will be lost."
            if t.builtin
            else f"Delete your template “{t.title}”?",
            "Restore" if t.builtin else "Delete",
            lambda: self.pursuit.run_write(
                lambda s: s.drafts.restore_template(t.name),
                self.reload,
                success="Built-in wording restored" if t.builtin else "Template deleted",
            ),
        )
