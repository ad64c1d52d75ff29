"""The form for adding or editing an application (a modal).

Every field is checked as a whole on save; a bad value gets an inline message under its field
and nothing is saved until all of them read.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, TextArea

from pursuit.domain.dates import BadDate, parse_day
from pursuit.domain.records import ApplicationRow
from pursuit.domain.salary import BadSalary, format_salary, parse_salary
from pursuit.domain.stages import SECTORS
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.fields import FieldError
from pursuit.tui.widgets.marked_text_area import WritingArea

TEXT_FIELDS = (
    ("company", "Company", "Northwind Analytics"),
    ("role", "Role", "Senior Data Engineer"),
    ("url", "Posting URL", "https://…"),
    ("source", "Source", "LinkedIn, referral, company site…"),
    ("location", "Location", "Remote, Berlin, …"),
    ("salary", "Salary range", "85k-100k"),
    ("applied", "Applied", "2026-12-01, Dec 1, yesterday, -3d"),
)


class ApplicationForm(FormModal[dict[str, Any] | None]):
    """Returns the checked values, or None when cancelled."""

    def __init__(self, now: datetime, existing: ApplicationRow | None = None) -> None:
        super().__init__()
        self.now = now
        self.existing = existing

    def compose(self) -> ComposeResult:
        e = self.existing
        values = {
            "company": e.company if e else "",
            "role": e.role if e else "",
            "url": e.url if e else "",
            "source": e.source if e else "",
            "location": e.location if e else "",
            "salary": format_salary(e.salary_min, e.salary_max) if e else "",
            "applied": e.applied_on.isoformat() if e and e.applied_on else ("" if e else "today"),
        }
        with Vertical(id="form"):
            yield Label("Edit application" if e else "New application", id="form-title")
            with VerticalScroll(id="form-fields"):
                for name, title, hint in TEXT_FIELDS:
                    yield Label(title, classes="field-label")
                    yield Input(value=values[name], placeholder=hint, id=f"f-{name}")
                    yield FieldError(id=f"err-{name}")
                    if name == "location":
                        yield Label("Sector", classes="field-label")
                        yield Select(
                            [(s.title(), s) for s in SECTORS],
                            value=e.sector if e else "other",
                            allow_blank=False,
                            id="f-sector",
                        )
                yield Label("Notes", classes="field-label")
                yield WritingArea(e.notes if e else "", id="f-notes")
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#f-company", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#f-{name}", Input).value

    def check(self) -> dict[str, Any] | None:
        """The form's values, or None after showing what is wrong."""
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name in ("company", "role"):
            text = self._value(name).strip()
            if not text:
                errors[name] = f"{name.title()} is needed."
            elif len(text) > 200:
                errors[name] = f"{name.title()} is too long (at most 200 characters)."
            values[name] = text
        for name in ("url", "source", "location"):
            text = self._value(name).strip()
            if len(text) > 2_000:
                errors[name] = "Too long (at most 2,000 characters)."
            values[name] = text
        try:
            values["salary_min"], values["salary_max"] = parse_salary(self._value("salary"))
        except BadSalary as exc:
            errors["salary"] = str(exc)
        applied_text = self._value("applied").strip()
        applied: date | None = None
        if applied_text:
            try:
                applied = parse_day(applied_text, self.now, future=False)
            except BadDate as exc:
                errors["applied"] = f"{exc}. Try 2026-12-01, Dec 1, yesterday or -3d."
        values["applied_on"] = applied
        values["sector"] = self.query_one("#f-sector", Select).value
        values["notes"] = self.query_one("#f-notes", TextArea).text
        for name, _title, _hint in TEXT_FIELDS:
            self.query_one(f"#err-{name}", FieldError).show(errors.get(name))
        if errors:
            first = next(name for name, _t, _h in TEXT_FIELDS if name in errors)
            self.query_one(f"#f-{first}", Input).focus()
            return None
        return values

    def action_save(self) -> None:
        values = self.check()
        if values is not None:
            self.dismiss(values)
