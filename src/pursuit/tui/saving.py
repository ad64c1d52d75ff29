"""Every write the app makes: in order, off the UI thread, kept in memory until it is stored.

A write that meets a busy, full or read-only file waits at the head of the line and is tried
again; the user sees one calm notice until it goes through. A file deleted or replaced under
the app is never written to again: what was typed stays here, and quitting offers to keep it
in a recovery file beside the database.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.notifications import Notification, Notify

if TYPE_CHECKING:
    from pursuit.store.identity import FileIdentity
    from pursuit.store.repo import Store

#: How soon a held write is tried again (each try also waits out the busy timeout).
RETRY_SECONDS = 1.0
#: A notice that stays until the write goes through (or the file is back).
LASTING = 24 * 3600.0
#: A write still waiting after this long is said to be waiting (a busy file is only known as
#: busy once SQLite's own wait for the lock runs out, 15 s in use).
SLOW_SECONDS = 2.0


@dataclass
class PendingWrite:
    write: Callable[[Store], Any]
    done: Callable[[Any], None] | None = None
    success: str | None = None
    #: What it is, in the user's words: "your note", "the draft".
    what: str = "your change"
    #: The text the user typed, for the recovery file ("" when there is none).
    kept: str = ""
    #: A later write with the same key replaces this one while it waits (a draft's newer text).
    key: Hashable | None = None


# --- what went wrong ------------------------------------------------------------------------

#: Faults the write may get past by waiting; the others stop writing for good.
PASSING = ("busy", "full", "read-only", "disk")


def storage_fault(exc: BaseException, path: Path) -> str | None:
    """busy, full, read-only, missing or disk for a fault of the file; None for anything else.

    The store's own reading of the error (`errors.explain`, the one the command line uses),
    turned into the word the notices are keyed by.
    """
    from pursuit.store import errors

    found = errors.explain(exc, path)
    if isinstance(found, errors.StoreBusy):
        return "busy"
    if isinstance(found, errors.StoreFull):
        return "full"
    if isinstance(found, errors.StoreReadOnly):
        return "read-only"
    if isinstance(found, errors.StoreMissing):
        return "disk" if path.exists() else "missing"
    return None


def fault_notice(fault: str, path: Path, what: str, recovery: Path, detail: str = "") -> str:
    name = path.name
    if fault == "busy":
        return (
            f"{name} is busy (another program is writing to it); {what} is kept "
            "and will be saved when it is free."
        )
    if fault == "full":
        return (
            f"The disk holding {path} is full; {what} is kept and will be saved "
            "as soon as there is room. Free some space."
        )
    if fault == "read-only":
        return (
            f"{path} cannot be written to (read-only); {what} is kept and will be saved "
            "once it can be. Check the file's permissions or the disk."
        )
    if fault == "disk":
        said = f"SQLite said: {detail.splitlines()[0]}" if detail else "a disk error"
        return f"{path} could not be written ({said}); {what} is kept and pursuit keeps trying."
    happened = "was deleted" if fault == "missing" else "was replaced by another file"
    return (
        f"{path} {happened} while pursuit was open. Nothing more is written to it; "
        f"{what} is kept, and quitting (q) offers to save it to {recovery}."
    )


def typed_text(fields: dict[str, Any]) -> str:
    """FIELDS as lines for the recovery file: what the user typed, field by field."""
    return "\n".join(f"{name.replace('_', ' ')}: {value}" for name, value in fields.items())


def read_problem(exc: BaseException, path: Path) -> str | None:
    """A plain sentence for a read the file would not answer; None when it is not the file."""
    fault = storage_fault(exc, path)
    if fault is None:
        return None
    what = {"busy": "it is busy", "missing": "it is gone"}.get(fault, f"a {fault} fault")
    return f"Could not read {path} ({what}); what is shown may be out of date."


@contextmanager
def reading(node: Any, path: Path) -> Iterator[None]:
    """Around a read worker's body: a read the file would not answer is told, not raised."""
    try:
        yield
    except Exception as exc:
        problem = read_problem(exc, path)
        if problem is None:
            raise
        node.notify(problem, severity="warning")


