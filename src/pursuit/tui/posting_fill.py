"""Filling the add form in from a posting: read in a thread, told as it goes, stoppable.

The reading (a fetch of up to 20 seconds, or a page of megabytes to parse) runs in a named
thread worker; it says what it is doing in messages to the form, checks whether it was stopped
(`cancelled`) between its steps, and ends with what it found or why it found nothing. The form
keeps only the messages of the reading it started last: one stopped or replaced meanwhile is
never shown, even if its answer comes late.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.worker import Worker, get_current_worker

from pursuit.tui.saving import reading
from pursuit.tui.screens.base import pursuit_of

if TYPE_CHECKING:
    from pursuit.postings.posting import Posting
    from pursuit.tui.screens.application_form import ApplicationForm

#: How the form says where the fields came from, by `Posting.found_by`.
FOUND_BY = {
    "greenhouse": "Greenhouse's job board",
    "lever": "Lever's job board",
    "ashby": "Ashby's job board",
    "json-ld": "the posting's own data in the page (schema.org JobPosting)",
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


class FillMessage(Message):
    def __init__(self, worker: Worker[None]) -> None:
        super().__init__()
        #: The reading it comes from (the form drops those of a reading it no longer waits for).
        self.worker = worker


class FillProgress(FillMessage):
    def __init__(self, worker: Worker[None], step: str) -> None:
        super().__init__(worker)
        self.step = step


class FillFound(FillMessage):
    def __init__(self, worker: Worker[None], posting: Posting, holder: Holder | None) -> None:
        super().__init__(worker)
        self.posting = posting
        self.holder = holder


class FillFailed(FillMessage):
    def __init__(self, worker: Worker[None], error: str) -> None:
        super().__init__(worker)
        self.error = error


@work(thread=True, exclusive=True, group="posting-fill", name="fill in from the posting")
def fill_from(form: ApplicationForm, source: str, text: str | None) -> None:
    from pursuit.postings.capture import Boards, capture
    from pursuit.postings.posting import CaptureFailed

    worker: Worker[None] = get_current_worker()

    def cancelled() -> bool:
        return worker.is_cancelled

    def progress(step: str) -> None:
        if not cancelled():
            form.post_message(FillProgress(worker, step))

    try:
        posting = capture(
            source,
            text=text,
            boards=Boards.from_environment(),
            cancelled=cancelled,
            progress=progress,
        )
    except CaptureFailed as exc:
        if not cancelled():
            form.post_message(FillFailed(worker, str(exc)))
        return
    holder = _holder(form, posting.url) if posting.url and not cancelled() else None
    if not cancelled():
        form.post_message(FillFound(worker, posting, holder))


def _holder(form: ApplicationForm, url: str) -> Holder | None:
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
