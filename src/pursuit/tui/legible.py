"""Colours for follow-up states that stay readable in every theme, and none under NO_COLOR.

A state's style names theme colours (`bold $error`, `$warning`, `$text-muted`): a fixed
colour cannot read on both a light and a dark theme, and a theme's own red can sit close to
its surface. Each colour is moved toward white or black until it reads at 4.5:1
(WCAG AA) on every background the line may have. Under NO_COLOR the colours go: the marker
(`!`, `•`) and the weight say the state.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from textual.app import App
from textual.color import Color

#: A little over WCAG AA's 4.5, so that rounding to a terminal's palette does not undo it.
LEAST = 4.6
WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)


def _luminance(colour: Color) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def ratio(a: Color, b: Color) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def legible(colour: Color, backgrounds: Sequence[Color]) -> Color:
    """COLOUR, moved toward white or black until it reads at LEAST:1 on each of BACKGROUNDS."""
    far = max(WHITE, BLACK, key=lambda end: min(ratio(end, back) for back in backgrounds))
    for step in range(11):
        tried = colour.blend(far, step / 10)
        if all(ratio(tried, back) >= LEAST for back in backgrounds):
            return tried
    return far


def state_style(app: App[object], spec: str, backgrounds: Sequence[Color]) -> Style:
    """The Rich style for SPEC (words such as `bold`, and `$name` theme colours) on BACKGROUNDS."""
    words = [w for w in spec.split() if not w.startswith("$")]
    style = Style.parse(" ".join(words)) if words else Style()
    names = [w[1:] for w in spec.split() if w.startswith("$")]
    if not names or app.no_color or app.current_theme.name.startswith("ansi"):
        # ANSI themes leave the colours to the terminal's palette, which nothing here can
        # measure: its own text colour is the one sure to read.
        return style
    variables = app.theme_variables
    text = Color.parse(variables.get("foreground", "white"))
    solid = [back for back in backgrounds if back.a > 0] or [Color.parse(variables["surface"])]
    if names[0] == "text-muted":
        # Textual's own is `auto 60%`, a blend it works out per widget: the same, made here.
        wanted = solid[0] + text.with_alpha(0.6)
    else:
        wanted = Color.parse(variables.get(names[0], variables["foreground"]))
        if wanted.a < 1:
            wanted = solid[0] + wanted
    return style + Style(color=legible(wanted, solid).rich_color)
