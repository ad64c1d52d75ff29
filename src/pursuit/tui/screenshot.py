"""A picture of the screen (the command palette's "Screenshot"), saved where it says, or why not.

Textual's own delivery said only "Failed to save screenshot": no reason, no path. Here the file
is written by a thread worker, and the notice names the file it made or the reason it could not.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from platformdirs import user_downloads_path
from textual import work
from textual.app import App

from pursuit.domain.clock import Clock


def screenshot_folder() -> Path:
    """Downloads, where a person looks for a saved file; home when there is none."""
    downloads = user_downloads_path()
    return downloads if downloads.is_dir() else Path.home()


def why_not_saved(exc: OSError, target: Path) -> str:
    """The notice for a picture that could not be written to TARGET."""
    reason = {
        errno.ENOENT: "the folder does not exist",
        errno.EACCES: "you do not have permission to write there",
        errno.EPERM: "you do not have permission to write there",
        errno.EROFS: "the disk is read-only",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk is full",
        errno.ENOTDIR: "part of the path is a file, not a folder",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    return f"Could not save the picture of the screen to {target}: {reason}."


def free_name(folder: Path, stem: str) -> Path:
    """FOLDER/STEM.svg, or STEM-2.svg and so on: an earlier picture is never overwritten."""
    target = folder / f"{stem}.svg"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}.svg"
        n += 1
    return target


class SavesScreenshots(App[None]):
    """Mixin for the app: the palette's Screenshot, with a notice that names the file."""

    clock: Clock

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        folder = Path(path).expanduser() if path else screenshot_folder()
        stamp = self.clock.now().astimezone().strftime(time_format or "%Y-%m-%d_%H-%M-%S")
        target = folder / filename if filename else free_name(folder, f"pursuit_{stamp}")
        self._save_screenshot(target, self.export_screenshot())
        return None

    @work(thread=True, name="save screenshot", exit_on_error=False)
    def _save_screenshot(self, target: Path, svg: str) -> None:
        try:
            # Yours alone (0600), as exports are: the picture holds your applications.
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(svg)
        except FileExistsError:
            self.call_from_thread(
                self.notify,
                f"Did not save the picture of the screen: {target} is already there.",
                severity="warning",
            )
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                target.unlink(missing_ok=True)  # ours (opened with "x"), and cut short
            self.call_from_thread(self.notify, why_not_saved(exc, target), severity="error")
        else:
            self.call_from_thread(self.notify, f"Saved a picture of the screen to {target}")
