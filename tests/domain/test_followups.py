"""The follow-up rules, pinned down case by case (UTC is the local zone in tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pursuit.domain import followups as fu
from pursuit.domain.followups import (
    ApplicationFacts,
    Dismissal,
    EventFact,
    InterviewFact,
    Person,
    Rules,
    StageFact,
)

TZ = UTC
RULES = Rules()
ANN, BO = Person(1, "Ann Lee"), Person(2, "Bo Chen")


def at(day: str, hour: int = 0, minute: int = 0) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=UTC)


def facts(stage: str = "interviewing", **kw: object) -> ApplicationFacts:
    kw.setdefault("applied_on", date(2026, 11, 2))
    return ApplicationFacts(id=7, stage=stage, **kw)  # type: ignore[arg-type]


def open_at(f: ApplicationFacts, when: datetime, rules: Rules = RULES) -> list[fu.Action]:
    return fu.open_actions(f, when, rules, TZ)


def kinds(actions: list[fu.Action]) -> list[tuple[str, str | None]]:
    return [(a.kind, a.contact_name) for a in actions]


# --- thank-you -------------------------------------------------------------------------------

PANEL = InterviewFact(10, at("2026-11-17", 14), (ANN, BO), None)  # a Tuesday


def test_thank_you_per_interviewer_opens_at_the_interview_and_is_due_a_day_later() -> None:
    f = facts(interviews=[PANEL])
    assert open_at(f, at("2026-11-17", 13, 59)) == []
    actions = open_at(f, at("2026-11-17", 15))
    assert kinds(actions) == [("thank-you", "Ann Lee"), ("thank-you", "Bo Chen")]
    assert all(a.due_at == at("2026-11-18", 14) for a in actions)
    assert not actions[0].is_overdue(at("2026-11-18", 14))
    assert actions[0].is_overdue(at("2026-11-18", 14, 1))


def test_thank_you_with_no_interviewer_recorded_has_no_contact() -> None:
    f = facts(interviews=[InterviewFact(11, at("2026-11-17", 9))])
    assert kinds(open_at(f, at("2026-11-17", 12))) == [("thank-you", None)]


def test_a_sent_thank_you_closes_only_that_person_and_one_without_contact_closes_all() -> None:
    one = EventFact(1, "sent-thank-you", at("2026-11-17", 18), contact_id=ANN.id, interview_id=10)
    f = facts(interviews=[PANEL], events=[one])
    assert kinds([a for a in open_at(f, at("2026-11-17", 19)) if a.kind == "thank-you"]) == [
        ("thank-you", "Bo Chen")
    ]
    everyone = EventFact(2, "sent-thank-you", at("2026-11-17", 18), interview_id=10)
    f = facts(interviews=[PANEL], events=[everyone])
    assert [a for a in open_at(f, at("2026-11-17", 19)) if a.kind == "thank-you"] == []


# --- check-ins -------------------------------------------------------------------------------


def _first(f: ApplicationFacts) -> fu.Action:
    return next(a for a in fu.schedule(f, RULES, TZ) if a.kind == "first-check-in")


def test_first_check_in_is_the_business_day_after_a_stated_friday() -> None:
    iv = InterviewFact(10, at("2026-11-17", 14), (ANN,), decision_by=date(2026, 11, 20))  # Fri
    first = _first(facts(interviews=[iv]))
    assert first.due_at == at("2026-11-23")  # Monday
    assert first.opens_at == at("2026-11-23")
    assert first.overdue_at == at("2026-11-24")


def test_first_check_in_without_a_stated_date_is_a_week_after_the_last_interview() -> None:
    early = InterviewFact(9, at("2026-11-03", 10))
    last = InterviewFact(10, at("2026-11-10", 10))
    assert _first(facts(interviews=[early, last])).due_at == at("2026-11-17")
    # A week after a Saturday interview is a Saturday: it moves to Monday.
    saturday = InterviewFact(10, at("2026-11-14", 10))
    assert _first(facts(interviews=[saturday])).due_at == at("2026-11-23")


def test_the_most_recent_statement_wins() -> None:
    iv = InterviewFact(10, at("2026-11-10", 10), decision_by=date(2026, 11, 30))
    heard = EventFact(3, "heard", at("2026-11-12", 9), decision_by=date(2026, 11, 18))
    assert _first(facts(interviews=[iv], events=[heard])).due_at == at("2026-11-19")
    # A later interview that says nothing keeps the date stated before it.
    round2 = InterviewFact(11, at("2026-11-13", 10))
    f = facts(
        interviews=[InterviewFact(10, at("2026-11-10", 10), decision_by=date(2026, 11, 25)), round2]
    )
    assert _first(f).due_at == at("2026-11-26")


def test_hearing_back_restarts_the_sequence() -> None:
    iv = InterviewFact(10, at("2026-11-02", 10))
    sent = EventFact(1, "sent-check-in", at("2026-11-09", 9))
    heard = EventFact(2, "heard", at("2026-11-11", 16))  # "still deciding"
    f = facts(interviews=[iv], events=[sent, heard])
    actions = [a for a in fu.schedule(f, RULES, TZ) if a.kind != "thank-you"]
    assert [(a.kind, a.due_at) for a in actions] == [("first-check-in", at("2026-11-18"))]


def test_second_check_in_then_move_on_then_nothing() -> None:
    iv = InterviewFact(10, at("2026-11-02", 10))
    thanks = EventFact(1, "sent-thank-you", at("2026-11-02", 15), interview_id=10)
    first = EventFact(2, "sent-check-in", at("2026-11-10", 9))  # Tuesday
    f = facts(interviews=[iv], events=[thanks, first])
    assert [(a.kind, a.due_at) for a in fu.schedule(f, RULES, TZ)] == [
        ("second-check-in", at("2026-11-17"))
    ]
    second = EventFact(3, "sent-check-in", at("2026-11-17", 9))
    f = facts(interviews=[iv], events=[thanks, first, second])
    assert [(a.kind, a.due_at) for a in fu.schedule(f, RULES, TZ)] == [
        ("move-on", at("2026-11-24"))
    ]
    ghosted = facts(stage="ghosted", interviews=[iv], events=[thanks, first, second])
    assert fu.schedule(ghosted, RULES, TZ) == []


def test_application_check_in_two_weeks_after_applying_until_something_happens() -> None:
    f = facts(stage="applied", applied_on=date(2026, 11, 2))
    [action] = fu.schedule(f, RULES, TZ)
    assert (action.kind, action.due_at) == ("application-check-in", at("2026-11-16"))
    # Any interview, even one still to come, means it is no longer needed.
    upcoming = InterviewFact(10, at("2026-12-01", 10))
    assert "application-check-in" not in [
        a.kind for a in fu.schedule(facts(stage="applied", interviews=[upcoming]), RULES, TZ)
    ]
    heard = EventFact(2, "heard", at("2026-11-05", 10))
    assert "application-check-in" not in [
        a.kind for a in fu.schedule(facts(stage="applied", events=[heard]), RULES, TZ)
    ]
    # Turned off in the settings.
    assert fu.schedule(f, Rules(application_check_in=False), TZ) == []


def test_an_application_check_in_sent_is_followed_like_a_first_check_in() -> None:
    sent = EventFact(1, "sent-check-in", at("2026-11-16", 9))
    f = facts(stage="applied", applied_on=date(2026, 11, 2), events=[sent])
    assert [(a.kind, a.due_at) for a in fu.schedule(f, RULES, TZ)] == [
        ("second-check-in", at("2026-11-23"))
    ]


def test_waits_open_at_midnight_and_are_overdue_the_next_day() -> None:
    f = facts(stage="applied", applied_on=date(2026, 11, 2))
    assert open_at(f, at("2026-11-15", 23, 59)) == []
    [a] = open_at(f, at("2026-11-16", 0, 0))
    assert a.state(at("2026-11-16", 23, 59)) == "due"
    assert a.state(at("2026-11-17", 0, 0)) == "overdue"


# --- rejection and offer ---------------------------------------------------------------------

REJECTED = StageFact(5, "rejected", at("2026-11-13", 11))  # a Friday


def test_rejection_reply_is_due_within_48_hours_and_ends_the_check_ins() -> None:
    iv = InterviewFact(10, at("2026-11-02", 10))
    f = facts(stage="rejected", interviews=[iv], stage_changes=[REJECTED])
    [a] = fu.schedule(f, RULES, TZ)
    assert (a.kind, a.opens_at, a.due_at) == ("rejection-reply", REJECTED.at, at("2026-11-15", 11))


def test_feedback_request_three_plain_days_after_the_reply_then_closed() -> None:
    reply = EventFact(1, "sent-rejection-reply", at("2026-11-13", 15))  # Friday
    f = facts(stage="rejected", stage_changes=[REJECTED], events=[reply])
    [a] = fu.schedule(f, RULES, TZ)
    assert (a.kind, a.due_at) == ("feedback-request", at("2026-11-16"))
    reply_thu = EventFact(1, "sent-rejection-reply", at("2026-11-12", 15))
    f2 = facts(
        stage="rejected",
        stage_changes=[StageFact(5, "rejected", at("2026-11-12", 9))],
        events=[reply_thu],
    )
    # Thursday + 3 is a Sunday, and the feedback request keeps it.
    assert fu.schedule(f2, RULES, TZ)[0].due_at == at("2026-11-15")
    asked = EventFact(2, "sent-feedback-request", at("2026-11-16", 10))
    assert (
        fu.schedule(
            facts(stage="rejected", stage_changes=[REJECTED], events=[reply, asked]), RULES, TZ
        )
        == []
    )


def test_offer_answer_is_due_in_48_hours_and_closed_by_answering() -> None:
    offer = StageFact(6, "offer", at("2026-11-16", 12))
    f = facts(stage="offer", stage_changes=[offer])
    [a] = fu.schedule(f, RULES, TZ)
    assert (a.kind, a.due_at) == ("offer-answer", at("2026-11-18", 12))
    answered = EventFact(1, "answered-offer", at("2026-11-17", 12))
    assert (
        fu.schedule(facts(stage="offer", stage_changes=[offer], events=[answered]), RULES, TZ) == []
    )


def test_asking_for_a_day_or_two_moves_the_offers_answer_to_two_days_after_the_ask() -> None:
    offer = StageFact(6, "offer", at("2026-11-16", 12))
    asked = EventFact(1, "asked-for-time", at("2026-11-17", 9, 30))
    f = facts(stage="offer", stage_changes=[offer], events=[asked])
    [a] = fu.schedule(f, RULES, TZ)
    assert (a.kind, a.due_at, a.source) == ("offer-answer", at("2026-11-19", 9, 30), "event:1")
    # Asking again moves it again; answering closes it.
    again = EventFact(2, "asked-for-time", at("2026-11-19", 8))
    [b] = fu.schedule(facts(stage="offer", stage_changes=[offer], events=[asked, again]), RULES, TZ)
    assert b.due_at == at("2026-11-21", 8)
    answered = EventFact(3, "answered-offer", at("2026-11-20", 12))
    closed = facts(stage="offer", stage_changes=[offer], events=[asked, again, answered])
    assert fu.schedule(closed, RULES, TZ) == []


@pytest.mark.parametrize("stage", ["accepted", "withdrawn", "ghosted", "saved"])
def test_closed_applications_have_nothing_open(stage: str) -> None:
    f = facts(stage=stage, interviews=[PANEL])
    assert fu.schedule(f, RULES, TZ) == []
    assert fu.schedule(facts(interviews=[PANEL], archived=True), RULES, TZ) == []


# --- dismissals and "too soon" ----------------------------------------------------------------


def test_a_dismissal_hides_that_action_until_a_later_fact() -> None:
    f = facts(interviews=[PANEL], dismissals=[Dismissal("thank-you", ANN.id, "interview:10")])
    assert kinds([a for a in open_at(f, at("2026-11-18", 9)) if a.kind == "thank-you"]) == [
        ("thank-you", "Bo Chen")
    ]
    first = _first(facts(interviews=[PANEL]))
    dismissed = facts(interviews=[PANEL], dismissals=[Dismissal(first.kind, None, first.source)])
    assert "first-check-in" not in [a.kind for a in fu.schedule(dismissed, RULES, TZ)]
    heard = EventFact(4, "heard", at("2026-11-20", 10))
    later = facts(
        interviews=[PANEL], events=[heard], dismissals=[Dismissal(first.kind, None, first.source)]
    )
    assert _first(later).due_at == at("2026-11-27")


def test_a_check_in_before_its_day_is_too_soon_and_names_the_day() -> None:
    f = facts(interviews=[PANEL])
    warning = fu.check_in_too_soon(f, at("2026-11-19", 9), RULES, TZ)
    assert warning is not None and warning.due_day == date(2026, 11, 24)
    assert "Tue 24 Nov." in warning.message
    assert fu.check_in_too_soon(f, at("2026-11-24", 9), RULES, TZ) is None
    closed = facts(stage="rejected", stage_changes=[REJECTED])
    assert fu.check_in_too_soon(closed, at("2026-11-24", 9), RULES, TZ) == fu.TooSoon(None)


def test_rules_can_change_the_timings() -> None:
    iv = InterviewFact(10, at("2026-11-02", 10))
    rules = Rules(check_in_days=10, thank_you_hours=48)
    actions = fu.schedule(facts(interviews=[iv]), rules, TZ)
    assert [(a.kind, a.due_at) for a in actions] == [
        ("thank-you", at("2026-11-04", 10)),
        ("first-check-in", at("2026-11-12")),
    ]


def test_summary_counts() -> None:
    f = facts(interviews=[PANEL])
    now = at("2026-11-18", 15)
    counts = fu.summary_counts(open_at(f, now), now, TZ)
    assert counts == {"overdue": 2, "today": 0, "later": 0}
    assert timedelta(0) < PANEL.starts_at - at("2026-11-17")


# --- a cancelled interview ---------------------------------------------------------------------


def test_a_cancelled_interview_is_owed_nothing_and_the_check_ins_count_as_if_it_never_was() -> None:
    earlier = InterviewFact(10, at("2026-11-10", 14), (ANN,), date(2026, 11, 20))
    called_off = InterviewFact(11, at("2026-11-17", 14), (BO,), None, cancelled=True)
    sent = EventFact(1, "sent-thank-you", at("2026-11-10", 16), 1, 10)
    with_it = fu.schedule(facts(interviews=[earlier, called_off], events=[sent]), RULES, TZ)
    without = fu.schedule(facts(interviews=[earlier], events=[sent]), RULES, TZ)
    assert with_it == without
    # The first check-in follows the decision date the real interview gave (a Friday).
    assert kinds(with_it) == [("first-check-in", None)]
    assert with_it[0].due_at == at("2026-11-23") and with_it[0].source == "interview:10"
