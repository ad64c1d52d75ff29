"""The pursuit app: opens the store after the first paint, runs the ticker, hosts the screens.

The ORM is imported only inside workers, so the pipeline paints before SQLModel loads.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.filter import Monochrome, NoColor
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.timer import Timer

from pursuit.domain.clock import Clock, SystemClock
from pursuit.domain.pipeline import Entry
from pursuit.domain.safe_text import for_terminal
from pursuit.paths import styles_dir
from pursuit.store import db
from pursuit.store.db import DatabaseError, ReadError
from pursuit.tui.app_messages import FileLost, StoreFailed, StoreReady, Ticked
from pursuit.tui.commands import PursuitCommands
from pursuit.tui.early_keys import EarlyKeys
from pursuit.tui.navigation import Navigation
from pursuit.tui.quitting import Quitting
from pursuit.tui.screens.pipeline import PipelineScreen
from pursuit.tui.screenshot import SavesScreenshots
from pursuit.tui.tick_notices import announce

if TYPE_CHECKING:
    from pursuit.domain.records import ContactRow, DueRow, InterviewRow, PrepRow
    from pursuit.store.repo import Store
    from pursuit.store.screen_reads import PlainConnection
    from pursuit.tui.demo_maker import DemoMaker

STYLES = styles_dir()
#: An interview this close whose checklist is not done is flagged.
PREPARE_WINDOW = timedelta(hours=24)


class PursuitApp(Navigation, EarlyKeys, SavesScreenshots, Quitting, App[None]):
    TITLE = "pursuit"
    #: The styles, in order: what the first frame needs, then (LATER_CSS_PATH) the rest.
    CSS_PATH = [STYLES / "pipeline.tcss"]
    #: Read once the store is open, or when a screen opens before that: parsing them would
    #: be a tenth of the start's own work, for screens that are not on it. (The shared look
    #: in app.tcss is for dialogs and panes; no selector of it is in pipeline.tcss.)
    LATER_CSS_PATH = [STYLES / "app.tcss", STYLES / "forms.tcss", STYLES / "detail.tcss"]
    COMMANDS = App.COMMANDS | {PursuitCommands}
    #: Each screen is `-narrow` under 100 columns: the footer's keys sit closer (pipeline.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        # Ahead of the screen's own keys, so that F1 answers on a form or a picker too (a
        # dialog keeps the app's other keys from its fields); nobody types an F1.
        Binding(
            "f1",
            "toggle_help",
            "Help",
            id="app.help",
            tooltip="Show or hide the keys of this screen",
            priority=True,
        ),
        Binding(
            "question_mark",
            "toggle_help",
            "Help",
            id="app.help-question-mark",
            show=False,
            tooltip="Show or hide the keys of this screen",
        ),
        Binding(
            "t",
            "today",
            "Today",
            id="app.today",
            tooltip="What to send today, and the interviews this week",
        ),
        Binding(
            "q",
            "quit_key",
            "Quit",
            id="app.quit",
            tooltip="Leave pursuit (asks first when something is not saved yet)",
        ),
    ]

    #: Bumped whenever the data changed (our writes or another process's); screens reload.
    data_generation: reactive[int] = reactive(0)
    #: The ticker's last reading of the clock; screens restyle what is due.
    now: reactive[datetime | None] = reactive(None, always_update=True)
    overdue: reactive[int] = reactive(0)

    def __init__(
        self,
        db_path: Path,
        clock: Clock | None = None,
        *,
        demo: bool = False,
        tick_seconds: float | None = None,
    ) -> None:
        from pursuit.tui.terminal_safety import install

        install()  # before the first frame: a stored name must never drive the terminal
        super().__init__()
        self.db_path = Path(db_path)
        self.clock: Clock = clock or SystemClock()
        self.demo = demo
        #: Tests pass an interval of their own; otherwise the setting (30 s unless changed).
        self._fixed_tick = tick_seconds is not None
        self.tick_seconds = tick_seconds or 30.0
        self._ticker: Timer | None = None
        self.store: Store | None = None
        self.pipeline_rows: list[Entry] = []
        self.prepare_rows: list[PrepRow] = []
        self._prepare_seen: set[int] = set()
        self.contacts: list[ContactRow] = []
        #: The follow-up `d` hid last, which `u` brings back.
        self.last_dismissed: DueRow | None = None
        #: The ticker's own reading (kept in its thread): its last moment and the count then.
        self._ticked_at: datetime | None = None
        self._overdue_count = 0
        #: Its last reading of the interviews within PREPARE_WINDOW, with their checklists.
        self._soon: list[tuple[InterviewRow, int, int]] | None = None
        self._data_version: int | None = None
        self._tick_conn: PlainConnection | None = None
        self._tick_lock = threading.Lock()
        self._closing = False
        self.store_changed_on_open = False
        self._later_styles = False
        #: CPU seconds of the last tick: its query (worker thread), then its handling here.
        self.tick_cpu = (0.0, 0.0)
        self.init_saving()
        self._demo_maker: DemoMaker | None = None
        if demo:
            from pursuit.tui.demo_maker import DemoMaker

            self.sub_title = "demo"
            # Started before the first frame, so that it runs while the app draws it.
            self._demo_maker = DemoMaker.start(self.db_path, self.clock.now())

    def get_default_screen(self) -> PipelineScreen:
        # A reactive is set up when first read, and calls the watchers it already has: read
        # these before the screen watches them, or it would take their start as a change.
        _ = self.data_generation, self.now
        return PipelineScreen()

    def load_later_styles(self) -> None:
        """The other screens' styles, after those of the first frame (once)."""
        if self._later_styles:
            return
        self._later_styles = True
        if self.css_monitor is not None:  # `textual run --dev` reloads them when edited too
            self.css_monitor.add_paths(self.LATER_CSS_PATH)
        for path in self.LATER_CSS_PATH:
            self.stylesheet.read(path)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        self.load_later_styles()
        return super().push_screen(screen, *args, **kwargs)

    # --- the store -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="open-store", name="open store")
    def open_store(self) -> None:
        """Called by the pipeline once its first rows are drawn: the ORM is slow to import."""
        if self._demo_maker is not None:
            # First: on a busy machine the database layer's import would slow the maker.
            made = self._demo_maker.wait()
            if self._closing:
                return  # the app left while it was being made
            if made:
                self.call_from_thread(self._demo_made)
        from pursuit.store.db import StoreError
        from pursuit.store.identity import identify
        from pursuit.store.repo import Store

        try:
            store = Store.open(self.db_path, self.clock)
            changed = store.upgraded
            if self.demo and not store.views.applications():
                from pursuit.store.demo import seed

                seed(store)
                changed = True
            with store.reader() as conn:
                self.file_identity = identify(store.path, conn)
        except (StoreError, DatabaseError, OSError) as exc:
            self.post_message(StoreFailed(str(exc)))
            return
        self.store = store
        self.post_message(StoreReady(store.settings.values(), changed))

    @property
    def making_demo(self) -> bool:
        """The demo's data is being made by its own process (its file is not there yet)."""
        return self._demo_maker is not None and self.store is None

    def _demo_made(self) -> None:
        # The file is whole: the pipeline reads its rows now, without waiting for the store.
        self.data_generation += 1

    @work(thread=True, exclusive=True, group="backup", name="daily backup")
    def daily_backup(self) -> None:
        """A copy a day, the last seven kept; a failed backup is reported, never fatal."""
        from pursuit.store import backup
        from pursuit.store.db import StoreError

        try:
            if backup.is_due(self.db_path, self.clock.now()):
                backup.backup(self.db_path, self.clock.now())
        except (StoreError, OSError, ReadError) as exc:
            self.call_from_thread(
                self.notify, f"Could not back up the database: {exc}", severity="warning"
            )

    def on_store_ready(self, message: StoreReady) -> None:
        self.apply_settings(message.settings)
        self.call_after_refresh(self.load_later_styles)
        self.store_changed_on_open = message.changed
        # Screens opened while the store was opening load now.
        self.data_generation += 1
        self.tick()
        self.save_next()  # what was written while the store was opening
        if not self.demo:
            # After the rows are asked for: a backup must never hold up the first screen.
            self.call_after_refresh(self.daily_backup)

    def apply_settings(self, values: dict[str, str]) -> None:
        """Use the stored theme and ticker interval (a test's own interval wins)."""
        theme = values.get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        seconds = values.get("ticker_seconds")
        if seconds and seconds.isdigit() and not self._fixed_tick:
            self.tick_seconds = float(seconds)
        if self._ticker is not None:
            self._ticker.stop()
        self._ticker = self.set_interval(self.tick_seconds, self.tick, name="ticker")
        self._settings_loaded = True

    def watch_theme(self, theme: str) -> None:
        if self.no_color:
            # Textual picks its NO_COLOR filter once, for the theme the app starts with: turned
            # to grey, an ANSI theme's terminal colours all come out black on black.
            wanted = NoColor if self.native_ansi_color else Monochrome
            self._filters[:] = [
                wanted() if isinstance(f, (NoColor, Monochrome)) else f for f in self._filters
            ]
        # A theme chosen anywhere (the palette's own theme picker too) is remembered.
        if self.store is not None and getattr(self, "_settings_loaded", False):
            self.run_write(
                lambda s: s.settings.set_many({"theme": theme}), what="the theme", key="theme"
            )

    def on_store_failed(self, message: StoreFailed) -> None:
        self.exit(return_code=2, message=f"pursuit: error: {message.error}")

    # --- the ticker ------------------------------------------------------------------------

    def tick(self) -> None:
        if self.store is not None:
            self._tick()

    @work(thread=True, exclusive=True, group="ticker", name="ticker")
    def _tick(self) -> None:
        from pursuit.domain.records import PrepRow
        from pursuit.store import queries

        started = time.thread_time()
        now = self.clock.now()
        first = self._ticked_at is None
        newly: list[DueRow] = []
        # Held while the connection is in use: closing it under a running query crashes.
        with self._tick_lock:
            if self._closing:
                return
            if self._tick_conn is None:
                self._tick_conn = db.open_for_ticks(self.db_path)
            conn = self._tick_conn
            lost = self._file_change(conn)
            if lost is not None:
                self.post_message(FileLost(lost))
                return
            try:
                version = queries.data_version(conn)
                changed = not first and version != self._data_version
                last = self._ticked_at
                if last is None or self._soon is None or changed or now < last:
                    # Writes can close follow-ups as well as open them, and tick off
                    # checklists: count and read afresh.
                    self._overdue_count = queries.overdue_count(conn, now)
                    soon = queries.preparation(conn, now, now + PREPARE_WINDOW)
                else:
                    # Only time passed: what fell overdue since the last tick is one range;
                    # the interviews within a day are those kept that have not started, and
                    # those that came in reach (all of them read afresh: 8 ms at 100,000).
                    newly = queries.overdue_between(conn, last, now)
                    self._overdue_count += len(newly)
                    start = now.astimezone(UTC)  # compared in one zone: no local-time lookups
                    soon = [row for row in self._soon if row[0].starts_at >= start]
                    soon += queries.preparation(conn, last + PREPARE_WINDOW, now + PREPARE_WINDOW)
                error = None
            except DatabaseError as exc:
                error = exc
        if error is not None:
            # Outside the lock: this waits for the UI thread, which may be closing the app.
            self.call_from_thread(
                self.notify, f"Could not read the database: {error}", severity="error"
            )
            return
        prepare = [PrepRow(iv, settled, total) for iv, settled, total in soon if settled < total]
        self._soon = soon
        self._data_version = version
        self._ticked_at = now
        self.tick_cpu = (time.thread_time() - started, 0.0)
        self.post_message(Ticked(now, self._overdue_count, newly, changed, prepare, first))

    def _file_change(self, conn: PlainConnection) -> str | None:
        from pursuit.store.identity import content_change, path_change

        known = self.file_identity
        if known is None or self.store is None or self.file_lost is not None:
            return None
        return path_change(self.store.path, known) or content_change(conn, known)

    def on_file_lost(self, message: FileLost) -> None:
        self.lose_file(message.fault)

    @work(thread=True, group="seal", name="seal the old file")
    def seal_old_file(self) -> None:
        """Fold our write-ahead log into the file we opened, and empty it.

        The log sits beside the path by name: a file put in our file's place would read our
        frames as its own, with another program's next connection. The ticker's connection
        was opened on our file, so it checkpoints into that one, never into the newcomer.
        """
        with self._tick_lock:
            if self._tick_conn is None or self._closing:
                return
            try:
                self._tick_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except ReadError:
                return  # a reader in the way: the log goes when our connections close

    def on_ticked(self, message: Ticked) -> None:
        started = time.thread_time()
        self._on_ticked(message)
        self.tick_cpu = (self.tick_cpu[0], time.thread_time() - started)

    def _on_ticked(self, message: Ticked) -> None:
        now = message.now
        announce(self, message, self._prepare_seen)
        self._prepare_seen = {p.interview.id for p in message.prepare}
        self.prepare_rows = message.prepare
        self.overdue = message.overdue
        self.now = now
        if message.changed:
            self.data_generation += 1

    def watch_overdue(self, count: int) -> None:
        base = "demo · " if self.demo else ""
        self.sub_title = f"{base}{count} overdue" if count else base.rstrip(" ·")

    # --- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Where you write (a draft, its buttons included), a letter is typing, not a command:
        # "P.S. Loved the..." must not jump to Today at the t, nor quit at a q.
        # (ctrl+q, Textual's own "quit", still leaves from there.)
        if action in ("today", "quit_key") and getattr(self.screen, "WRITING", False):
            return False
        return super().check_action(action, parameters)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notice. Ours name companies, roles and template slots: shown as written, never
        read as markup (a "[Stealth]" vanished) and never carrying a control sequence."""
        super().notify(
            for_terminal(message, multiline=True),
            title=for_terminal(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def on_unmount(self) -> None:
        with self._tick_lock:  # waits for a tick that is reading (a few ms)
            self._closing = True
            if self._tick_conn is not None:
                self._tick_conn.close()
        if self._demo_maker is not None:
            self._demo_maker.stop()
        if self.store is not None:
            self.store.close()
