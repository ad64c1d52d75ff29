"""Checklists: made from templates by format, per interviewer, ticked, and templates edited."""

from __future__ import annotations

from datetime import timedelta

from pursuit.domain import checklists as cl
from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store


def test_formats_follow_kind_and_place() -> None:
    assert cl.formats_for("panel", "https://zoom.example/j/1") == ["video", "panel"]
    assert cl.formats_for("panel", "200 Harbor St") == ["onsite", "panel"]
    assert cl.formats_for("phone") == ["phone"]
    assert cl.formats_for("onsite", "https://x") == ["onsite"]


def test_a_video_panel_with_two_people_gets_general_video_panel_and_two_lookups(
    store: Store, clock: FixedClock
) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(
        app,
        clock.now() + timedelta(days=2),
        kind="panel",
        location="https://meet.example.com/abc",
        interviewers=["Ann Lee", "Bo Chen"],
    )
    items = store.checklists.checklist(interview_id=iv)
    sections = {r.section for r in items}
    assert {"The company", "The role", "Setting up", "The panel", "Debrief"} <= sections
    assert "Getting there" not in sections  # not in person
    texts = [r.text for r in items]
    assert "Look up Ann Lee" in texts and "Look up Bo Chen" in texts
    assert "Test the camera, microphone and the meeting app" in texts
    assert {r.phase for r in items if r.section == "Debrief"} == {"after"}
    before = [r for r in items if r.phase == "before"]
    assert store.checklists.progress([iv])[iv] == cl.Progress(0, 0, len(before))


def test_ticking_skipping_and_custom_items(store: Store, clock: FixedClock) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(app, clock.now() + timedelta(days=1), kind="phone")
    first, second = store.checklists.checklist(interview_id=iv)[:2]
    store.checklists.set_item_state(first.id, "done")
    store.checklists.set_item_state(second.id, "skipped")
    store.checklists.update_item(first.id, notes="They launched a new product in May")
    new = store.checklists.add_item(
        interview_id=iv, section=first.section, text="Read their blog", after=first.id
    )
    rows = store.checklists.checklist(interview_id=iv)
    assert [r.id for r in rows][:3] == [first.id, new, second.id]
    assert rows[0].notes == "They launched a new product in May"
    progress = store.checklists.progress([iv])[iv]
    assert (progress.done, progress.skipped) == (1, 1)
    store.checklists.remove_item(new)
    assert new not in [r.id for r in store.checklists.checklist(interview_id=iv)]


def test_template_edits_change_only_new_checklists_and_can_be_undone(
    store: Store, clock: FixedClock
) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    old = store.people.add_interview(app, clock.now() + timedelta(days=1), kind="phone")
    phone = store.checklists.checklist_templates("phone")
    store.checklists.save_checklist_templates(
        "phone", [*reversed(phone), cl.TemplateItem("phone", "Setting up", "Use a headset")]
    )
    new = store.people.add_interview(app, clock.now() + timedelta(days=3), kind="phone")
    old_texts = [
        r.text for r in store.checklists.checklist(interview_id=old) if r.section == "Setting up"
    ]
    new_texts = [
        r.text for r in store.checklists.checklist(interview_id=new) if r.section == "Setting up"
    ]
    assert "Use a headset" not in old_texts
    assert new_texts == [t.text for t in reversed(phone)] + ["Use a headset"]
    store.checklists.save_checklist_templates("phone", [])
    assert store.checklists.checklist_templates("phone") == []
    store.checklists.restore_checklist_templates("phone")
    assert store.checklists.checklist_templates("phone") == phone


def test_people_added_later_get_their_research_item(store: Store, clock: FixedClock) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(app, clock.now() + timedelta(days=1), interviewers=["Ann"])
    store.people.update_interview(iv, interviewers=["Ann", "Bo"])
    texts = [r.text for r in store.checklists.checklist(interview_id=iv)]
    assert texts.count("Look up Ann") == 1 and texts.count("Look up Bo") == 1


def test_an_offer_review_checklist(store: Store) -> None:
    app = store.applications.add_application("Acme", "Engineer", stage="offer")
    items = store.checklists.offer_checklist(app)
    assert "Get every agreed term in writing" in [r.text for r in items]
    assert len(store.checklists.offer_checklist(app)) == len(items)  # made once


def _debrief_states(store: Store, iv: int) -> dict[str, str]:
    return {
        r.text: r.state for r in store.checklists.checklist(interview_id=iv) if r.phase == "after"
    }


def test_filling_in_the_debrief_ticks_its_checklist_items(store: Store, clock: FixedClock) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(app, clock.now() - timedelta(hours=2), interviewers=["Ann"])
    ticked = store.people.update_interview(iv, debrief_questions="Tell me about a failure")
    assert ticked == ["Write down the questions they asked"]
    # Half the ratings, no note on what to improve: that item is not done yet.
    assert store.people.update_interview(iv, rating_confidence=4, rating_clarity=3) == []
    skipped = next(
        r.id
        for r in store.checklists.checklist(interview_id=iv)
        if r.text == "Record the timeline they gave"
    )
    store.checklists.set_item_state(skipped, "skipped")
    ticked = store.people.update_interview(
        iv,
        debrief_topics="the move to streaming",
        decision_by=clock.now().date() + timedelta(days=7),
        rating_rapport=5,
        rating_knowledge=4,
        debrief_improve="Shorter answers",
    )
    assert ticked == [
        "Note the topics and one detail for your thank-you",
        "Rate yourself and note what to improve",
    ]
    assert _debrief_states(store, iv) == {
        "Write down the questions they asked": "done",
        "Note the topics and one detail for your thank-you": "done",
        "Record the timeline they gave": "skipped",  # the user's choice stands
        "Rate yourself and note what to improve": "done",
        "Send the thank-you notes": "open",
    }


def test_a_decision_date_before_the_interview_ticks_nothing(
    store: Store, clock: FixedClock
) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(app, clock.now() + timedelta(days=2))
    assert store.people.update_interview(iv, decision_by=clock.now().date() + timedelta(9)) == []
    assert set(_debrief_states(store, iv).values()) == {"open"}


def test_every_debrief_rule_names_a_built_in_debrief_item() -> None:
    debrief = {t.text for t in cl.BUILTIN if t.format == "debrief"}
    assert set(cl.DEBRIEF_FIELDS) <= debrief
