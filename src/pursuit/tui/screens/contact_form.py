"""Add or edit a person in an application's process (a modal)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, TextArea

from pursuit.domain.emails import email_problem
from pursuit.domain.records import ContactRow
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.fields import FieldError, labelled
from pursuit.tui.widgets.marked_text_area import WritingArea

CONTACT_FIELDS = (
    ("name", "Name", "Ann Lee"),
    ("title", "Title", "Engineering Manager"),
    ("email", "Email", "ann@example.com"),
    ("phone", "Phone", "+1 555 0100"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/…"),
)
ROLES = [
    ("Recruiter", "recruiter"),
    ("Hiring manager", "hiring manager"),
    ("Interviewer", "interviewer"),
    ("Referral", "referral"),
    ("Other", ""),
]


class ContactForm(FormModal[dict[str, Any] | None]):
    def __init__(self, company: str, existing: ContactRow | None = None) -> None:
        super().__init__()
        self.company = company
        self.existing = existing

    def compose(self) -> ComposeResult:
        e = self.existing
        with Vertical(id="form"):
            yield Label(
                for_terminal(f"{'Edit' if e else 'Add'} a person · {self.company}"),
                id="form-title",
                markup=False,
            )
            with VerticalScroll(id="form-fields"):
                for name, title, hint in CONTACT_FIELDS:
                    value = getattr(e, name) if e else ""
                    yield from labelled(title, Input(value, placeholder=hint, id=f"f-{name}"), name)
                yield Label("Role in the process", classes="field-label")
                yield Select(ROLES, value=e.role if e else "", allow_blank=False, id="f-role")
                yield Label("Notes", classes="field-label")
                yield WritingArea(e.notes if e else "", id="f-notes")
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#f-name", Input).focus()

    def action_save(self) -> None:
        values: dict[str, Any] = {
            name: self.query_one(f"#f-{name}", Input).value.strip()
            for name, _t, _h in CONTACT_FIELDS
        }
        errors: dict[str, str] = {}
        if not values["name"]:
            errors["name"] = "A name is needed."
        if problem := email_problem(values["email"]):
            errors["email"] = problem
        for name, value in values.items():
            if len(value) > 2_000:
                errors[name] = "Too long (at most 2,000 characters)."
        for name, _t, _h in CONTACT_FIELDS:
            self.query_one(f"#err-{name}", FieldError).show(errors.get(name))
        if errors:
            return
        values["role"] = str(self.query_one("#f-role", Select).value)
        values["notes"] = self.query_one("#f-notes", TextArea).text
        self.dismiss(values)
