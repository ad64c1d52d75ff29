"""Log something that happened: a message sent, a reply heard, a decision, or a note."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, TextArea

from pursuit.domain.dates import BadDate, parse_decision_day, parse_moment
from pursuit.domain.safe_text import for_terminal
from pursuit.tui.screens.form_modal import FormModal
from pursuit.tui.widgets.fields import FieldError, labelled
from pursuit.tui.widgets.marked_text_area import WritingArea

EVENTS = [
    ("Heard back from them", "heard"),
    ("Sent a thank-you", "sent-thank-you"),
    ("Sent a check-in", "sent-check-in"),
    ("Got an offer", "offer"),
    ("Asked for a day or two to consider the offer", "asked-for-time"),
    ("Answered the offer", "answered-offer"),
    ("Accepted", "accepted"),
    ("Was rejected", "rejected"),
    ("Replied to the rejection", "sent-rejection-reply"),
    ("Asked for feedback", "sent-feedback-request"),
    ("Withdrew", "withdrew"),
    ("Gave up waiting (ghosted)", "ghosted"),
    ("A note", "note"),
]


class LogEvent(FormModal[dict[str, Any] | None]):
    """Returns the arguments for `log_event` (kind, at, contact, decision_by, note)."""

    def __init__(self, now: datetime, company: str, people: list[str], kind: str = "heard") -> None:
        super().__init__()
        self.now = now
        self.company = company
        self.people = people
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Label(for_terminal(f"Log · {self.company}"), id="form-title", markup=False)
            with VerticalScroll(id="form-fields"):
                yield Label("What happened", classes="field-label")
                yield Select(EVENTS, value=self.kind, allow_blank=False, id="f-kind")
                yield from labelled(
                    "When",
                    Input("now", id="f-when", placeholder="now, yesterday 3pm, Dec 1"),
                    "when",
                )
                who = ", ".join(self.people[:3])
                yield from labelled(
                    "Who (optional)", Input(id="f-contact", placeholder=who or "a name"), "contact"
                )
                yield from labelled(
                    "Decision date they gave (optional)",
                    Input(id="f-decision", placeholder="Dec 8, in 2 weeks"),
                    "decision",
                )
                yield Label("Note", classes="field-label")
                yield WritingArea(id="f-note")
            yield from self.buttons("Log")

    def on_mount(self) -> None:
        if self.kind == "note":
            self.query_one("#f-note", TextArea).focus()
        else:
            self.query_one("#f-kind", Select).focus()

    def action_save(self) -> None:
        errors: dict[str, str] = {}
        values: dict[str, Any] = {"kind": str(self.query_one("#f-kind", Select).value)}
        when = self.query_one("#f-when", Input).value.strip() or "now"
        # The clock at the moment of saving: the ticker's last reading may be 30 s old, and
        # "now" would then sort before what the command line logged since.
        now = self.pursuit.clock.now()
        try:
            values["at"] = parse_moment(when, now, future=False)
            if values["at"] > now:
                errors["when"] = "That is still to come; log things once they have happened."
        except BadDate as exc:
            errors["when"] = f"{exc}. For example: now, yesterday 3pm or Dec 1."
        decision = self.query_one("#f-decision", Input).value.strip()
        values["decision_by"] = None
        if decision:
            try:
                values["decision_by"] = parse_decision_day(decision, now)
            except BadDate as exc:
                errors["decision"] = f"{exc}. For example: Dec 8 or in 2 weeks."
        contact = self.query_one("#f-contact", Input).value.strip()
        if len(contact) > 200:
            errors["contact"] = "Too long (at most 200 characters)."
        elif contact and " ".join(contact.casefold().split()) not in {
            " ".join(p.casefold().split()) for p in self.people
        }:
            # A slip of the keys would otherwise become a new person, silently.
            known = ", ".join(self.people) or "nobody yet"
            errors["contact"] = f"Not one of the people here ({known}). Add them first with c."
        values["contact"] = contact or None
        values["note"] = self.query_one("#f-note", TextArea).text
        if values["kind"] == "note" and not values["note"].strip():
            errors["when"] = errors.get("when") or "Write the note first."
        for name in ("when", "contact", "decision"):
            self.query_one(f"#err-{name}", FieldError).show(errors.get(name))
        if not errors:
            self.dismiss(values)
