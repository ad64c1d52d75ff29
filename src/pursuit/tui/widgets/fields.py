"""Form pieces shared by the modals and editors: a label, an input, an inline error."""

from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget
from textual.widgets import Label, Static


class FieldError(Static):
    """The message under a field that did not read; hidden while there is none."""

    DEFAULT_CSS = """
    FieldError { color: $error; height: auto; display: none; }
    FieldError.-shown { display: block; }
    """

    def show(self, message: str | None) -> None:
        self.update(message or "")
        self.set_class(bool(message), "-shown")


def labelled(title: str, widget: Widget, name: str) -> Iterator[Widget]:
    """Label, WIDGET (whose id should be f-NAME) and its error line (err-NAME)."""
    yield Label(title, classes="field-label")
    yield widget
    yield FieldError(id=f"err-{name}")
