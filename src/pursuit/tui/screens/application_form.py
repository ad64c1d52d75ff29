"""The form for adding or editing an application (a modal).

Every field is checked as a whole on save; a bad value gets an inline message under its field
and nothing is saved until all of them read. A new application can be filled in from its
posting (a link, a saved page or the page pasted in): read in a worker, shown in the fields,
marked as from the page, and saved only when the user saves.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from pursuit.domain.dates import BadDate, parse_day
from pursuit.domain.records import ApplicationRow
from pursuit.domain.safe_text import for_terminal
from pursuit.domain.salary import BadSalary, format_salary, parse_salary
from pursuit.domain.stages import SECTORS, label
from pursuit.tui import posting_fill
from pursuit.tui.saving import reading
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.company_hint import CompanyHint
from pursuit.tui.widgets.fields import FieldError
from pursuit.tui.widgets.marked_text_area import WritingArea
from pursuit.tui.widgets.posting_source import PostingSource, source_of

if TYPE_CHECKING:
    from pursuit.store.posting_fields import PostingFields

TEXT_FIELDS = (
    ("company", "Company", "Northwind Analytics"),
    ("role", "Role", "Senior Data Engineer"),
    ("url", "Posting URL", "https://…"),
    ("source", "Source", "LinkedIn, referral, company site…"),
    ("location", "Location", "Remote, Berlin, …"),
    ("salary", "Salary range", "85k-100k"),
    ("currency", "Salary currency", "EUR, USD, GBP…"),
    ("applied", "Applied", "2026-12-01, Dec 1, yesterday, -3d"),
    ("posted", "Posted", "when the posting went up: Nov 20, -10d"),
    ("closes", "Closes", "the closing date for applications: Dec 15"),
)
#: The fields kept of a posting, beside the pipeline's: read apart when editing (see on_mount).
POSTING_FIELDS = ("currency", "posted", "closes", "description")
#: Every field with an error line, in the order a person fixes them.
CHECKED = (*(name for name, _t, _h in TEXT_FIELDS), "description")
TITLES = {name: title for name, title, _h in TEXT_FIELDS} | {"description": "Job description"}
DESCRIPTION_LIMIT = 100_000


class ApplicationForm(FormModal[dict[str, Any] | None]):
    """Returns the checked values, or None when cancelled."""

    ABOUT = "the application"

    BINDINGS = [
        Binding(
            "ctrl+f",
            "fill",
            "Fill in",
            id="form.fill",
            tooltip="Read the posting named in the first field and fill the form in from it",
        ),
        Binding(
            "ctrl+o",
            "open_holder",
            "Open it",
            id="form.open-holder",
            tooltip="Open the application that already holds this posting, instead of adding",
        ),
    ]

    def __init__(self, now: datetime, existing: ApplicationRow | None = None) -> None:
        super().__init__()
        self.now = now
        self.existing = existing
        #: What the last posting read put in each field, while the field still holds it.
        self.found: dict[str, str] = {}
        #: The application that holds the posting read last, if there is one.
        self.holder: posting_fill.Holder | None = None
        self._filling: posting_fill.Filling | None = None
        #: Whether the posting fields hold what is stored (an edit reads them apart).
        self._posting_read = existing is None

    # --- the fields --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        e = self.existing
        values = {
            "company": e.company if e else "",
            "role": e.role if e else "",
            "url": e.url if e else "",
            "source": e.source if e else "",
            "location": e.location if e else "",
            "salary": format_salary(e.salary_min, e.salary_max) if e else "",
            "currency": "",
            "applied": e.applied_on.isoformat() if e and e.applied_on else ("" if e else "today"),
            "posted": "",
            "closes": "",
        }
        with Vertical(id="form"):
            yield Label("Edit application" if e else "New application", id="form-title")
            with VerticalScroll(id="form-fields"):
                if e is None:
                    yield Label("From a posting (enter fills the form in)", classes="field-label")
                    yield PostingSource(
                        placeholder="its link, a saved page's path, or the page pasted in",
                        id="f-posting",
                    )
                    yield Static("", id="fill-status")
                    yield Static("", id="fill-holder")
                for name, title, hint in TEXT_FIELDS:
                    yield Label(title, classes="field-label", id=f"l-{name}")
                    field = Input(value=values[name], placeholder=hint, id=f"f-{name}")
                    field.disabled = name in POSTING_FIELDS and not self._posting_read
                    yield field
                    yield FieldError(id=f"err-{name}")
                    if name == "company":
                        yield CompanyHint(excluding=e.id if e else None, id="company-hint")
                    if name == "location":
                        yield Label("Sector", classes="field-label")
                        yield Select(
                            [(s.title(), s) for s in SECTORS],
                            value=e.sector if e else "other",
                            allow_blank=False,
                            id="f-sector",
                        )
                yield Label(TITLES["description"], classes="field-label", id="l-description")
                description = WritingArea("", id="f-description")
                description.disabled = not self._posting_read
                yield description
                yield FieldError(id="err-description")
                yield Label("Notes", classes="field-label")
                yield WritingArea(e.notes if e else "", id="f-notes")
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#f-company", Input).focus()
        if self.existing is not None:
            self._read_posting_fields(self.existing.id)
            self.query_one(CompanyHint).look_up(self.existing.company)

    @work(thread=True, exclusive=True, group="form-read", name="read the posting fields")
    def _read_posting_fields(self, app_id: int) -> None:
        from pursuit.store.posting_fields import posting_fields

        store = self.pursuit.store
        if store is None:
            return
        with reading(self, store.path), store.reader() as conn:
            fields = posting_fields(conn, app_id)
            if fields is not None:
                self.app.call_from_thread(self._show_posting_fields, fields)

    def _show_posting_fields(self, fields: PostingFields) -> None:
        if not self.is_attached:
            return
        self._input("currency").value = fields.salary_currency
        self._input("posted").value = fields.posted_on.isoformat() if fields.posted_on else ""
        self._input("closes").value = fields.closes_on.isoformat() if fields.closes_on else ""
        self.query_one("#f-description", TextArea).load_text(fields.description)
        for name in POSTING_FIELDS:
            self.query_one(f"#f-{name}").disabled = False
        self._posting_read = True
        # What was stored is what the form starts from: leaving unchanged asks nothing.
        self.call_after_refresh(self.remember_values)

    def _input(self, name: str) -> Input:
        return self.query_one(f"#f-{name}", Input)

    def _value(self, name: str) -> str:
        if name == "description":
            return self.query_one("#f-description", TextArea).text
        return self._input(name).value

    @on(Input.Changed, "#f-company")
    def _company_typed(self, event: Input.Changed) -> None:
        self.query_one(CompanyHint).company_typed(event.value)

    @on(Input.Blurred, "#f-company")
    def _company_left(self) -> None:
        self.query_one(CompanyHint).look_up()

    @on(Input.Changed)
    @on(TextArea.Changed, "#f-description")
    def _field_changed(self, event: Input.Changed | TextArea.Changed) -> None:
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        name = (widget.id or "").removeprefix("f-")
        if name in self.found and self._value(name) != self.found[name]:
            # Changed by hand: the user's now, no longer what the page said.
            del self.found[name]
            self._mark(name, False)
        if name == "url" and self.holder is not None and self._value("url") != self.holder.url:
            self._show_holder(None)

    def _mark(self, name: str, from_page: bool) -> None:
        title = self.query_one(f"#l-{name}", Label)
        title.update(f"{TITLES[name]} · from the page" if from_page else TITLES[name])
        title.set_class(from_page, "-from-page")

    # --- checking and saving -------------------------------------------------------------------

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
        values["applied_on"] = self._day("applied", errors, future=False)
        values["sector"] = self.query_one("#f-sector", Select).value
        values["notes"] = self.query_one("#f-notes", TextArea).text
        if self._posting_read:
            values.update(self._posting_values(errors))
        for name in CHECKED:
            self.query_one(f"#err-{name}", FieldError).show(errors.get(name))
        if errors:
            first = next(name for name in CHECKED if name in errors)
            self.query_one(f"#f-{first}").focus()
            return None
        return values

    def _day(self, name: str, errors: dict[str, str], *, future: bool) -> date | None:
        text = self._value(name).strip()
        if not text:
            return None
        try:
            return parse_day(text, self.now, future=future)
        except BadDate as exc:
            errors[name] = f"{exc}. Try 2026-12-01, Dec 1, yesterday or -3d."
            return None

    def _posting_values(self, errors: dict[str, str]) -> dict[str, Any]:
        currency = self._value("currency").strip().upper()
        if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            errors["currency"] = (
                f"{self._value('currency').strip()!r} is not a currency code: "
                "three letters, such as EUR, USD or GBP."
            )
        posted = self._day("posted", errors, future=False)
        closes = self._day("closes", errors, future=True)
        if posted is not None and closes is not None and closes < posted:
            errors["closes"] = (
                f"It closes ({closes.isoformat()}) before it was posted ({posted.isoformat()})."
            )
        description = self._value("description")
        if len(description) > DESCRIPTION_LIMIT:
            errors["description"] = (
                f"The description is too long (at most {DESCRIPTION_LIMIT:,} characters)."
            )
        return {
            "salary_currency": currency,
            "posted_on": posted,
            "closes_on": closes,
            "description": description,
        }

    def action_save(self) -> None:
        values = self.check()
        if values is None:
            return
        self._stop_filling()
        holder = self.holder
        if holder is None or values["url"] != holder.url:
            self.dismiss(values)
            return
        from pursuit.tui.screens.confirm import Confirm

        def answered(again: bool | None) -> None:
            if again:
                self.dismiss(values)

        self.app.push_screen(
            Confirm(
                f"{_held(holder)} already holds this posting. Add it again as a new application?",
                yes="Add again",
                no="Keep editing",
            ),
            answered,
        )

    def action_cancel(self) -> None:
        if self._stop_filling():
            self._status("Stopped: nothing was filled in.", "dim")
            return
        super().action_cancel()

    # --- filling in from a posting -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "fill":
            return self.existing is None
        if action == "open_holder":
            return self.holder is not None
        return True

    @on(PostingSource.Submitted)
    def action_fill(self) -> None:
        if self.existing is not None:
            return
        text = self.query_one("#f-posting", TextArea).text
        if not text.strip():
            self._status("Paste a posting's link or page, or type a saved page's path.", "error")
            self.query_one("#f-posting").focus()
            return
        self._stop_filling()
        self._show_holder(None)
        source, page = source_of(text)
        self._status(posting_fill.step_sentence("Reading the posting…"), "dim")
        self._filling = posting_fill.start(self, source, page)

    def _stop_filling(self) -> bool:
        """Stop the reading under way (its answer, if it still comes, is dropped); whether
        there was one."""
        filling, self._filling = self._filling, None
        if filling is None:
            return False
        filling.stop.set()
        return True

    def _current(self, message: posting_fill.FillMessage) -> bool:
        message.stop()
        return self._filling is not None and message.filling is self._filling

    def on_fill_progress(self, message: posting_fill.FillProgress) -> None:
        if self._current(message):
            self._status(posting_fill.step_sentence(message.step), "dim")

    def on_fill_failed(self, message: posting_fill.FillFailed) -> None:
        if self._current(message):
            self._filling = None
            self._status(posting_fill.failed_sentence(message.error), "error")

    def on_fill_found(self, message: posting_fill.FillFound) -> None:
        if not self._current(message):
            return
        self._filling = None
        filled, kept = self._fill(posting_fill.found_values(message.posting))
        self._status(*posting_fill.found_sentence(message.posting.found_by, filled, kept))
        self._show_holder(message.holder)
        if "company" in self.found:
            self.query_one(CompanyHint).look_up(self.found["company"])

    def _fill(self, found: dict[str, str]) -> tuple[list[str], list[str]]:
        """Put FOUND in the fields the user has not typed in; (filled, kept), by title."""
        filled: list[str] = []
        kept: list[str] = []
        for name, value in found.items():
            if not value:
                continue
            now = self._value(name)
            if now.strip() and now != self.found.get(name) and now != value:
                kept.append(TITLES[name].lower())
                continue
            if name == "description":
                self.query_one("#f-description", TextArea).load_text(value)
            else:
                self._input(name).value = value
            self.found[name] = value
            self._mark(name, True)
            filled.append(TITLES[name].lower())
        return filled, kept

    def _status(self, text: str, kind: str) -> None:
        """Say TEXT on the line under the posting field, as KIND (dim, error, warning, success)."""
        status = self.query_one("#fill-status", Static)
        status.update(Text(for_terminal(text)))
        status.set_classes(f"-{kind}")

    def _show_holder(self, holder: posting_fill.Holder | None) -> None:
        self.holder = holder
        said = (
            f"{_held(holder)} already holds this posting: ctrl+o opens it instead; "
            "saving adds it again."
            if holder
            else ""
        )
        line = self.query_one("#fill-holder", Static)
        line.update(Text(for_terminal(said)))
        line.set_class(holder is not None, "-shown")
        self.refresh_bindings()

    def action_open_holder(self) -> None:
        holder = self.holder
        if holder is None:
            return
        self._stop_filling()
        self.dismiss(None)
        self.pursuit.open_application(holder.id)


def _held(holder: posting_fill.Holder) -> str:
    return f"#{holder.id} {holder.company} · {holder.role} ({label(holder.stage)})"
