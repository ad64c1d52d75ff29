"""The title line at the top of each screen."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

from pursuit.domain.safe_text import for_terminal

#: Textual's Header: its icon's width on the left, its clock's space on the right.
ICON_WIDTH = 8
CLOCK_WIDTH = 10


class TitleBar(Widget):
    """`⭘   pursuit — 3 overdue`: the title and sub-title, and the command palette's icon.

    Drawn as Textual's Header draws them, but as one widget instead of four: their styles and
    mounting were a tenth of what the first frame costs beyond a bare Textual app.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.tooltip = "Click ⭘ for the command palette (or press ctrl+p)"
        for source in (self.app, self.screen):
            self.watch(source, "title", self._retitled, init=False)
            self.watch(source, "sub_title", self._retitled, init=False)

    def _retitled(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        middle = max(0, self.size.width - ICON_WIDTH - CLOCK_WIDTH)
        # A company or a role in the sub-title is text from outside: no control sequence in it.
        text = app.format_title(for_terminal(title), for_terminal(sub_title or "")).truncate(
            middle, ellipsis=True
        )
        left = (middle - text.cell_length) // 2
        icon = " ⭘".ljust(ICON_WIDTH)
        return Content.assemble(icon, text.pad(left, middle - left - text.cell_length))

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH:
            event.stop()
            await self.run_action("app.command_palette")
