"""A list among lists on one screen: down past its last item moves on to the next list.

Textual's OptionList wraps from its last item to its first, so on the application screen
down never left "What's next" and the lists below it were reachable only with tab.
"""

from __future__ import annotations

from textual.widgets import OptionList


class PaneList(OptionList):
    def _neighbour(self, step: int) -> PaneList | None:
        lists = [w for w in self.screen.query(PaneList) if w.display and w.can_focus]
        at = lists.index(self) + step
        return lists[at] if 0 <= at < len(lists) else None

    def _enabled(self) -> list[int]:
        return [i for i, option in enumerate(self.options) if not option.disabled]

    def action_cursor_down(self) -> None:
        enabled = self._enabled()
        if enabled and (self.highlighted is None or self.highlighted < enabled[-1]):
            super().action_cursor_down()
            return
        after = self._neighbour(1)
        if after is not None:
            after.focus()
            after.action_first()
        # The last list keeps its last item: down goes nowhere rather than back to the top.

    def action_cursor_up(self) -> None:
        enabled = self._enabled()
        if enabled and (self.highlighted is None or self.highlighted > enabled[0]):
            super().action_cursor_up()
            return
        before = self._neighbour(-1)
        if before is not None:
            before.focus()
            before.action_last()
