"""Text from outside in the real app: shown as typed, never acting on the terminal.

The app runs in a pseudo-terminal on a database whose names carry terminal sequences and
markup; every byte it writes is read back.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import termios
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from tests.support.processes import MOMENT, Children, pursuit_argv
from tests.support.terminal import Terminal

COMPANY = "Acme\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4=\x07 Labs"
ROLE = "[Stealth] AI · ML [Platform] Engineer\x9b2J"
PERSON = "Ann \x1b[2JLee"


@pytest.mark.slow
def test_hostile_names_reach_the_screen_as_text_and_never_as_sequences(
    tmp_path: Path, children: Children
) -> None:
    db = tmp_path / "hostile.db"
    store = Store.open(db, FixedClock(MOMENT))
    app_id = store.applications.add_application(COMPANY, ROLE, source="[b]Referral[/b]")
    store.people.add_interview(app_id, MOMENT.replace(hour=8), kind="video", interviewers=[PERSON])
    store.applications.log_event(app_id, "heard", note="they said \x1b]0;pwned\x07 soon")
    store.close()

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    argv = pursuit_argv("app", str(db), "--tick", "3600")
    app = children.start(argv, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    screen = Terminal(leader)
    try:
        screen.wait_for(lambda: "Acme" in screen.text(), "the pipeline")
        screen.wait_for(lambda: "1 shown" in screen.text(), "every row loaded")
        at = screen.mark()
        screen.keys("\r")  # the application: its facts, people, interviews and history
        screen.wait_for(lambda: "they said" in screen.text(at), "the application, loaded")
        at = screen.mark()
        screen.keys("\x1b")
        screen.wait_for(lambda: "Pipeline" in screen.text(at), "the pipeline again")
        at = screen.mark()
        screen.keys("t")  # Today, then the thank-you owed to the interviewer, written
        screen.wait_for(lambda: "Follow-ups" in screen.text(at), "Today")
        at = screen.mark()
        screen.keys("\r")
        screen.wait_for(lambda: "Mark sent" in screen.text(at), "the draft")
        screen.keys("\x11")  # ctrl+q: leave from the editor (the draft is kept)
        app.wait(timeout=30)
    finally:
        os.close(leader)
    raw = bytes(screen.raw)
    # No title change, no clipboard write, no clear screen from what was stored.
    assert b"\x1b]52;c;cm0g" not in raw and b"\x1b]0;pwned" not in raw
    assert "\x9b".encode() not in raw and b"\x1b[2JLee" not in raw
    assert b"\x07 soon" not in raw and b"\x1b]0;pwned\x07 Labs" not in raw
    shown = screen.text()
    assert "␛]0;pwned␇" in shown  # the text is all there, its controls as pictures
    assert "[Stealth] AI · ML [P" in shown  # markup shown as typed
