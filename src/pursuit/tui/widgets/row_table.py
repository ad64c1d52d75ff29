"""A table of rows to pick from: home and end go to the first and the last row.

Textual's DataTable takes home and end for scrolling sideways, so on Today `end` did nothing a
person could see; ctrl+home and ctrl+end, which it gives the rows, are still there too.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class RowTable(DataTable[object]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False, tooltip="Go to the first row"),
        Binding("end", "scroll_bottom", "Last", show=False, tooltip="Go to the last row"),
    ]
