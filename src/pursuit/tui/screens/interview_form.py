"""Record a new interview (a modal); the interview screen edits it afterwards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select

from pursuit.domain.interview_input import KINDS, read_interview
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.fields import FieldError, labelled

#: (name, title, placeholder) of the text fields, in order.
INTERVIEW_FIELDS = (
    ("when", "When", "Dec 1 2pm, tomorrow 10am, 2026-12-01 14:00"),
    ("round", "Round", "Recruiter screen, Technical, Final…"),
    ("interviewers", "Interviewers (comma between names)", "Ann Lee, Bo Chen"),
    ("decision", "Decision date they gave", "Dec 8, friday, in 2 weeks (leave empty if none)"),
    ("location", "Where (the address, for an interview in person)", "200 Harbor St, Floor 3"),
    ("link", "Meeting link", "https://meet.google.com/…, https://zoom.us/j/…"),
    ("duration", "Length", "45, 60, 1h30m"),
)


def read_form(screen: Any, now: datetime) -> dict[str, Any] | None:
    """Check the interview fields on SCREEN; show errors under them, or return the values."""
    texts = {name: screen.query_one(f"#f-{name}", Input).value for name, _t, _p in INTERVIEW_FIELDS}
    texts["kind"] = str(screen.query_one("#f-kind", Select).value)
    values, errors = read_interview(texts, now)
    for name, _t, _p in INTERVIEW_FIELDS:
        screen.query_one(f"#err-{name}", FieldError).show(errors.get(name))
    if errors:
        first = next(n for n, _t, _p in INTERVIEW_FIELDS if n in errors)
        screen.query_one(f"#f-{first}", Input).focus()
        return None
    return values


def kind_select(value: str = "video") -> Select[str]:
    return Select([(k.capitalize(), k) for k in KINDS], value=value, allow_blank=False, id="f-kind")


class InterviewForm(FormModal[dict[str, Any] | None]):
    def __init__(self, now: datetime, company: str) -> None:
        super().__init__()
        self.now = now
        self.company = company

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Label(
                for_terminal(f"New interview · {self.company}"), id="form-title", markup=False
            )
            with VerticalScroll(id="form-fields"):
                for name, title, hint in INTERVIEW_FIELDS:
                    yield from labelled(title, Input(placeholder=hint, id=f"f-{name}"), name)
                    if name == "when":
                        yield Label("Format", classes="field-label")
                        yield kind_select()
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#f-when", Input).focus()

    def action_save(self) -> None:
        values = read_form(self, self.now)
        if values is not None:
            self.dismiss(values)
