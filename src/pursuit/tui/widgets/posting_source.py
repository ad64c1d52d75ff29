"""Where a posting comes from: its link, the path of a page saved from it, or the page pasted in.

Several lines, since a pasted page keeps its lines (a one-line field would keep only the first);
enter asks for the form to be filled, as nobody types a page in by hand: a paste arrives whole,
newlines and all, without a key. A paste of several lines is shown from its start, its line
ends made LF first (a terminal sends each LF of a paste as a CR: see domain/pasted.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from pursuit.domain.pasted import pasted_text
from pursuit.tui.widgets.writing_area import WritingArea


class PostingSource(WritingArea):
    BINDINGS = [
        Binding(
            "enter",
            "fill",
            "Fill in",
            show=False,
            id="posting-source.fill",
            tooltip="Read the posting and fill the form in with what it says",
        ),
    ]

    class Submitted(Message):
        """Enter in the field: read what it holds."""

    class Pasted(Message):
        """Several lines were pasted in (a page, or a posting's text)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    async def _on_key(self, event: events.Key) -> None:
        # TextArea's own handler (which runs after this one) would take enter for a newline
        # before any binding is looked at; the binding is what F1 lists.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_fill()

    async def _on_paste(self, event: events.Paste) -> None:
        # TextArea's own paste (after this one) leaves the cursor and the view at the end of
        # what was pasted: a page ends in a blank line, and the field, one line high, looked
        # as if nothing was pasted. Several lines are shown from their first.
        if self.read_only or not event.text:
            return
        event.prevent_default()
        event.stop()
        text = pasted_text(event.text)
        start = min(self.selection.start, self.selection.end)
        result = self.replace(text, *self.selection)
        # A page on one line is said too: the field shows only its end otherwise.
        several = "\n" in text.strip() or text.lstrip().startswith("<")
        self.move_cursor(start if several else result.end_location)
        self.focus()
        if several:
            self.post_message(self.Pasted(text))

    def action_fill(self) -> None:
        self.post_message(self.Submitted())


class LinkTakingInput(Input):
    """An Input (the add form's Company) that offers a link pasted in to TAKES_LINK first.

    Only the paste's own text is the link: one pasted after a name typed (`Acme`) leaves the
    name; a link TAKES_LINK takes (returns True for) is not put in the field at all.
    """

    def __init__(self, *args: Any, takes_link: Callable[[str], bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._takes_link = takes_link

    def _on_paste(self, event: events.Paste) -> None:
        # Input's own paste (after this one, unless prevented) inserts the paste's first line.
        link = event.text.strip()
        if is_link(link) and self._takes_link(link):
            event.prevent_default()
            event.stop()


def is_link(text: str) -> bool:
    """Whether TEXT is one web address (a scheme's ://, no space), as pasted from a browser."""
    given = text.strip()
    return "://" in given and not any(c.isspace() for c in given)


def source_of(text: str) -> tuple[str, str | None]:
    """What `capture` is given for TEXT: (an address or a path, None) or ("-", the page).

    One line with a scheme is an address (capture itself says no to one that is not http or
    https); any other single line is the path of a saved page; several lines, or markup, are
    the page itself.
    """
    stripped = text.strip()
    if "\n" in stripped or stripped.startswith("<"):
        return "-", text
    return stripped, None
