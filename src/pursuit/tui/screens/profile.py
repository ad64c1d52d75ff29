"""Your own details: the name and signature that drafts are signed with (a modal)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea

FIELDS = (
    ("my_name", "Your name", "Alex Morgan"),
    ("my_email", "Email", "alex@example.com"),
    ("my_phone", "Phone", "+1 555 0100"),
    ("my_linkedin", "LinkedIn", "linkedin.com/in/…"),
)


class ProfileForm(ModalScreen[dict[str, str] | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="profile.save", tooltip="Save your details"),
        Binding("escape", "cancel", "Cancel", id="profile.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__()
        self.values = values

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Label("Your details (used to sign your messages)", id="form-title")
            with VerticalScroll(id="form-fields"):
                for name, title, hint in FIELDS:
                    yield Label(title, classes="field-label")
                    yield Input(self.values.get(name, ""), placeholder=hint, id=f"f-{name}")
                yield Label("Signature (leave empty to use the lines above)", classes="field-label")
                yield TextArea(self.values.get("signature", ""), id="f-signature")
            with Horizontal(id="form-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def action_save(self) -> None:
        out: dict[str, Any] = {
            name: self.query_one(f"#f-{name}", Input).value.strip() for name, _t, _h in FIELDS
        }
        out["signature"] = self.query_one("#f-signature", TextArea).text.strip()
        self.dismiss(out)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
