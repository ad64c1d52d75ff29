"""The app and the command line sharing one file, as the README promises: nothing lost.

The real app runs in a pseudo-terminal; writes from its keys and from the command line are
interleaved with its reloads. A plain open() and close() of the database anywhere in the app
drops SQLite's locks, and the next command to close then deletes the -wal under the app.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import sqlite3
import struct
import termios
import threading
import time
from pathlib import Path

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store

from ..support.processes import MOMENT, Children, pursuit_argv, run_pursuit

WAIT = 30.0


class AppInTerminal:
    """The real app on a pseudo-terminal: what it draws is collected, keys are typed."""

    def __init__(self, kids: Children, db: Path) -> None:
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "40"}
        self.child = kids.start(
            pursuit_argv("app", str(db), "--tick", "1"),
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
        )
        os.close(follower)
        self.leader = leader
        self.output = bytearray()
        self.lock = threading.Lock()
        # A pty nobody reads fills up and stalls the app: drain it all the time.
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.leader], [], [], 0.5)
                if not ready:
                    if self.child.poll() is not None:
                        return
                    continue
                chunk = os.read(self.leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.output += chunk

    def seen(self, text: str, since: int = 0) -> bool:
        with self.lock:
            return self.output.find(text.encode(), since) >= 0

    def drawn(self) -> int:
        """How much the app has drawn so far: look for what it draws next after this."""
        with self.lock:
            return len(self.output)

    def wait_for(self, what: str, check) -> None:
        deadline = time.monotonic() + WAIT
        while not check():
            assert self.child.poll() is None, f"the app exited while waiting for {what}"
            assert time.monotonic() < deadline, f"the app never showed {what}"
            time.sleep(0.05)

    def type(self, *keys: str) -> None:
        """One key at a time, each answered on screen before the next, as a person types.

        (Keys sent in one burst reach the field focused before a tab is handled.)
        """
        for key in keys:
            before = self.drawn()
            os.write(self.leader, key.encode())
            self.wait_for(f"the answer to {key!r}", lambda b=before: self.drawn() > b)

    def fds(self) -> list[str]:
        folder = Path(f"/proc/{self.child.pid}/fd")
        links = []
        for fd in folder.iterdir():
            try:
                links.append(os.readlink(fd))
            except OSError:
                continue
        return links

    def close(self) -> None:
        os.close(self.leader)


def _companies(db: Path) -> set[str]:
    done = run_pursuit("--db", str(db), "list", "--json")
    assert done.returncode == 0, done.stderr
    return {row["company"] for row in json.loads(done.stdout)}


@pytest.mark.slow
def test_the_app_and_the_command_line_share_the_file(tmp_path: Path, children: Children) -> None:
    db = tmp_path / "shared.db"
    wal = Path(f"{db}-wal")
    store = Store.open(db, FixedClock(MOMENT))
    store.applications.add_application("Seedco", "Engineer")
    store.close()
    app = AppInTerminal(children, db)
    try:
        app.wait_for("its first rows", lambda: app.seen("Seedco"))
        # Its store and its ticker each hold the file: from here on it notices others' writes.
        app.wait_for("the store open", lambda: app.fds().count(str(db)) >= 2 and wal.exists())
        for i in range(2):
            added = run_pursuit("--db", str(db), "add", f"Shellco{i}", "Analyst")
            assert added.returncode == 0, added.stderr
            # The app sees the change on a tick and reloads the pipeline from the file.
            app.wait_for(f"Shellco{i}", lambda i=i: app.seen(f"Shellco{i}"))
            for command in (["list"], ["due"], ["list", "--json"]):
                done = run_pursuit("--db", str(db), *command)
                assert done.returncode == 0, done.stderr
            assert wal.exists(), "a command deleted the -wal while the app had the file open"
            before = app.drawn()
            app.type("a")
            app.wait_for("the form", lambda since=before: app.seen("New application", since))
            app.type(*f"Appco{i}", "\t", *"Designer", "\x13")
            app.wait_for(f"Appco{i} added", lambda i=i: app.seen(f"Added Appco{i}"))
            # Acknowledged on screen: a fresh process sees it at once.
            app.wait_for(
                f"Appco{i} saved to the file",
                lambda i=i: f"Appco{i}" in _companies(db),
            )
            assert {f"Shellco{n}" for n in range(i + 1)} <= _companies(db)
        assert wal.exists()
        deleted = [link for link in app.fds() if "(deleted)" in link]
        assert deleted == [], f"the app writes to files no one else sees: {deleted}"
        check = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            check.close()
    finally:
        app.close()
