"""A text area for text pasted from a terminal: its line ends are made LF as it arrives.

A terminal sends each LF of a paste as a CR, so an e-mail saved with CRLF arrives with CR CR
ending each line; TextArea read each CR as a line end, and a blank line followed every line
(domain/pasted.py says which CRs end a line).
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from pursuit.domain.pasted import pasted_text


class PastedArea(TextArea):
    async def _on_paste(self, event: events.Paste) -> None:
        # TextArea's own paste (after this one, unless prevented) inserts the text as it came.
        if self.read_only or not event.text:
            return
        event.prevent_default()
        event.stop()
        result = self.replace(pasted_text(event.text), *self.selection)
        self.move_cursor(result.end_location)
        self.focus()
