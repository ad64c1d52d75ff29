"""The form for adding or editing an application (a modal).

Every field is checked as a whole on save; a bad value gets an inline message under its field
and nothing is saved until all of them read. A new application can be filled in from its
posting (a link, a saved page or the page pasted in): read in a worker, shown in the fields,
marked as from the page, and saved only when the user saves. A link pasted in Company, where
the cursor starts, is taken for the posting's and read from the posting field.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from pursuit.domain.dates import BadDate, parse_day
from pursuit.domain.records import ApplicationRow
from pursuit.domain.salary import BadSalary, format_salary, parse_salary
from pursuit.domain.stages import SECTORS
from pursuit.postings.posting import LONGEST_DESCRIPTION as DESCRIPTION_LIMIT
from pursuit.tui.saving import reading
from pursuit.tui.screens.posting_form import TEXT_FIELDS, TITLES, PostingForm, held
from pursuit.tui.widgets.company_hint import CompanyHint
from pursuit.tui.widgets.fields import FieldError
from pursuit.tui.widgets.marked_text_area import WritingArea
from pursuit.tui.widgets.posting_source import LinkTakingInput, PostingSource

if TYPE_CHECKING:
    from pursuit.store.posting_fields import PostingFields

#: The fields kept of a posting, beside the pipeline's: read apart when editing (see on_mount).
POSTING_FIELDS = ("currency", "posted", "closes", "description")
#: Every field with an error line, in the order a person fixes them.
CHECKED = (*(name for name, _t, _h in TEXT_FIELDS), "description")


class ApplicationForm(PostingForm):
    """Returns the checked values, or None when cancelled."""

    ABOUT = "the application"

    def __init__(self, now: datetime, existing: ApplicationRow | None = None) -> None:
        super().__init__(existing)
        self.now = now
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
                    field = (
                        LinkTakingInput(
                            value=values[name],
                            placeholder=hint,
                            id=f"f-{name}",
                            takes_link=self._take_link,
                        )
                        if name == "company"
                        else Input(value=values[name], placeholder=hint, id=f"f-{name}")
                    )
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
        # Focused now, not after the queue (as focus() does): a key typed right after "a" is
        # let through once the form is mounted (tui/early_keys.py), and must find Company.
        self.set_focus(self.query_one("#f-company", Input), scroll_visible=False)
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

    @on(Input.Changed, "#f-company")
    def _company_typed(self, event: Input.Changed) -> None:
        # A link pasted is taken as it arrives (LinkTakingInput); one typed key by key is
        # taken when Company is left.
        self.query_one(CompanyHint).company_typed(event.value)

    @on(Input.Blurred, "#f-company")
    def _company_left(self) -> None:
        if not self._link_from_company():
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
        if self._reading_instead():
            return
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
                f"{held(holder)} already holds this posting. Add it again as a new application?",
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
