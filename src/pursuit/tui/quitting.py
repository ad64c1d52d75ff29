"""Quitting with writes the file would not take: ask, and keep them in a recovery file.

Nothing typed leaves silently: the writer tries once more, and if the file still says no the
user chooses between waiting and a plain-text copy beside the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pursuit.tui.saving import Saving, fault_notice


class Quitting(Saving):
    """The app's way out (mixed into PursuitApp, after the writer it waits for)."""

    def quit_when_saved(self) -> None:
        """Quit once every write is stored; if one will not go, ask what to do with them."""
        from pursuit.tui.screens.unsaved import UnsavedOnQuit

        app: Any = self
        if isinstance(app.screen, UnsavedOnQuit):
            return
        if self.pending_writes:
            app.notify("Saving what is left before quitting…")
        self.save_before_quitting(self._quit_or_ask)

    def _quit_or_ask(self, fault: str | None) -> None:
        from pursuit.tui.screens.unsaved import UnsavedOnQuit

        app: Any = self
        if fault is None:
            app.exit()
            return
        n = len(self.pending_writes)
        what = self.pending_writes[0].what if n == 1 else f"{n} changes"
        problem = fault_notice(fault, self.db_path, what, self.recovery_path).split(";")[0]

        def answered(keep: bool | None) -> None:
            if keep:
                self._quit_keeping()
            else:
                self.save_next()  # back to waiting for the file

        app.push_screen(
            UnsavedOnQuit(
                f"{problem}.\n\n{what[0].upper()}{what[1:]} is not saved yet. Write it to "
                f"{self.recovery_path} and quit, or keep waiting?",
                yes="Save to that file and quit",
                no="Keep waiting",
            ),
            answered,
        )

    def _quit_keeping(self) -> None:
        from pursuit.tui.screens.unsaved import UnsavedOnQuit

        app: Any = self
        n = len(self.pending_writes)
        try:
            path = self.keep_in_recovery_file(app.clock.now())
        except OSError as exc:

            def answered(lose: bool | None) -> None:
                if lose:
                    app.exit(return_code=1, message=f"pursuit: {n} unsaved change(s) lost")
                else:
                    self.save_next()

            app.push_screen(
                UnsavedOnQuit(
                    f"{self.recovery_path} could not be written either "
                    f"({exc.strerror or exc}). Quit anyway and lose what is not saved?",
                    yes="Quit and lose it",
                    no="Stay",
                    danger=True,
                ),
                answered,
            )
            return
        self.pending_writes.clear()
        app.exit(
            message=f"pursuit: {n} change(s) could not be saved to {self.db_path}; "
            f"what you typed is in {path}"
        )

    def keep_in_recovery_file(self, now: Any) -> Path:
        """Append what is waiting to the recovery file beside the database; its path."""
        path = self.recovery_path
        lines = [f"# Not saved to {self.db_path} when pursuit closed at {now:%Y-%m-%d %H:%M}", ""]
        for p in self.pending_writes:
            lines.append(f"## {p.what}")
            lines.append(p.kept or "(no typed text: repeat this change when the file is back)")
            lines.append("")
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        return path

    async def action_quit_key(self) -> None:
        await self.action_quit()

    async def action_quit(self) -> None:
        from pursuit.tui.screens.unsaved import UnsavedOnQuit

        app: Any = self  # the App this is mixed into
        if isinstance(app.screen, UnsavedOnQuit):
            return
        # A form with changes, or an invitation read and not saved: nothing saves those but
        # the job seeker, so quitting asks before throwing them away (as escape does).
        lost = [
            screen.lost_on_leaving()
            for screen in app.screen_stack
            if callable(getattr(screen, "has_changes", None)) and screen.has_changes()
        ]
        if not lost:
            self._quit_saving()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self._quit_saving()

        app.push_screen(
            UnsavedOnQuit(
                "Quit without saving? " + " ".join(lost),
                yes="Quit without saving",
                no="Stay",
                danger=True,
            ),
            answered,
        )

    def _quit_saving(self) -> None:
        # Screens that autosave hand over what is still pending before the app goes.
        app: Any = self
        for screen in app.screen_stack:
            flush = getattr(screen, "flush", None)
            if callable(flush):
                flush()
        self.quit_when_saved()
