"""The add form's filling in from a posting: read in a worker, put in the fields the user has
not typed in, each marked as from the page; what the reading does and found said under the
posting field. A link pasted in Company, where the cursor starts, is taken for the posting's:
put in the posting field and read from there (the paste alone: a name typed before it stays).
A link typed in Company is moved when Company, wholly the link, is left.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Input, Label, Static, TextArea

from pursuit.domain.records import ApplicationRow
from pursuit.domain.safe_text import for_terminal
from pursuit.domain.stages import label
from pursuit.tui import posting_fill
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.company_hint import CompanyHint
from pursuit.tui.widgets.posting_source import PostingSource, is_link, source_of

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
TITLES = {name: title for name, title, _h in TEXT_FIELDS} | {"description": "Job description"}


class PostingForm(FormModal[dict[str, Any] | None]):
    """The application form's fields, and their filling in from a posting (when adding)."""

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

    def __init__(self, existing: ApplicationRow | None) -> None:
        super().__init__()
        self.existing = existing
        #: What the last posting read put in each field, while the field still holds it.
        self.found: dict[str, str] = {}
        #: The application that holds the posting read last, if there is one.
        self.holder: posting_fill.Holder | None = None
        self._filling: posting_fill.Filling | None = None
        #: Said before what the reading under way says (posting_fill.MOVED_LINK, or "").
        self._fill_note = ""

    def _input(self, name: str) -> Input:
        return self.query_one(f"#f-{name}", Input)

    def _value(self, name: str) -> str:
        if name == "description":
            return self.query_one("#f-description", TextArea).text
        return self._input(name).value

    def _mark(self, name: str, from_page: bool) -> None:
        title = self.query_one(f"#l-{name}", Label)
        title.update(f"{TITLES[name]} · from the page" if from_page else TITLES[name])
        title.set_class(from_page, "-from-page")

    def _link_from_company(self) -> bool:
        """Company wholly a link (typed in), the posting field empty: moved there and read;
        whether it was."""
        if self.existing is not None:
            return False
        company = self._input("company")
        if not is_link(company.value) or not self._take_link(company.value.strip()):
            return False
        company.value = ""
        return True

    def _take_link(self, link: str) -> bool:
        """LINK (pasted or typed in Company) put in the posting field and read, when that is
        empty on a new application; whether it was. What Company holds is left as it is."""
        if self.existing is not None:
            return False
        posting = self.query_one("#f-posting", TextArea)
        if posting.text.strip():
            return False
        posting.load_text(link)
        self._start_filling(posting_fill.MOVED_LINK)
        return True

    def _reading_instead(self) -> bool:
        """Whether saving waits for a posting being read: a link in Company is moved and read
        first, and a form the reading will fill is not said to lack its company and role."""
        if self._link_from_company():
            return True
        if self._filling is not None and not (
            self._value("company").strip() and self._value("role").strip()
        ):
            # Enter right after pasting a link: the page will fill them in.
            self._fill_status(
                posting_fill.step_sentence(
                    "Still reading the posting: save once it has filled the form in"
                ),
                "dim",
            )
            return True
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "fill":
            return self.existing is None
        if action == "open_holder":
            return self.holder is not None
        return True

    @on(PostingSource.Submitted)
    def action_fill(self) -> None:
        self._start_filling()

    def _start_filling(self, note: str = "") -> None:
        """Read what the posting field holds; NOTE is said before each step of the reading."""
        if self.existing is not None:
            return
        self._fill_note = note
        text = self.query_one("#f-posting", TextArea).text
        if not text.strip():
            self._status("Paste a posting's link or page, or type a saved page's path.", "error")
            self.query_one("#f-posting").focus()
            return
        self._stop_filling()
        self._show_holder(None)
        source, page = source_of(text)
        self._fill_status(posting_fill.step_sentence("Reading the posting…"), "dim")
        self._filling = posting_fill.start(self, source, page)

    @on(PostingSource.Pasted)
    def _pasted(self, event: PostingSource.Pasted) -> None:
        self._status(posting_fill.pasted_sentence(event.text), "dim")

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
            self._fill_status(posting_fill.step_sentence(message.step), "dim")

    def on_fill_failed(self, message: posting_fill.FillFailed) -> None:
        if self._current(message):
            self._filling = None
            self._fill_status(posting_fill.failed_sentence(message.error), "error")

    def on_fill_found(self, message: posting_fill.FillFound) -> None:
        if not self._current(message):
            return
        self._filling = None
        posting = message.posting
        filled, kept = self._fill(posting_fill.found_values(posting))
        self._fill_status(
            *posting_fill.found_sentence(posting.found_by, filled, kept, posting.cut_sentence())
        )
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

    def _fill_status(self, text: str, kind: str) -> None:
        """Say TEXT of the reading, after what is said of how it began (a link moved)."""
        self._status(self._fill_note + text, kind)

    def _show_holder(self, holder: posting_fill.Holder | None) -> None:
        self.holder = holder
        said = (
            f"{held(holder)} already holds this posting: ctrl+o opens it instead; "
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


def held(holder: posting_fill.Holder) -> str:
    return f"#{holder.id} {holder.company} · {holder.role} ({label(holder.stage)})"
