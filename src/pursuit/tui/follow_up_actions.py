"""What pressing enter or `d` on a follow-up does, wherever it is listed."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from pursuit.domain.actions import ACTION_LABELS, CLOSED_BY
from pursuit.domain.records import DueRow
from pursuit.tui.screens.base import pursuit_of
from pursuit.tui.screens.confirm import Confirm


def mark_sent(screen: Screen[Any], row: DueRow) -> None:
    """Ask, then log the message that answers ROW (for `move-on`: mark the application ghosted)."""
    app = pursuit_of(screen)
    who = f" to {row.contact_name}" if row.contact_name else ""
    if row.action == "move-on":

        def ghosted(yes: bool | None) -> None:
            if yes:
                app.run_write(
                    lambda s: s.applications.log_event(row.application_id, "ghosted"),
                    success=f"{row.company} marked ghosted. On to the next one.",
                )

        app.push_screen(
            Confirm(
                f"No answer from {row.company} after two check-ins. "
                "Mark the application as ghosted?",
                yes="Mark ghosted",
            ),
            ghosted,
        )
        return
    event = CLOSED_BY[row.action]

    def logged(result: Any) -> None:
        if result is None:
            screen.notify(
                f"{ACTION_LABELS[row.action]}{who} was already logged (in another window or "
                "on the command line): not logged again.",
                severity="warning",
            )
            return
        screen.notify(f"Logged: {ACTION_LABELS[row.action].lower()}{who}")
        if result.warning:
            screen.notify(result.warning, severity="warning")

    def answered(yes: bool | None) -> None:
        if yes:
            app.run_write(
                lambda s: s.applications.log_answer(
                    row.application_id,
                    row.action,
                    event,
                    contact=row.contact_name,
                    interview_id=row.interview_id,
                ),
                logged,
            )

    app.push_screen(
        Confirm(f"{ACTION_LABELS[row.action]}{who} ({row.company}): mark it as sent?", yes="Sent"),
        answered,
    )


def open_draft(screen: Screen[Any], row: DueRow) -> None:
    """The message that answers ROW, filled in, in the draft editor (move-on: ask to close)."""
    from pursuit.domain.messages import BUILTIN_BY_NAME, CHOICES_FOR_ACTION, FOR_ACTION
    from pursuit.tui.screens.draft import DraftEditor, DraftRequest
    from pursuit.tui.screens.template_picker import TemplatePicker

    if row.action not in FOR_ACTION:
        mark_sent(screen, row)
        return

    def write(template: str | None) -> None:
        if template is None:
            return
        screen.app.push_screen(
            DraftEditor(
                DraftRequest(
                    row.application_id,
                    template,
                    interview_id=row.interview_id,
                    contact=row.contact_name,
                )
            )
        )

    choices = CHOICES_FOR_ACTION.get(row.action)
    if choices:
        # An offer has four right answers; which one is the job seeker's to say.
        templates = [BUILTIN_BY_NAME[name] for name in choices]
        screen.app.push_screen(TemplatePicker(row.company, templates), write)
    else:
        write(FOR_ACTION[row.action])


def dismiss(screen: Screen[Any], row: DueRow) -> None:
    app = pursuit_of(screen)

    def remember(_: Any) -> None:
        app.last_dismissed = row

    who = f" ({row.contact_name})" if row.contact_name else ""
    app.run_write(
        lambda s: s.follow_ups.dismiss(row.application_id, row.action, row.contact_name),
        remember,
        success=f"Dismissed: {ACTION_LABELS[row.action].lower()}{who} · {row.company}. "
        "Press u to bring it back.",
    )


def undo_dismiss(app: Any) -> None:
    """Bring back the follow-up dismissed last (u, or "Undo dismiss" in the palette)."""
    row: DueRow | None = app.last_dismissed
    if row is None:
        app.notify("Nothing dismissed to bring back.")
        return

    def forget(_: Any) -> None:
        if app.last_dismissed is row:
            app.last_dismissed = None

    who = f" ({row.contact_name})" if row.contact_name else ""
    app.run_write(
        lambda s: s.follow_ups.undo_dismiss(row.application_id, row.action, row.contact_name),
        forget,
        success=f"Back on the list: {ACTION_LABELS[row.action].lower()}{who} · {row.company}",
    )
