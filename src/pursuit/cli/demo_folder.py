"""The demo's throwaway folder: gone when the demo ends, however it ends.

A terminal closed under it (SIGHUP: a tmux session killed, an SSH link dropped) or a `kill`
(SIGTERM) ends a process without running its clean-up, so those two are caught. What a demo
killed outright (SIGKILL, a power cut) left is swept by the next demo: each folder is named
after the process that made it, and one whose process is gone is removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

_PREFIX = "pursuit-demo-"
#: `pursuit-demo-<process id>-<random>`; folders from before the id was in the name are left.
_LEFT_BY = re.compile(re.escape(_PREFIX) + r"(\d+)-\w+")
_ENDING = (signal.SIGHUP, signal.SIGTERM)


@contextlib.contextmanager
def throwaway_folder() -> Iterator[Path]:
    """A new private folder in the temporary folder, removed when the block ends or a SIGHUP
    or SIGTERM ends the process; folders left by dead demos are swept first."""
    temp = Path(tempfile.gettempdir())
    sweep(temp)
    folder = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=temp))

    def end(signum: int, _frame: FrameType | None) -> None:
        from pursuit.tui.demo_maker import DemoMaker

        DemoMaker.end_all_now()  # it would write into the folder, or make it again
        shutil.rmtree(folder, ignore_errors=True)
        # Then end as the signal would have: the shell sees how the demo ended.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    before = {sig: signal.signal(sig, end) for sig in _ENDING}
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for sig, handler in before.items():
            signal.signal(sig, handler)


def sweep(temp: Path) -> None:
    """Remove the demo folders in TEMP that are yours and whose demo process is gone."""
    try:
        entries = list(os.scandir(temp))
    except OSError:
        return
    for entry in entries:
        found = _LEFT_BY.fullmatch(entry.name)
        try:
            if (
                found is None
                or not entry.is_dir(follow_symlinks=False)
                or entry.stat(follow_symlinks=False).st_uid != os.getuid()
                or _running(int(found[1]))
            ):
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)


def _running(pid: int) -> bool:
    """A process with this id exists (perhaps not the demo: its folder then waits a while)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except (OverflowError, ValueError):
        return False  # no process can have such an id
    return True
