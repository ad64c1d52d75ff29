"""Checklists and their templates: the store's side of preparing for interviews and offers.

`store.checklists`. Template edits are kept per format; a format the user never edited reads
the built-in items, so that improvements to the built-ins reach them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, func
from sqlmodel import col, select

from pursuit.domain import checklists as cl
from pursuit.domain.records import ChecklistRow
from pursuit.store import interview_writes
from pursuit.store.database import Database, application_in, raw_connection
from pursuit.store.errors import InvalidValue, NotFound, clean_text
from pursuit.store.tables import (
    ChecklistItem,
    ChecklistTemplateItem,
    Contact,
    Interview,
    InterviewContact,
    Setting,
)

if TYPE_CHECKING:
    from sqlmodel import Session


STATES = ("open", "done", "skipped")


def _custom_key(fmt: str) -> str:
    return f"checklist_custom:{fmt}"


class Checklists:
    def __init__(self, database: Database) -> None:
        self._db = database

    # --- templates -------------------------------------------------------------------------

    @staticmethod
    def _templates(s: Session) -> list[cl.TemplateItem]:
        return interview_writes.checklist_templates(raw_connection(s))

    def checklist_templates(self, fmt: str | None = None) -> list[cl.TemplateItem]:
        with self._db.reader() as s:
            items = self._templates(s)
        return [t for t in items if fmt is None or t.format == fmt]

    def save_checklist_templates(self, fmt: str, items: list[cl.TemplateItem]) -> None:
        """Replace the items of one format, in the order given."""
        if fmt not in cl.FORMATS:
            raise InvalidValue(f"unknown format {fmt!r}; known formats: {', '.join(cl.FORMATS)}")
        with self._db.writer() as s:
            s.exec(delete(ChecklistTemplateItem).where(col(ChecklistTemplateItem.format) == fmt))
            for i, t in enumerate(items):
                s.add(
                    ChecklistTemplateItem(
                        format=fmt,
                        section=clean_text(t.section, "section", limit=200),
                        text=clean_text(t.text, "item", required=True, limit=500),
                        guidance=clean_text(t.guidance, "guidance", limit=2_000),
                        position=i,
                    )
                )
            s.merge(Setting(key=_custom_key(fmt), value="1"))

    def restore_checklist_templates(self, fmt: str) -> None:
        """Back to the built-in items for FMT."""
        with self._db.writer() as s:
            s.exec(delete(ChecklistTemplateItem).where(col(ChecklistTemplateItem.format) == fmt))
            setting = s.get(Setting, _custom_key(fmt))
            if setting is not None:
                s.delete(setting)

    # --- making checklists -----------------------------------------------------------------

    @staticmethod
    def _insert(
        s: Session,
        items: list[cl.NewItem],
        *,
        interview_id: int | None = None,
        application_id: int | None = None,
    ) -> None:
        interview_writes.insert_checklist(
            raw_connection(s), items, interview_id=interview_id, application_id=application_id
        )

    def add_person_items(self, s: Session, iv: Interview, names: list[str]) -> None:
        """Research items for people who joined the interview after its checklist was made."""
        existing = {
            i.text for i in s.exec(select(ChecklistItem).where(ChecklistItem.interview_id == iv.id))
        }
        start = (
            s.exec(
                select(func.max(ChecklistItem.position)).where(ChecklistItem.interview_id == iv.id)
            ).one()
            or 0
        )
        items = cl.person_items(names, self._templates(s), start + 1)
        self._insert(s, [i for i in items if i.text not in existing], interview_id=iv.id)

    @staticmethod
    def tick_debrief(s: Session, iv: Interview) -> list[str]:
        """Tick the open debrief items the interview's debrief now fulfils; their texts."""
        done = cl.debrief_done({name: getattr(iv, name) for name in cl.debrief_field_names()})
        ticked = []
        for item in s.exec(
            select(ChecklistItem)
            .where(ChecklistItem.interview_id == iv.id, ChecklistItem.phase == "after")
            .order_by(col(ChecklistItem.position))
        ):
            if item.state == "open" and item.text.casefold() in done:
                item.state = "done"
                ticked.append(item.text)
        return ticked

    def offer_checklist(self, app_id: int) -> list[ChecklistRow]:
        """The application's offer review, made from the templates the first time."""
        with self._db.writer() as s:
            application_in(s, app_id)
            query = select(ChecklistItem).where(ChecklistItem.application_id == app_id)
            if s.exec(query).first() is None:
                self._insert(s, cl.build_offer(self._templates(s)), application_id=app_id)
        return self.checklist(application_id=app_id)

    def ensure_checklist(self, interview_id: int) -> None:
        """Make the interview's checklist if it has none (interviews from before checklists)."""
        with self._db.writer() as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFound(f"no interview with id {interview_id}")
            if iv.cancelled_at is not None:
                return  # a cancelled interview's preparation is gone, not to be remade
            if (
                s.exec(
                    select(ChecklistItem).where(ChecklistItem.interview_id == interview_id)
                ).first()
                is None
            ):
                names = list(
                    s.exec(
                        select(Contact.name)
                        .join(InterviewContact, col(InterviewContact.contact_id) == Contact.id)
                        .where(InterviewContact.interview_id == interview_id)
                        .order_by(col(Contact.name))
                    )
                )
                assert iv.id is not None
                # A meeting link says where a panel happens as an address does.
                interview_writes.make_checklist(
                    raw_connection(s), iv.id, iv.kind, iv.location or iv.link, names
                )

    # --- reading and ticking ---------------------------------------------------------------

    def checklist(
        self, *, interview_id: int | None = None, application_id: int | None = None
    ) -> list[ChecklistRow]:
        with self._db.reader() as s:
            query = select(ChecklistItem)
            if interview_id is not None:
                query = query.where(ChecklistItem.interview_id == interview_id)
            else:
                query = query.where(ChecklistItem.application_id == application_id)
            rows = s.exec(query.order_by(col(ChecklistItem.position), col(ChecklistItem.id))).all()
            return [
                ChecklistRow(
                    r.id or 0, r.section, r.text, r.guidance, r.phase, r.state, r.notes, r.position
                )
                for r in rows
            ]

    def progress(self, interview_ids: list[int]) -> dict[int, cl.Progress]:
        """How far each interview's preparation (the before-items) has got."""
        if not interview_ids:
            return {}
        with self._db.reader() as s:
            rows = s.exec(
                select(ChecklistItem.interview_id, ChecklistItem.state, func.count())
                .where(
                    col(ChecklistItem.interview_id).in_(interview_ids),
                    ChecklistItem.phase == "before",
                )
                .group_by(col(ChecklistItem.interview_id), col(ChecklistItem.state))
            ).all()
        counts: dict[int, dict[str, int]] = {}
        for iid, state, n in rows:
            if iid is not None:
                counts.setdefault(iid, {})[state] = n
        return {
            iid: cl.Progress(c.get("done", 0), c.get("skipped", 0), sum(c.values()))
            for iid, c in counts.items()
        }

    def _item(self, s: Session, item_id: int) -> ChecklistItem:
        item = s.get(ChecklistItem, item_id)
        if item is None:
            raise NotFound(f"no checklist item with id {item_id}")
        return item

    def set_item_state(self, item_id: int, state: str) -> None:
        if state not in STATES:
            raise InvalidValue(f"unknown state {state!r}")
        with self._db.writer() as s:
            self._item(s, item_id).state = state

    def update_item(
        self, item_id: int, *, text: str | None = None, notes: str | None = None
    ) -> None:
        with self._db.writer() as s:
            item = self._item(s, item_id)
            if text is not None:
                item.text = clean_text(text, "item", required=True, limit=500)
            if notes is not None:
                item.notes = clean_text(notes, "notes", limit=100_000)

    def add_item(
        self,
        *,
        interview_id: int | None = None,
        application_id: int | None = None,
        section: str,
        text: str,
        after: int | None = None,
    ) -> int:
        """A custom item in SECTION, after item AFTER (or at the end of the section)."""
        text = clean_text(text, "item", required=True, limit=500)
        rows = self.checklist(interview_id=interview_id, application_id=application_id)
        phase = next(
            (r.phase for r in rows if r.section == section),
            "offer" if application_id is not None else "before",
        )
        anchor = next((r for r in rows if r.id == after), None)
        in_section = [r for r in rows if r.section == section]
        position = (
            anchor.position
            if anchor
            else in_section[-1].position
            if in_section
            else rows[-1].position
            if rows
            else 0
        )
        with self._db.writer() as s:
            for r in rows:
                if r.position > position:
                    self._item(s, r.id).position = r.position + 1
            item = ChecklistItem(
                interview_id=interview_id,
                application_id=application_id,
                section=section,
                text=text,
                phase=phase,
                position=position + 1,
            )
            s.add(item)
            s.flush()
            assert item.id is not None
            return item.id

    def remove_item(self, item_id: int) -> None:
        with self._db.writer() as s:
            s.delete(self._item(s, item_id))
