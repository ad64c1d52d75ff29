"""What a tick tells the user: overdue follow-ups on the first one, what fell overdue since
the last, and interviews within a day whose preparation is not done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pursuit.domain.actions import ACTION_LABELS

if TYPE_CHECKING:
    from pursuit.tui.app import PursuitApp
    from pursuit.tui.app_messages import Ticked

#: Notices of newly overdue follow-ups at most per tick; the rest are counted in one more.
NAMED = 5


def announce(app: PursuitApp, message: Ticked, seen: set[int]) -> None:
    """Notices for MESSAGE; SEEN are the interviews already flagged to prepare."""
    if message.first and message.overdue:
        n = message.overdue
        app.notify(
            f"{n} follow-up{'s' if n != 1 else ''} overdue. Press t to see them.",
            title="Welcome back",
            severity="warning",
        )
    for row in message.newly_overdue[:NAMED]:
        who = f" to {row.contact_name}" if row.contact_name else ""
        app.notify(
            f"{ACTION_LABELS[row.action]}{who} · {row.company}",
            title="Now overdue",
            severity="warning",
            timeout=10,
        )
    if len(message.newly_overdue) > NAMED:
        app.notify(
            f"and {len(message.newly_overdue) - NAMED} more. Press t to see them.",
            title="Now overdue",
            severity="warning",
            timeout=10,
        )
    for prep in message.prepare:
        # The welcome toast covers what was already near when the app opened.
        if not message.first and prep.interview.id not in seen:
            app.notify(
                f"{prep.interview.company}: {prep.interview.title} interview within "
                f"a day, preparation {prep.settled}/{prep.total}. Press t.",
                title="Time to prepare",
                severity="warning",
                timeout=10,
            )
