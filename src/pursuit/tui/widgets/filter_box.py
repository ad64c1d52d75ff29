"""The pipeline's filter box."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FilterBox(Input):
    """An Input whose typing redraws only itself.

    Input sets its virtual size to the width of its text, so each keystroke changed it, and a
    change of virtual size lays the whole screen out again: about 10 ms of every keystroke
    with 100,000 applications. The box's size never depends on it (its width is fixed and it
    shows no scroll bar), so here a change only repaints.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
