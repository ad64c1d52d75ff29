"""Adding an interview, with its people and its checklist: plain sqlite3 (see writing.py).

`People.add_interview` (the app's store) and `pursuit interview` both call `add_interview`; the
checklist helpers here are also what the ORM's checklist writes make their items with.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime

from pursuit.domain import checklists as cl
from pursuit.domain.interviews import INTERVIEW_KINDS
from pursuit.domain.stages import STAGES
from pursuit.store import rescheduling
from pursuit.store.application_writes import move_stage
from pursuit.store.contacts import contact_named
from pursuit.store.errors import InvalidValue, clean_text
from pursuit.store.writing import application_stage, insert, transaction

#: An interview's notes, debrief and ratings: empty until the job seeker writes them.
BLANK = {
    "notes": "",
    "debrief_questions": "",
    "debrief_topics": "",
    "debrief_asked": "",
    "debrief_demeanour": "",
    "debrief_improve": "",
    "rating_confidence": None,
    "rating_clarity": None,
    "rating_rapport": None,
    "rating_knowledge": None,
}


def checklist_templates(conn: sqlite3.Connection) -> list[cl.TemplateItem]:
    """The checklist items of every format: the user's own where they edited one, else the
    built-in ones (so that improvements to the built-ins reach them)."""
    custom = {
        str(key).split(":", 1)[1]
        for (key,) in conn.execute(
            "SELECT key FROM setting WHERE substr(key, 1, 17) = 'checklist_custom:'"
        )
    }
    out = [t for t in cl.BUILTIN if t.format not in custom]
    if custom:
        out += [
            cl.TemplateItem(fmt, section, text, guidance)
            for fmt, section, text, guidance in conn.execute(
                "SELECT format, section, text, guidance FROM checklist_template_item "
                "ORDER BY format, position"
            )
            if fmt in custom
        ]
    return out


def insert_checklist(
    conn: sqlite3.Connection,
    items: Sequence[cl.NewItem],
    *,
    interview_id: int | None = None,
    application_id: int | None = None,
) -> None:
    for item in items:
        insert(
            conn,
            "checklist_item",
            {
                "interview_id": interview_id,
                "application_id": application_id,
                "section": item.section,
                "text": item.text,
                "guidance": item.guidance,
                "phase": item.phase,
                "position": item.position,
                "state": "open",
                "notes": "",
            },
        )


def make_checklist(
    conn: sqlite3.Connection, interview_id: int, kind: str, location: str, names: list[str]
) -> None:
    """The interview's checklist, from the templates, for its format and people."""
    items = cl.build(kind, location, names, checklist_templates(conn))
    insert_checklist(conn, items, interview_id=interview_id)


def add_interview(
    conn: sqlite3.Connection,
    now: datetime,
    app_id: int,
    starts_at: datetime,
    *,
    kind: str = "video",
    interviewers: Sequence[str] = (),
    decision_by: date | None = None,
    round_name: str = "",
    location: str = "",
    link: str = "",
    duration_minutes: int = 60,
) -> int:
    if kind not in INTERVIEW_KINDS:
        raise InvalidValue(
            f"unknown interview kind {kind!r}; choose one of {', '.join(INTERVIEW_KINDS)}"
        )
    round_name = clean_text(round_name, "round", limit=200)
    location = clean_text(location, "location", limit=2_000)
    link = clean_text(link, "link", limit=2_000)
    with transaction(conn):
        stage, _applied = application_stage(conn, app_id)
        interview_id = insert(
            conn,
            "interview",
            {
                "application_id": app_id,
                "round_name": round_name,
                "kind": kind,
                "starts_at": starts_at,
                "timezone": str(starts_at.tzname() or ""),
                "duration_minutes": duration_minutes,
                "location": location,
                "link": link,
                "decision_by": decision_by,
                **BLANK,
            },
        )
        names = list(dict.fromkeys(n.strip() for n in interviewers if n.strip()))
        # Two spellings of one person ("Ann Lee", "ann lee") are one interviewer.
        people = dict.fromkeys(contact_named(conn, name, app_id, "interviewer") for name in names)
        for contact_id in people:
            insert(
                conn, "interview_contact", {"interview_id": interview_id, "contact_id": contact_id}
            )
        # A meeting link says where a panel happens as an address does.
        items = cl.build(kind, location or link, names, checklist_templates(conn))
        insert_checklist(conn, items, interview_id=interview_id)
        # A phone call is usually the screen; anything else means interviews proper.
        target = "screening" if kind == "phone" else "interviewing"
        if STAGES.index(stage) < STAGES.index(target):
            # A past interview means the stage changed by then at the latest.
            move_stage(conn, now, app_id, target, min(now, starts_at), "")
        rescheduling.reschedule(conn, [app_id], now)
    return interview_id
