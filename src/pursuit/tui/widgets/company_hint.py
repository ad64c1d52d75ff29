"""The line under a company field that says when you applied there before.

Read off the UI thread, once typing pauses (not at every key) or at once when the field is
left: a file of 100,000 applications must not slow the typing of a name.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from pursuit.domain.safe_text import for_terminal
from pursuit.tui.saving import reading
from pursuit.tui.screens.base import now_of, pursuit_of


class CompanyHint(Static):
    """`You applied to Northwind Analytics before: Data Engineer, rejected in March (#7).`"""

    DEFAULT_CSS = """
    CompanyHint { color: $warning; height: auto; display: none; }
    CompanyHint.-shown { display: block; }
    """

    #: How long typing must pause before the earlier applications are read.
    DELAY = 0.3

    class Read(Message):
        def __init__(self, company: str, sentence: str) -> None:
            super().__init__()
            self.company = company
            self.sentence = sentence

    def __init__(self, *, excluding: int | None = None, id: str | None = None) -> None:
        super().__init__("", id=id)
        #: The application being edited: not an earlier application to its own company.
        self.excluding = excluding
        self._wanted = ""
        self._timer: Timer | None = None

    def company_typed(self, company: str) -> None:
        """COMPANY is in the field now: read what it matches once typing pauses."""
        if company.strip() == self._wanted:
            return
        self._wanted = company.strip()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.DELAY, self.look_up, name="company hint")

    def look_up(self, company: str | None = None) -> None:
        """Read now (the field was left, typing paused, or the form opened on COMPANY)."""
        if company is not None:
            self._wanted = company.strip()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._wanted:
            self._show("")
            return
        self._read(self._wanted)

    @work(thread=True, exclusive=True, group="company-hint", name="read earlier applications")
    def _read(self, company: str) -> None:
        from textual.worker import get_current_worker

        from pursuit.domain.companies import earlier_sentence
        from pursuit.domain.dates import local_tz
        from pursuit.store.company_memory import earlier_applications

        app = pursuit_of(self)
        store = app.store
        if store is None:
            return
        with reading(self, store.path), store.reader() as conn:
            earlier = earlier_applications(conn, company, excluding=self.excluding)
            today = now_of(app).astimezone(local_tz()).date()
            sentence = earlier_sentence(company, earlier, today) if earlier else ""
            if not get_current_worker().is_cancelled:
                self.post_message(self.Read(company, sentence))

    def on_company_hint_read(self, message: CompanyHint.Read) -> None:
        message.stop()
        if message.company == self._wanted:
            self._show(message.sentence)

    def _show(self, sentence: str) -> None:
        self.update(Text(for_terminal(sentence)))
        self.set_class(bool(sentence), "-shown")

    @property
    def sentence(self) -> str:
        """What the line says now ("" when nothing is known)."""
        return str(self.render()) if self.has_class("-shown") else ""
