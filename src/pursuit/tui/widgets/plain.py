"""Text from outside as a widget shows it: never markup, never a control sequence."""

from __future__ import annotations

from rich.text import Text

from pursuit.domain.safe_text import for_terminal


def plain(text: object, style: str = "") -> Text:
    """TEXT as it was typed (brackets and all), controls shown as pictures.

    DataTable reads a plain str cell as markup; a Text is taken as it is.
    """
    return Text(for_terminal("" if text is None else str(text)), style=style)
