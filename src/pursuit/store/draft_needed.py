"""Whether an unsent draft is still needed: the application has not moved on, and the message
it stands for has not been logged as sent (from elsewhere) since the draft was started."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlmodel import col, select

from pursuit.domain.dates import local_tz
from pursuit.domain.drafts import still_wanted
from pursuit.domain.records import DraftRow
from pursuit.domain.stages import label as stage_label
from pursuit.store.tables import Activity, Application, Draft

if TYPE_CHECKING:
    from sqlmodel import Session


def logged_since(s: Session, d: Draft, event: str) -> Activity | None:
    """The EVENT that answers draft D logged since it was started, if any: to its person for
    its interview for a thank-you, for the application for any other message."""
    query = select(Activity).where(
        Activity.application_id == d.application_id,
        Activity.kind == event,
        col(Activity.at) >= d.created_at,
    )
    if event == "sent-thank-you":
        query = query.where(Activity.contact_id == d.contact_id)
        if d.interview_id is not None:
            query = query.where(Activity.interview_id == d.interview_id)
    return s.exec(query.order_by(col(Activity.at))).first()


def already_sent(activity: Activity) -> str:
    at = activity.at.astimezone(local_tz())
    return f"already logged as sent at {at:%H:%M} on {at.day} {at:%b}"


def needed(
    s: Session, d: Draft, row: DraftRow, events: dict[str, str], app: Application
) -> DraftRow:
    """ROW, marked when it is unsent and the message it stands for no longer applies: the
    application moved on, or the message was logged as sent since the draft was started."""
    event = events.get(row.template, "")
    if row.sent_at is not None:
        return row
    if not still_wanted(event, app.stage, archived=app.archived):
        why = "archived" if app.archived else stage_label(app.stage).lower()
        return replace(row, not_needed=why)
    earlier = logged_since(s, d, event) if event else None
    if earlier is not None:
        return replace(row, not_needed=already_sent(earlier))
    return row
