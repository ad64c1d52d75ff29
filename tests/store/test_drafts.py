"""Drafts, templates and the user's details in the store."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pursuit.domain.clock import FixedClock
from pursuit.store.errors import NotFound
from pursuit.store.repo import Store


def _northwind(store: Store) -> int:
    return next(r.id for r in store.views.applications() if r.company == "Northwind Analytics")


def test_a_thank_you_is_filled_for_the_interviewer_with_the_debrief_detail(
    demo_store: Store,
) -> None:
    app = _northwind(demo_store)
    rendered, iv, contact = demo_store.drafts.render_draft(app, "thank-you", contact="Hannah Lee")
    assert rendered.markers == []
    assert rendered.body.startswith("Hi Hannah,")
    assert "how the team is moving its nightly batch jobs to streaming" in rendered.body
    assert "Tuesday, November 17" in rendered.body
    assert rendered.subject == "Thank you - Senior Data Engineer interview at Northwind Analytics"
    assert iv is not None and contact is not None
    with pytest.raises(NotFound, match="no contact named"):
        demo_store.drafts.render_draft(app, "thank-you", contact="Nobody")
    with pytest.raises(NotFound, match="known templates"):
        demo_store.drafts.render_draft(app, "sonnet")


def test_offer_answer_opens_the_acceptance(demo_store: Store) -> None:
    meridian = next(r.id for r in demo_store.views.applications() if r.company == "Meridian Bank")
    rendered, _iv, _c = demo_store.drafts.render_draft(meridian, "offer-answer")
    assert rendered.template == "offer-accept"
    assert "delighted to accept" in rendered.body


def test_drafts_save_list_and_mark_sent(demo_store: Store, clock: FixedClock) -> None:
    app = _northwind(demo_store)
    rendered, iv, contact = demo_store.drafts.render_draft(app, "thank-you", contact="Hannah Lee")
    draft = demo_store.drafts.save_draft(
        None, app, "thank-you", rendered.subject, rendered.body, interview_id=iv, contact_id=contact
    )
    assert demo_store.drafts.save_draft(draft, app, "thank-you", "Thanks!", "Edited") == draft
    [row] = demo_store.drafts.drafts(app)
    assert (row.subject, row.body, row.contact_name, row.sent_at) == (
        "Thanks!",
        "Edited",
        "Hannah Lee",
        None,
    )
    before = {(r.action, r.contact_name) for r in demo_store.views.due() if r.application_id == app}
    assert ("thank-you", "Hannah Lee") in before
    demo_store.drafts.mark_draft_sent(draft)
    after = {(r.action, r.contact_name) for r in demo_store.views.due() if r.application_id == app}
    assert after == before - {("thank-you", "Hannah Lee")}
    assert demo_store.drafts.drafts(app)[0].sent_at == clock.now()


def test_a_check_in_draft_marked_sent_too_soon_warns(demo_store: Store) -> None:
    fern = next(r.id for r in demo_store.views.applications() if r.company == "Fernleaf")
    rendered, _iv, _c = demo_store.drafts.render_draft(fern, "application-check-in")
    draft = demo_store.drafts.save_draft(
        None, fern, "application-check-in", rendered.subject, rendered.body
    )
    logged = demo_store.drafts.mark_draft_sent(draft)
    assert logged.warning and "Too soon" in logged.warning


def test_templates_can_be_edited_added_and_restored(demo_store: Store) -> None:
    app = _northwind(demo_store)
    demo_store.drafts.save_template(
        "thank-you", subject="Thanks, {contact_first}", body="Short and sweet, {contact_first}."
    )
    rendered, _iv, _c = demo_store.drafts.render_draft(app, "thank-you", contact="Hannah Lee")
    assert (rendered.subject, rendered.body) == ("Thanks, Hannah", "Short and sweet, Hannah.")
    demo_store.drafts.save_template(
        "coffee",
        title="Coffee chat",
        subject="Coffee?",
        body="Hi {contact_first}, coffee next week?",
    )
    assert "coffee" in [t.name for t in demo_store.drafts.templates()]
    demo_store.drafts.restore_template("thank-you")
    rendered, _iv, _c = demo_store.drafts.render_draft(app, "thank-you", contact="Hannah Lee")
    assert rendered.subject.startswith("Thank you - Senior Data Engineer interview")
    with pytest.raises(NotFound):
        demo_store.drafts.restore_template("thank-you")


def test_a_thank_you_without_a_name_goes_to_the_interviewer_still_owed_one(store) -> None:
    app_id = store.applications.add_application("Acme", "Data Engineer")
    start = store.now() - timedelta(hours=3)
    store.people.add_interview(app_id, start, kind="panel", interviewers=["Ann Lee", "Bo Chen"])
    store.applications.log_event(app_id, "sent-thank-you", contact="Ann Lee")
    rendered, _iv, _contact = store.drafts.render_draft(app_id, "thank-you")
    assert rendered.body.startswith("Hi Bo,"), rendered.body
    store.applications.log_event(app_id, "sent-thank-you", contact="Bo Chen")
    rendered, _iv, _contact = store.drafts.render_draft(app_id, "thank-you")
    assert rendered.body.startswith("Hi Ann,")  # both thanked: the first, as before


def test_asking_for_time_on_an_offer_promises_an_answer_two_days_on(
    demo_store: Store, clock: FixedClock
) -> None:
    from pursuit.domain.dates import friendly_day

    meridian = next(r.id for r in demo_store.views.applications() if r.company == "Meridian Bank")
    rendered, _iv, _c = demo_store.drafts.render_draft(meridian, "offer-time")
    assert rendered.markers == []
    promised = friendly_day(clock.now().astimezone().date() + timedelta(days=2))
    assert f"my answer by {promised}?" in rendered.body


def _panel_of_two(store: Store, **debrief: str) -> int:
    app_id = store.applications.add_application("Acme", "Data Engineer")
    iv = store.people.add_interview(
        app_id, store.now() - timedelta(hours=3), kind="panel", interviewers=["Ann Lee", "Bo Chen"]
    )
    store.people.update_interview(iv, **debrief)
    return app_id


def _detail_line(store: Store, app_id: int, who: str) -> str:
    rendered, _iv, _c = store.drafts.render_draft(app_id, "thank-you", contact=who)
    [line] = [x for x in rendered.body.splitlines() if "our conversation about" in x]
    return line


def test_each_interviewer_of_a_panel_gets_a_detail_of_their_own(store: Store) -> None:
    app_id = _panel_of_two(
        store,
        debrief_topics="the move to streaming\nBo: the on-call rota\nhow they test dbt models",
    )
    # A topic that names someone goes to them, without the label; the others share the rest.
    assert _detail_line(store, app_id, "Bo Chen").endswith("about the on-call rota.")
    assert _detail_line(store, app_id, "Ann Lee").endswith("about the move to streaming.")


def test_unattributed_topics_are_shared_out_so_two_notes_differ(store: Store) -> None:
    app_id = _panel_of_two(store, debrief_topics="the move to streaming\nthe on-call rota")
    ann, bo = (_detail_line(store, app_id, who) for who in ("Ann Lee", "Bo Chen"))
    assert ann != bo
    assert {ann.split("conversation about ")[1], bo.split("conversation about ")[1]} == {
        "the move to streaming.",
        "the on-call rota.",
    }


def test_what_is_noted_about_an_interviewer_is_their_detail(store: Store) -> None:
    app_id = _panel_of_two(store, debrief_topics="the move to streaming")
    ann = next(c for c in store.views.detail(app_id).contacts if c.name == "Ann Lee")
    store.people.update_contact(ann.id, notes="her team's migration off Airflow\nEx-Spotify")
    assert _detail_line(store, app_id, "Ann Lee").endswith(
        "about her team's migration off Airflow."
    )
    assert _detail_line(store, app_id, "Bo Chen").endswith("about the move to streaming.")
    # The debrief naming her wins over the contact's notes: it is about this conversation.
    store.people.update_interview(
        store.views.detail(app_id).interviews[0].id,
        debrief_questions="Ann asked how I would backfill a year of events",
    )
    assert _detail_line(store, app_id, "Ann Lee").endswith(
        "about Ann asked how I would backfill a year of events."
    )


def test_an_unsent_thank_you_is_no_longer_needed_once_rejected_and_is_kept(
    demo_store: Store,
) -> None:
    app = _northwind(demo_store)
    rendered, iv, contact = demo_store.drafts.render_draft(app, "thank-you", contact="Hannah Lee")
    thanks = demo_store.drafts.save_draft(
        None, app, "thank-you", rendered.subject, "My words", interview_id=iv, contact_id=contact
    )
    reply = demo_store.drafts.save_draft(None, app, "rejection-reply", "Re: role", "Thanks anyway")
    own = demo_store.drafts.save_draft(None, app, "coffee", "Coffee?", "A template of my own")

    def listed() -> list[tuple[int, str]]:
        return [(d.id, d.not_needed) for d in demo_store.drafts.drafts(app)]

    # Interviewing: a rejection reply drafted ahead is not wanted yet; the thank-you is.
    assert listed() == [(own, ""), (thanks, ""), (reply, "interviewing")]
    demo_store.applications.set_stage(app, "rejected")
    assert listed() == [(own, ""), (reply, ""), (thanks, "rejected")]
    assert demo_store.drafts.draft(thanks).body == "My words"  # kept, never deleted
    demo_store.applications.archive(app)
    assert listed() == [(own, ""), (reply, "archived"), (thanks, "archived")]


def test_a_thank_you_to_a_named_person_is_for_an_interview_they_were_in(
    store: Store, clock: FixedClock
) -> None:
    app = store.applications.add_application("Lumen", "Data Analyst")
    now = clock.now()
    first = store.people.add_interview(app, now - timedelta(days=8), interviewers=["Ann Lee"])
    second = store.people.add_interview(
        app, now - timedelta(days=5), interviewers=["Ann Lee", "Bo Chen"]
    )
    last = store.people.add_interview(app, now - timedelta(days=1), interviewers=["Cy Dorn"])
    store.applications.log_event(app, "heard", contact="Rita Moss", new_contact=True)

    def thanked(name: str) -> tuple[int | None, str]:
        rendered, iv, _c = store.drafts.render_draft(app, "thank-you", contact=name)
        return iv, rendered.body

    iv, body = thanked("Bo Chen")
    assert iv == second and "Friday, November 13" in body
    assert thanked("Cy Dorn")[0] == last
    # Ann was in two: the latest still owed a thank-you, and once that is sent, her latest.
    assert thanked("Ann Lee")[0] == second
    store.applications.log_event(app, "sent-thank-you", contact="Ann Lee", interview_id=second)
    assert thanked("Ann Lee")[0] == first
    store.applications.log_event(app, "sent-thank-you", contact="Ann Lee", interview_id=first)
    assert thanked("Ann Lee")[0] == second
    # Someone who was in none is told so; other messages to them name the latest interview.
    with pytest.raises(NotFound, match="Rita Moss was in none of application 1's interviews"):
        thanked("Rita Moss")
    _r, iv, _c = store.drafts.render_draft(app, "first-check-in", contact="Rita Moss")
    assert iv == last
    # Naming the interview still writes it, to anyone.
    assert (
        store.drafts.render_draft(app, "thank-you", interview_id=first, contact="Rita Moss")[1]
        == first
    )
