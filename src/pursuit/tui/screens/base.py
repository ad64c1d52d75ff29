"""What every pursuit screen shares: the app typed once, its clock, and loading on change.

A screen that shows stored data says how to read it (`read`, in a worker) and how to show it
(`show`, on the UI thread); `follow_changes` reloads it whenever the data changes (and, if
asked, at each tick of the clock). The reading goes through `reading()`, so a file that will
not answer is told in a notice, never raised.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, cast

from textual import work
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen

from pursuit.tui.saving import reading

if TYPE_CHECKING:
    from pursuit.store.repo import Store
    from pursuit.tui.app import PursuitApp

ResultT = TypeVar("ResultT")
DataT = TypeVar("DataT")
ScreenT = TypeVar("ScreenT", bound="LoadingScreen[Any]")
P = ParamSpec("P")


def pursuit_of(node: MessagePump) -> PursuitApp:
    """NODE's app as pursuit's own, not Textual's `App`."""
    # The app module imports the first screen: the type is imported only for the checker.
    return cast("PursuitApp", node.app)


def now_of(app: PursuitApp) -> datetime:
    """The ticker's last reading of the clock, or the clock itself before the first tick."""
    return app.now or app.clock.now()


class PursuitScreen(Screen[ResultT]):
    """A full screen of pursuit."""

    #: What to read again once back on top: a change came while another full screen covered it.
    _reload_when_back: Callable[[], None] | None = None

    @property
    def pursuit(self) -> PursuitApp:
        return pursuit_of(self)

    def now(self) -> datetime:
        return now_of(self.pursuit)

    def covered(self) -> bool:
        """Whether a full screen is above this one (a dialog leaves it in view, dimmed)."""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        return any(not isinstance(s, ModalScreen) for s in stack[stack.index(self) + 1 :])

    def reload_when_seen(self, reload: Callable[[], None]) -> None:
        """RELOAD now, or, while covered, once this screen is back on top: a draft saving
        every second must not have the pipeline beneath it read 100,000 rows each time."""
        if self.covered():
            self._reload_when_back = reload
        else:
            reload()

    def on_screen_resume(self) -> None:
        reload, self._reload_when_back = self._reload_when_back, None
        if reload is not None:
            reload()


class PursuitModal(ModalScreen[ResultT]):
    """A dialog of pursuit."""

    @property
    def pursuit(self) -> PursuitApp:
        return pursuit_of(self)


class Loaded(Message, Generic[DataT]):
    """What a screen's `read` returned, on its way to `show`."""

    def __init__(self, data: DataT) -> None:
        super().__init__()
        self.data = data


class Gone(Message):
    """The store said no to the read itself (what the screen shows was deleted)."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class LoadingScreen(PursuitScreen[None], Generic[DataT]):
    """A screen that reads its data off the UI thread, and reads it again when it changes."""

    #: Said when what the screen shows is gone (deleted elsewhere) and the store gave no words.
    GONE = "That is gone."
    #: Whether the screen has shown its data once; until then `once_shown` keeps the keys.
    shown = False
    _waiting: list[Callable[[], None]] | None = None

    def read(self, store: Store) -> DataT:
        """The screen's data (called in a worker: may block on the file)."""
        raise NotImplementedError

    def show(self, data: DataT) -> None:
        """Draw DATA (called on the UI thread)."""
        raise NotImplementedError

    def follow_changes(self, *, ticks: bool = False) -> None:
        """Load now, and again whenever the data changes (and at each tick if TICKS)."""
        self.watch(
            self.pursuit, "data_generation", lambda _g: self.reload_when_seen(self.reload), False
        )
        if ticks:
            self.watch(self.pursuit, "now", lambda _n: self.reload_when_seen(self.reload), False)
        self.reload()

    def reload(self, _result: object = None) -> None:
        """Read again (also the `done` of a write: it takes the write's result)."""
        self.load()

    @work(thread=True, exclusive=True, group="screen-load", name="load the screen")
    def load(self) -> None:
        store = self.pursuit.store
        if store is None:
            return  # opened before the store: the store's opening bumps data_generation
        from pursuit.store.db import StoreError

        try:
            with reading(self, store.path):
                data = self.read(store)
                self.post_message(Loaded(data))
        except StoreError as exc:
            self.post_message(Gone(str(exc)))

    def on_loaded(self, message: Loaded[DataT]) -> None:
        message.stop()
        if self.is_attached:
            self.show(message.data)
            self.shown = True
            waiting, self._waiting = self._waiting or [], None
            for action in waiting:
                action()

    def on_gone(self, message: Gone) -> None:
        message.stop()
        self._waiting = None
        if self.is_attached and self.pursuit.screen is self:
            self.notify(message.error or self.GONE, severity="warning")
            self.pursuit.pop_screen()


def once_shown(
    action: Callable[Concatenate[ScreenT, P], None],
) -> Callable[Concatenate[ScreenT, P], None]:
    """An action that needs the screen's data: pressed before it is shown, it waits for it.

    `t` then `d` typed while the file was still opening did nothing and said nothing: Today
    had no rows yet. Now the key acts on the rows as soon as they are there.
    """

    def run(self: ScreenT, /, *args: P.args, **kwargs: P.kwargs) -> None:
        if self.shown:
            action(self, *args, **kwargs)
            return
        if self._waiting is None:
            self._waiting = []
        self._waiting.append(functools.partial(action, self, *args, **kwargs))

    functools.update_wrapper(run, action)
    return run
