"""The keys of the screen beneath (f1 or ?): its own first, scrollable from the keyboard.

Textual's help panel listed its generic keys (focus, copy) before the screen's own and could
not be scrolled without a mouse, so at 120x40 it stopped at "o Sort". Here the keys come in
three groups (this screen's, everywhere's, moving around) in a list that up, down, page up
and page down scroll.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.css.scalar import Scalar
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

Key = tuple[str, str, str]  # (key as shown, what it does, its tooltip)


def _ours(node: object, key: str, action: str) -> bool:
    """Whether pursuit itself bound KEY to ACTION on NODE (not a Textual default)."""
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("pursuit"):
            continue
        for b in vars(cls).get("BINDINGS", ()):
            if isinstance(b, Binding) and b.action == action and key in b.key.split(","):
                return True
    return False


#: Textual's own keys, in pursuit's words.
OUR_WORDS = {
    "quit": ("Quit", "Leave pursuit (asks first when something is not saved yet)"),
    "command_palette": ("Commands", "The command palette: add, jump to an application, filter"),
}


def _screens_own(screen: Screen[Any], key: str) -> Binding | None:
    """The binding SCREEN itself gives KEY, if it is pursuit's and its action is allowed."""
    for binding in screen._bindings.key_to_bindings.get(key, ()):
        if _ours(screen, key, binding.action) and screen.check_action(binding.action, ()):
            return binding
    return None


def keys_of(screen: Screen[Any]) -> list[tuple[str, list[Key]]]:
    """SCREEN's active keys in the order a person looks for them."""
    app = screen.app
    groups: dict[str, dict[tuple[str, str], list[str]]] = {
        "On this screen": {},
        "In this list or field": {},
        "Everywhere": {},
        "Moving around": {},
    }
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not active.enabled:
            continue
        node = active.node
        tooltip = active.tooltip or ""
        if node is not app and node is not screen and not _ours(node, key, binding.action):
            # A list's own "Select" on enter: what it leads to is the screen's (Today's enter
            # writes the follow-up), and the screen says so in a binding of its own.
            own = _screens_own(screen, key)
            if own is not None:
                node, binding, tooltip = screen, own, own.tooltip
        words = OUR_WORDS.get(binding.action)
        what, tooltip = words or (binding.description or binding.action, tooltip)
        if node is app:
            group = "Everywhere"
        elif not _ours(node, key, binding.action):
            group = "Moving around"
        elif node is screen:
            group = "On this screen"
        else:
            group = "In this list or field"
        # Keys that do one thing (f1 and ?, q and ctrl+q) are listed together, once; two that
        # share a word for different things (x and z, "Archive") each have their own line.
        groups[group].setdefault((what, tooltip), []).append(app.get_key_display(binding))
    return [
        (title, [(" / ".join(keys), what, tip) for (what, tip), keys in entries.items()])
        for title, entries in groups.items()
        if entries
    ]


class KeyHelp(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="key-help.close", tooltip="Back to the screen"),
        Binding("f1", "close", "Close", show=False, id="key-help.f1", tooltip="Back"),
        Binding("question_mark", "close", "Close", show=False, id="key-help.q", tooltip="Back"),
    ]

    def __init__(self, title: str, groups: list[tuple[str, list[Key]]]) -> None:
        super().__init__()
        self.title_text = title
        self.groups = groups
        self.longest: Scalar | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="key-help", classes="dialog"):
            yield Label(Text(f"Keys · {self.title_text}", style="bold"), id="key-help-title")
            with VerticalScroll(id="key-help-list"):
                yield Static(self._text(), id="key-help-keys")
            yield Label(
                Text("up/down, page up/down: scroll · escape: close", style="dim"),
                id="key-help-hint",
            )

    def _text(self) -> Text:
        text = Text()
        width = max((len(k) for _, keys in self.groups for k, _, _ in keys), default=4) + 2
        for n, (title, keys) in enumerate(self.groups):
            if n:
                text.append("\n")
            text.append(f"{title}\n", style="bold underline")
            for shown, what, tooltip in keys:
                text.append(f"{shown:<{width}}", style="bold")
                text.append(what)
                if tooltip and tooltip != what:
                    text.append(f"  {tooltip}", style="dim")
                text.append("\n")
        return text

    def on_mount(self) -> None:
        keys = self.query_one("#key-help-list", VerticalScroll)
        # The styles' own limit, read before fitting overrides it.
        self.longest = keys.styles.max_height
        keys.focus()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Cap the list at the room the dialog leaves it, so its end and the hint stay on screen.

        A list taller than the dialog's room is cut off below the terminal's edge, its last keys
        out of reach of end and page down (at 80x24 it stopped at "↑ Cursor up").
        """
        dialog = self.query_one("#key-help", Vertical)
        keys = self.query_one("#key-help-list", VerticalScroll)
        limit = dialog.styles.max_height
        if limit is None or not self.size.height:
            return
        room = int(limit.resolve(self.size, self.app.size)) - dialog.styles.gutter.height
        for part in ("#key-help-title", "#key-help-hint"):
            room -= self.query_one(part).outer_size.height
        room -= keys.styles.margin.height
        if self.longest is not None:
            room = min(room, int(self.longest.resolve(self.size, self.app.size)))
        keys.styles.max_height = max(room, 3)

    def action_close(self) -> None:
        self.dismiss(None)
