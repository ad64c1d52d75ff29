"""Filling the add form in from a posting: read in a thread, told as it goes, stoppable.

The reading (a fetch of up to 20 seconds, or a page of megabytes to parse) runs in a named
thread worker; it says what it is doing in messages to the form, checks whether it was stopped
(`cancelled`) between its steps, and ends with what it found or why it found nothing. The form
keeps only the messages of the reading it started last: one stopped or replaced meanwhile is
never shown, even if its answer comes late.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.worker import Worker, get_current_worker

from pursuit.domain.salary import format_salary
from pursuit.tui.saving import reading
from pursuit.tui.screens.base import pursuit_of

if TYPE_CHECKING:
    from pursuit.postings.posting import Posting
    from pursuit.tui.screens.posting_form import PostingForm

#: How the form says where the fields came from, by `Posting.found_by`.
FOUND_BY = {
    "greenhouse": "Greenhouse's job board",
    "lever": "Lever's job board",
    "ashby": "Ashby's job board",
    "json-ld": "the page's JobPosting data (schema.org)",
    "opengraph": "the page's preview tags (OpenGraph)",
    "title": "the page's title",
}


@dataclass(frozen=True)
class Holder:
    """The application that already holds the posting's address."""

    id: int
    company: str
    role: str
    stage: str
    url: str


@dataclass(eq=False)
class Filling:
    """One reading of a posting: the flag that stops it, and its worker once started."""

    stop: threading.Event = field(default_factory=threading.Event)
    worker: Worker[None] | None = None


class FillMessage(Message):
    def __init__(self, filling: Filling) -> None:
        super().__init__()
        #: The reading it comes from (the form drops those of a reading it no longer waits for).
        self.filling = filling


class FillProgress(FillMessage):
    def __init__(self, filling: Filling, step: str) -> None:
        super().__init__(filling)
        self.step = step


class FillFound(FillMessage):
    def __init__(self, filling: Filling, posting: Posting, holder: Holder | None) -> None:
        super().__init__(filling)
        self.posting = posting
        self.holder = holder


class FillFailed(FillMessage):
    def __init__(self, filling: Filling, error: str) -> None:
        super().__init__(filling)
        self.error = error


def start(form: PostingForm, source: str, text: str | None) -> Filling:
    """Read SOURCE (or the pasted TEXT) for FORM in a worker; its messages go to FORM."""
    filling = Filling()
    filling.worker = fill_from(form, filling, source, text)
    return filling


@work(thread=True, exclusive=True, group="posting-fill", name="fill in from the posting")
def fill_from(form: PostingForm, filling: Filling, source: str, text: str | None) -> None:
    from pursuit.postings.capture import Boards, capture
    from pursuit.postings.posting import CaptureFailed
    from pursuit.store.files import refused_to_read

    worker: Worker[None] = get_current_worker()

    def cancelled() -> bool:
        # Escape sets the flag; the form closing cancels the worker itself.
        return filling.stop.is_set() or worker.is_cancelled

    def progress(step: str) -> None:
        if not cancelled():
            form.post_message(FillProgress(filling, step))

    try:
        posting = capture(
            source,
            text=text,
            boards=Boards.from_environment(),
            cancelled=cancelled,
            progress=progress,
            refused=refused_to_read,
        )
    except CaptureFailed as exc:
        if not cancelled():
            form.post_message(FillFailed(filling, str(exc)))
        return
    holder = _holder(form, posting.url) if posting.url and not cancelled() else None
    if not cancelled():
        form.post_message(FillFound(filling, posting, holder))


def _holder(form: PostingForm, url: str) -> Holder | None:
    """The application already made from URL, if any (one posting, one application)."""
    from pursuit.store.postings import application_holding
    from pursuit.store.queries import application

    store = pursuit_of(form).store
    if store is None:
        return None
    with reading(form, store.path), store.reader() as conn:
        held = application_holding(conn, url)
        row = application(conn, held) if held is not None else None
        if row is not None:
            return Holder(row.id, row.company, row.role, row.stage, url)
    return None


def found_values(posting: Posting) -> dict[str, str]:
    """What POSTING puts in each of the form's fields, as typed there ("" for nothing)."""
    return {
        "company": posting.company,
        "role": posting.role,
        "url": posting.url,
        "location": posting.location,
        "salary": format_salary(posting.salary_min, posting.salary_max),
        "currency": posting.salary_currency,
        "posted": posting.posted_on.isoformat() if posting.posted_on else "",
        "closes": posting.closes_on.isoformat() if posting.closes_on else "",
        "description": posting.description,
    }


def found_sentence(
    found_by: str, filled: list[str], kept: list[str], cut: str = ""
) -> tuple[str, str]:
    """What the form says once a posting is read, and how (success or warning); CUT is what
    to say of a description cut short (Posting.cut_sentence), when it was filled in."""
    if not filled:
        if kept:
            return f"The page only says what you typed already ({', '.join(kept)}).", "warning"
        return "Nothing on the page reads as a posting; fill the form in yourself.", "warning"
    n = len(filled)
    marked = "marked" if n == 1 else "each marked"
    said = (
        f"Filled in from {FOUND_BY.get(found_by, 'the page')}: {n} field{'s' * (n != 1)}, "
        f"{marked} “from the page”."
    )
    if kept:
        said += f" Kept what you typed for {', '.join(kept)}."
    if cut and "job description" in filled:
        said += f" {cut}"
    return f"{said} Check {'it' if n == 1 else 'them'}, then save (ctrl+s).", "success"


#: Said before what the reading says, when the link was typed in Company and moved.
MOVED_LINK = "The link put in Company was moved to the posting field. "


def pasted_sentence(text: str) -> str:
    """What the form says of a posting pasted in several lines (the field shows one)."""
    lines = len(text.strip().splitlines())
    if text.lstrip().startswith("<"):
        size = f" of {lines:,} lines" if lines > 1 else ""
        return f"A page{size} is pasted: enter (or ctrl+f) fills the form in from it."
    return f"{lines:,} lines of text are pasted: enter (or ctrl+f) fills the form in from them."


def failed_sentence(error: str) -> str:
    """CaptureFailed's words as the form says them: a sentence, and that nothing changed."""
    error = error.strip().rstrip(".")
    first = error.split(" ", 1)[0]
    if "/" not in first:  # an address or a path keeps its letters as they are
        error = error[:1].upper() + error[1:]
    return f"{error}. Nothing was filled in."


def step_sentence(step: str) -> str:
    """What capture says it is doing ("Asking example.com…"), and how to stop it."""
    return f"{step.strip()} (escape stops)"