# --- messages back from the writer -----------------------------------------------------------


class WriteSaved(Message):
    def __init__(self, pending: PendingWrite, result: Any) -> None:
        super().__init__()
        self.pending = pending
        self.result = result


class WriteHeld(Message):
    """The file would not take the write: it stays first in line."""

    def __init__(self, pending: PendingWrite, fault: str, detail: str = "") -> None:
        super().__init__()
        self.pending = pending
        self.fault = fault
        self.detail = detail


class WriteRefused(Message):
    """The store said no to the values themselves (bad input, a row gone): retrying won't help."""

    def __init__(self, pending: PendingWrite, error: str) -> None:
        super().__init__()
        self.pending = pending
        self.error = error


class Saving:
    """The app's part: one line of writes, one writer at a time (mixed into PursuitApp)."""

    db_path: Path
    store: Store | None
    file_identity: FileIdentity | None

    def init_saving(self) -> None:
        self.pending_writes: list[PendingWrite] = []
        self._writing = False
        self._retry_timer: Any = None
        self._slow_timer: Any = None
        self._notice: Notification | None = None
        #: missing or replaced: the file under the app is not the one it opened.
        self.file_lost: str | None = None
        self.file_identity = None
        #: Set while quitting: called once the line is empty, or with the fault that holds it.
        self._on_drained: Callable[[str | None], None] | None = None
        #: What SQLite said about the last write it would not take.
        self._fault_detail = ""

    @property
    def recovery_path(self) -> Path:
        return self.db_path.with_name(f"{self.db_path.name}.unsaved.txt")

    def run_write(
        self,
        write: Callable[[Store], Any],
        done: Callable[[Any], None] | None = None,
        *,
        success: str | None = None,
        what: str = "your change",
        kept: str = "",
        key: Hashable | None = None,
    ) -> None:
        """Store WRITE after every write before it; DONE and SUCCESS only once it is committed."""
        pending = PendingWrite(write, done, success, what, kept, key)
        if key is not None:
            # The one being written (the first, while writing) is not replaced: it may commit.
            start = 1 if self._writing else 0
            for i in range(start, len(self.pending_writes)):
                if self.pending_writes[i].key == key:
                    self.pending_writes[i] = pending
                    return
        self.pending_writes.append(pending)
        self.save_next()

    def save_next(self) -> None:
        if self._writing or not self.pending_writes or self.store is None:
            return
        if self.file_lost is not None:
            self._hold(self.file_lost)
            return
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self._writing = True
        self._save(self.pending_writes[0])
        if self._slow_timer is None and self._notice is None:
            self._slow_timer = self.set_timer(  # type: ignore[attr-defined]
                SLOW_SECONDS, self._slow, name="slow write"
            )

    def _slow(self) -> None:
        self._slow_timer = None
        if self._writing and self.pending_writes:
            self.show_notice(
                f"Saving to {self.db_path.name} is taking a while (another program may be "
                f"writing to it); {self.pending_writes[0].what} is kept meanwhile."
            )

    def _written(self) -> None:
        """The writer is free again (whatever the outcome)."""
        self._writing = False
        if self._slow_timer is not None:
            self._slow_timer.stop()
            self._slow_timer = None

    @work(thread=True, group="saving", name="save")
    def _save(self, pending: PendingWrite) -> None:
        from pursuit.store.db import StoreError
        from pursuit.store.identity import file_change

        post: Callable[[Message], Any] = self.post_message  # type: ignore[attr-defined]
        store = self.store
        assert store is not None
        try:
            if self.file_identity is not None:
                lost = file_change(store, self.file_identity)
                if lost is not None:
                    post(WriteHeld(pending, lost))
                    return
            result = pending.write(store)
        except Exception as exc:  # every failure is told, none escapes the thread
            fault = storage_fault(exc, self.db_path)
            if fault is not None:
                post(WriteHeld(pending, fault, str(exc)))
            elif isinstance(exc, StoreError | ValueError):
                post(WriteRefused(pending, str(exc)))
            else:
                # Unnamed: kept and retried like a disk error, its words shown.
                post(WriteHeld(pending, "disk", str(exc)))
            return
        post(WriteSaved(pending, result))

    def on_write_saved(self, message: WriteSaved) -> None:
        self._written()
        self._take_first(message.pending)
        p = message.pending
        if p.success:
            self.notify(p.success)  # type: ignore[attr-defined]
        if p.done is not None:
            p.done(message.result)
        self.tick()  # type: ignore[attr-defined]
        if not self.pending_writes:
            self._clear_notice()
        self.save_next()
        self._check_drained()

    def on_write_refused(self, message: WriteRefused) -> None:
        self._written()
        self._take_first(message.pending)
        self.notify(message.error, title="Not saved", severity="error")  # type: ignore[attr-defined]
        if not self.pending_writes:
            self._clear_notice()
        self.save_next()
        self._check_drained()

    def on_write_held(self, message: WriteHeld) -> None:
        self._written()
        self._fault_detail = message.detail
        if message.fault not in PASSING:
            self.lose_file(message.fault)
        else:
            self._hold(message.fault)
        if self._on_drained is not None:
            report, self._on_drained = self._on_drained, None
            report(message.fault)

    def _hold(self, fault: str) -> None:
        n = len(self.pending_writes)
        what = self.pending_writes[0].what if n == 1 else f"{n} changes not yet saved"
        notice = fault_notice(fault, self.db_path, what, self.recovery_path, self._fault_detail)
        self.show_notice(notice)
        if fault in PASSING and self._on_drained is None and self._retry_timer is None:
            self._retry_timer = self.set_timer(  # type: ignore[attr-defined]
                RETRY_SECONDS, self._retry, name="retry write"
            )

    def _retry(self) -> None:
        self._retry_timer = None
        self.save_next()

    def _take_first(self, pending: PendingWrite) -> None:
        if self.pending_writes and self.pending_writes[0] is pending:
            self.pending_writes.pop(0)

    # --- the notice ----------------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        if self._notice is not None and self._notice.message == text:
            return
        self._clear_notice()
        self._notice = Notification(text, "Not saved yet", "warning", LASTING, markup=False)
        self.post_message(Notify(self._notice))  # type: ignore[attr-defined]

    def _clear_notice(self) -> None:
        if self._notice is not None:
            notice, self._notice = self._notice, None
            # Textual keeps no public way to take back one notification.
            if notice in self._notifications:  # type: ignore[attr-defined]
                self._unnotify(notice)  # type: ignore[attr-defined]

    def lose_file(self, fault: str) -> None:
        """The file was deleted or replaced: write nothing more, say so, keep what is typed."""
        if self.file_lost is not None:
            return
        self.file_lost = fault
        self.seal_old_file()  # type: ignore[attr-defined]
        if self.pending_writes:
            self._hold(fault)
        else:
            self.show_notice(
                fault_notice(fault, self.db_path, "anything you change", self.recovery_path)
            )

    # --- quitting ------------------------------------------------------------------------

    def save_before_quitting(self, report: Callable[[str | None], None]) -> None:
        """Try what is waiting once more; REPORT(None) once all is stored, else the fault."""
        if not self.pending_writes:
            report(None)
            return
        if self.file_lost is not None or self.store is None:
            report(self.file_lost or "busy")  # still opening: the file is taken
            return
        self._on_drained = report
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self.save_next()

    def _check_drained(self) -> None:
        if self._on_drained is not None and not self.pending_writes:
            report, self._on_drained = self._on_drained, None
            report(None)
