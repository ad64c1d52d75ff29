"""Keys typed quickly reach what the keys before them opened, in order.

Textual hands each key to the focused widget as it arrives, without waiting for the previous one
to be handled. Typing "a" then "Contoso" quickly sent "Contoso" to the pipeline (the "a" had not
yet opened the new-application form), and a key arriving while the form was still being built went
to the bare screen, which drops it: the company was lost and the role went into Company. So one
key is in flight at a time: the next waits until the one before has been handled (it came back
to the app after its bindings ran, or a widget took it), and while the active screen is still
opening, keys wait for it. A key never waits long: after `LONGEST_WAIT` it goes on regardless.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.timer import Timer

LONGEST_WAIT = 0.25  # seconds; a hold a person would notice as lag is worse than the race


class EarlyKeys(App[None]):
    """Mixin for the app: one key in flight at a time, none lost to a screen still opening."""

    _in_flight: events.Key | None = None
    _held_keys: list[events.Key] | None = None
    _release_timer: Timer | None = None

    def _screen_is_opening(self) -> bool:
        try:
            return not self.screen.is_mounted
        except Exception:  # no screen at all yet: the app's own start-up handles that
            return False

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        if event.is_forwarded:
            # A key back from the widgets: its bindings run now; then the next one may go.
            await super().on_event(event)
            if event is self._in_flight:
                self._key_handled()
            return
        if self._in_flight is not None or self._held_keys or self._screen_is_opening():
            if self._held_keys is None:
                self._held_keys = []
            self._held_keys.append(event)
            self._wait_for_release()
            return
        await self._send(event)

    async def _send(self, key: events.Key) -> None:
        self._in_flight = key
        target = self.focused or self.screen
        await super().on_event(key)
        if key is self._in_flight and not key.is_forwarded:
            # A priority binding took it at the app: handled already.
            self._key_handled()
            return
        # Runs once the target has handled the key; if it stopped there, it is done.
        target.call_later(self._check_stopped, key)
        self._wait_for_release()

    def _check_stopped(self, key: events.Key) -> None:
        if key is self._in_flight and key._stop_propagation:
            self._key_handled()

    def _wait_for_release(self) -> None:
        if self._release_timer is None:
            self._release_timer = self.set_timer(LONGEST_WAIT, self._waited_long_enough)

    def _waited_long_enough(self) -> None:
        self._release_timer = None
        self._in_flight = None
        self.call_later(self._send_next)

    def _key_handled(self) -> None:
        self._in_flight = None
        if self._release_timer is not None:
            self._release_timer.stop()
            self._release_timer = None
        if self._held_keys:
            self.call_after_refresh(self._send_next)

    async def _send_next(self) -> None:
        if self._in_flight is not None or not self._held_keys:
            return
        if self._screen_is_opening():
            self.call_after_refresh(self._send_next)
            self._wait_for_release()
            return
        await self._send(self._held_keys.pop(0))
