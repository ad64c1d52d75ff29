"""Settings: your details, the follow-up timings, the ticker and the theme."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Select, Switch, TextArea

from pursuit.domain.settings import SETTINGS, BadSetting, check, effective
from pursuit.tui.saving import typed_text
from pursuit.tui.screens.base import LoadingScreen
from pursuit.tui.unsaved_changes import AsksBeforeDiscarding
from pursuit.tui.widgets.fields import FieldError
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.repo import Store


class SettingsScreen(AsksBeforeDiscarding, LoadingScreen[dict[str, str]]):
    ABOUT = "your settings"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save", tooltip="Check and save"),
        Binding(
            "escape",
            "back",
            "Back",
            id="settings.back",
            tooltip="Back (asks first when something was changed and not saved)",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="settings-body"):
            for spec in SETTINGS:
                title = spec.label + (f"  ({spec.help})" if spec.help else "")
                yield Label(title, classes="field-label")
                if spec.kind == "bool":
                    yield Switch(id=f"s-{spec.key}")
                elif spec.key == "theme":
                    themes = sorted(self.app.available_themes)
                    yield Select(
                        [(t, t) for t in themes],
                        allow_blank=False,
                        id=f"s-{spec.key}",
                        value=self.app.theme,
                    )
                elif spec.key == "signature":
                    yield TextArea(id=f"s-{spec.key}")
                else:
                    yield Input(id=f"s-{spec.key}")
                yield FieldError(id=f"e-{spec.key}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        # What is typed goes into the first setting, not nowhere.
        self.query_one(f"#s-{SETTINGS[0].key}").focus()
        self._loaded = False
        # Opened before the store: fill in the form once it is open (and never again, so
        # that a change made elsewhere does not overwrite what is being typed here).
        self.watch(self.pursuit, "data_generation", self._store_opened, init=False)
        self.reload()

    def _store_opened(self, _generation: int) -> None:
        if not self._loaded:
            self.reload()

    def read(self, store: Store) -> dict[str, str]:
        return effective(store.settings.values())

    def show(self, data: dict[str, str]) -> None:
        self._loaded = True
        for spec in SETTINGS:
            widget = self.query_one(f"#s-{spec.key}")
            value = data[spec.key]
            if isinstance(widget, Switch):
                widget.value = value == "on"
            elif isinstance(widget, Select):
                if value in self.app.available_themes:
                    widget.value = value
            elif isinstance(widget, TextArea):
                widget.load_text(value)
            elif isinstance(widget, Input):
                widget.value = value
        self.call_after_refresh(self.remember_values)

    def action_back(self) -> None:
        self.leave_asking(self.app.pop_screen, self.ABOUT)

    def read_form(self) -> dict[str, str] | None:
        values: dict[str, str] = {}
        errors = 0
        for spec in SETTINGS:
            widget = self.query_one(f"#s-{spec.key}")
            if isinstance(widget, Switch):
                raw = "on" if widget.value else "off"
            elif isinstance(widget, Select):
                raw = str(widget.value)
            elif isinstance(widget, TextArea):
                raw = widget.text
            else:
                assert isinstance(widget, Input)
                raw = widget.value
            try:
                values[spec.key] = check(spec.key, raw, tuple(self.app.available_themes))
                self.query_one(f"#e-{spec.key}", FieldError).show(None)
            except BadSetting as exc:
                errors += 1
                self.query_one(f"#e-{spec.key}", FieldError).show(str(exc))
        return None if errors else values

    def action_save(self) -> None:
        values = self.read_form()
        if values is None:
            return
        app: Any = self.app

        def saved(_result: object) -> None:
            app.apply_settings(values)
            self.remember_values()  # what is saved is no longer a change to ask about

        app.run_write(
            lambda s: s.settings.set_many(values),
            saved,
            success="Settings saved",
            what="your settings",
            kept=typed_text(values),
            key="settings",
        )

    @on(Select.Changed, "#s-theme")
    def _theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value  # see it at once; saving keeps it

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()
