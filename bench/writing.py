"""CPU time per key typed into an application's notes and into a draft, empty and long.

    python bench/writing.py [KEYS]

For each editor (the notes of the application form, the body of a draft) and each text
(empty; 10,000 characters as one paragraph; 10,000 characters as short lines) the app runs
in a tmux window with that editor open, the cursor at the end of the text, and KEYS letters
(50 unless told) are typed into it with `tmux send-keys`, one at a time. The cost of a key is
measured as bench/keys.py does: the process's CPU time from the key's arrival to its last
frame. Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import Tmux  # this folder is on the path when run as a script
from keys import install_hooks, summary

LONG = 10_000
SENTENCE = "We spoke about the data platform, the on-call rota and the plans for next year. "
LINE = "Asked about the on-call rota and pay.\n"
SHAPES = {"paragraph": SENTENCE, "lines": LINE}


def long_text(length: int, shape: str = "paragraph") -> str:
    """LENGTH characters: one paragraph soft-wrapped over many rows, or many short lines."""
    unit = SHAPES[shape]
    return (unit * (length // len(unit) + 1))[:length]


def make_database(path: Path, length: int, shape: str) -> tuple[int, int]:
    """An application whose notes, and a draft whose body, hold LENGTH characters."""
    from pursuit.domain.clock import FixedClock
    from pursuit.store.repo import Store

    store = Store.open(path, FixedClock(datetime.now(UTC)))
    try:
        text = long_text(length, shape)
        app_id = store.applications.add_application("Northwind", "Data Engineer", notes=text)
        template = store.drafts.templates()[0]
        draft_id = store.drafts.save_draft(None, app_id, template.name, "Hello", text)
        return app_id, draft_id
    finally:
        store.close()


def serve(database: Path, out: Path, editor: str, app_id: int, draft_id: int) -> None:
    """The app with EDITOR open on the long text (once the store is open), cursor at the end."""
    from textual.widgets import TextArea

    from pursuit.tui.app import PursuitApp
    from pursuit.tui.screens.application_form import ApplicationForm
    from pursuit.tui.screens.draft import DraftEditor, DraftRequest

    install_hooks(out)

    class Typing(PursuitApp):
        opened = False

        def on_store_ready(self, message: object) -> None:
            super().on_store_ready(message)  # type: ignore[arg-type]
            if not self.opened and self.store is not None:
                self.opened = True
                if editor == "notes":
                    row = self.store.views.application(app_id)
                    self.push_screen(ApplicationForm(self.clock.now(), row))
                else:
                    self.push_screen(DraftEditor(DraftRequest(app_id, draft_id=draft_id)))
                self.set_timer(1.0, self.to_the_end)

        def to_the_end(self) -> None:
            area = self.screen.query(TextArea).last()
            area.focus()
            area.move_cursor(area.document.end)
            area.scroll_cursor_visible()
            self.notify("typing-ready")

    Typing(database, tick_seconds=3600).run()


def type_into(editor: str, length: int, keys: int, shape: str = "paragraph") -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "writing.db"
        app_id, draft_id = make_database(database, length, shape)
        out = Path(folder) / "writing.keys"
        out.touch()
        here = Path(__file__).resolve()
        # PYTHONPATH passed on, so another checkout's code can be measured the same way.
        path = os.environ.get("PYTHONPATH", "")
        window = Tmux(
            f"env PYTHONPATH={path} {sys.executable} {here} --serve"
            f" {database} {out} {editor} {app_id} {draft_id}"
        )
        samples = []
        try:
            window.wait_for("typing-ready", timeout=120)
            time.sleep(5)  # the notice goes and the first tick runs
            for key in "northwind platform " * (keys // 19 + 1):
                if len(samples) == keys:
                    break
                before = len(out.read_text().splitlines())
                window.send("Space" if key == " " else key)
                deadline, lines = time.monotonic() + 5, [""] * before
                while time.monotonic() < deadline:
                    time.sleep(0.1)
                    now = out.read_text().splitlines()
                    if len(now) == len(lines) and len(now) > before + 1:
                        break
                    lines = now
                mine = lines[before:]
                frames = [float(x.split()[1]) for x in mine if x.startswith("frame ")]
                received = [float(x.split()[2]) for x in mine if x.startswith("key ")]
                if received and frames:
                    samples.append(frames[-1] - received[0])
        finally:
            window.close()
    return samples


def main() -> int:
    if sys.argv[1:2] == ["--serve"]:
        database, out, editor, app_id, draft_id = sys.argv[2:7]
        serve(Path(database), Path(out), editor, int(app_id), int(draft_id))
        return 0
    keys = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    # "notes 10000" is the paragraph (the name bench.py reads), "notes 10000 lines" the lines.
    results = {
        f"{editor} {length}{suffix}": summary(type_into(editor, length, keys, shape))
        for editor in ("notes", "draft")
        for length, shape, suffix in (
            (0, "paragraph", ""),
            (LONG, "paragraph", ""),
            (LONG, "lines", " lines"),
        )
    }
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
