"""The demo's sample data, made by a process of its own while the app draws its first frame.

On the app's own thread making it came after the first frame and shared one core with it. A
second process works on the other core from the start (moving the data made ahead to today
takes it a tenth of a second, see store/demo_ahead.py; seeding through the store, its fallback,
over a second); the app shows the rows as soon as the finished file is in place
(`store.demo_file.make_file` moves it there whole, so the app never sees half of it). It also
keeps a copy for the day: the next demo that day is that copy, with its rows in the first frame.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

#: Makers started before the app (by `pursuit demo`, ahead of importing Textual), by file.
_early: dict[Path, DemoMaker] = {}
#: Every maker of this process, so that a demo told to end (SIGHUP, SIGTERM) ends them too.
_started: list[DemoMaker] = []


def start_early(path: Path, now: datetime) -> None:
    """Start making the demo at PATH now; the app that opens PATH takes this maker over."""
    maker = DemoMaker.start(path, now)
    if maker is not None:
        _early[path] = maker


class DemoMaker:
    def __init__(self, path: Path, now: datetime) -> None:
        self.path = path
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pursuit.store.demo_file", str(path), now.isoformat()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            # Not the terminal, which the app owns: a failure is read here, then the app
            # makes the data itself and reports what goes wrong then.
            stderr=subprocess.PIPE,
        )
        _started.append(self)

    @classmethod
    def start(cls, path: Path, now: datetime) -> DemoMaker | None:
        """A maker for a demo file that does not exist yet (an existing one is opened)."""
        if path in _early:
            return _early.pop(path)
        if path.exists():
            return None
        from pursuit.store.demo_file import copy_template

        if copy_template(path, now):
            return None  # the day's demo was made before: the first frame has its rows
        try:
            return cls(path, now)
        except OSError:
            return None  # no process to be had: the app makes the data itself

    @staticmethod
    def end_all_now() -> None:
        """End every maker at once, waiting for none (the demo is being ended by a signal)."""
        for maker in _started:
            if maker.process.poll() is None:
                maker.process.kill()

    def wait(self) -> bool:
        """True once the demo file is in place; False if the app must make it itself."""
        self.process.communicate()
        return self.process.returncode == 0 and self.path.exists()

    def stop(self) -> None:
        """The app is leaving before the data was made: end the maker and what it left."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()  # the app's opening thread reads what it wrote
            from pursuit.store.demo_file import remove_unfinished

            remove_unfinished(self.path)
