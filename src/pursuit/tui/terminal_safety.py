"""The last line of defence: no control character in a widget's text reaches the terminal.

Text from outside is made safe where it is shown (`domain.safe_text`: pictures for control
characters, no markup). This catches what a screen may still pass raw, in the one place every
frame goes through on its way out: a line's segments as they become terminal output. There
the control characters are dropped rather than pictured, so that lines laid out without them
keep their width. Textual's own sequences (colours, cursor moves) are added after this, and
its control segments are left alone.
"""

from __future__ import annotations

import re
from typing import Any

from rich.segment import Segment
from textual.strip import Strip

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_installed = False


def install() -> None:
    """Filter every line the app draws (once per process; lines are cached once made)."""
    global _installed
    if _installed:
        return
    _installed = True
    render = Strip.render

    def render_without_controls(self: Strip, console: Any) -> str:
        if self._render_cache is None:
            segments = self._segments
            search = _CONTROLS.search
            if any(control is None and search(text) for text, _style, control in segments):
                self._segments = [
                    Segment(_CONTROLS.sub("", text), style, control) if control is None else seg
                    for seg in segments
                    for text, style, control in (seg,)
                ]
        return render(self, console)

    Strip.render = render_without_controls  # type: ignore[method-assign]
