"""Your own details: the name and signature that drafts are signed with (a modal)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, TextArea

from pursuit.tui.screens.form_modal import FormModal

FIELDS = (
    ("my_name", "Your name", "Alex Morgan"),
    ("my_email", "Email", "alex@example.com"),
    ("my_phone", "Phone", "+1 555 0100"),
    ("my_linkedin", "LinkedIn", "linkedin.com/in/…"),
)


class ProfileForm(FormModal[dict[str, str] | None]):
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
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        # Typing starts in the first field: with nothing focused the keys went nowhere and
        # ctrl+s then said "Saved" for nothing.
        self.query_one(f"#f-{FIELDS[0][0]}", Input).focus()

    def action_save(self) -> None:
        out: dict[str, Any] = {
            name: self.query_one(f"#f-{name}", Input).value.strip() for name, _t, _h in FIELDS
        }
        out["signature"] = self.query_one("#f-signature", TextArea).text.strip()
        self.dismiss(out)
