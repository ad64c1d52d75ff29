"""Properties of the rules that must hold for any history (Hypothesis)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pursuit.domain import followups as fu

TZ = UTC
RULES = fu.Rules()
BASE = datetime(2026, 9, 1, tzinfo=UTC)
PEOPLE = (fu.Person(1, "Ann"), fu.Person(2, "Bo"), fu.Person(3, "Cy"))

moments = st.integers(min_value=0, max_value=120 * 24 * 4).map(
    lambda q: BASE + timedelta(minutes=15 * q)
)
decision_days = st.none() | st.integers(0, 120).map(lambda d: BASE.date() + timedelta(days=d))


@st.composite
def histories(draw: st.DrawFn) -> fu.ApplicationFacts:
    n_iv = draw(st.integers(0, 3))
    interviews = [
        fu.InterviewFact(
            id=10 + i,
            starts_at=draw(moments),
            interviewers=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))),
            decision_by=draw(decision_days),
        )
        for i in range(n_iv)
    ]
    kinds = [
        "sent-thank-you",
        "sent-check-in",
        "heard",
        "sent-rejection-reply",
        "sent-feedback-request",
        "answered-offer",
        "note",
    ]
    events = [
        fu.EventFact(
            id=100 + i,
            kind=draw(st.sampled_from(kinds)),
            at=draw(moments),
            contact_id=draw(st.none() | st.sampled_from([p.id for p in PEOPLE])),
            interview_id=draw(st.none() | st.sampled_from([iv.id for iv in interviews] or [0])),
            decision_by=draw(decision_days),
        )
        for i in range(draw(st.integers(0, 5)))
    ]
    stage = draw(st.sampled_from(["applied", "screening", "interviewing", "offer", "rejected"]))
    changes = []
    if stage in ("offer", "rejected"):
        changes.append(fu.StageFact(id=500, stage=stage, at=draw(moments)))
    return fu.ApplicationFacts(
        id=1,
        stage=stage,
        applied_on=BASE.date() + timedelta(days=draw(st.integers(0, 10))),
        interviews=tuple(interviews),
        events=tuple(events),
        stage_changes=tuple(changes),
    )


def _facts_times(f: fu.ApplicationFacts) -> list[datetime]:
    return (
        [i.starts_at for i in f.interviews]
        + [e.at for e in f.events]
        + [s.at for s in f.stage_changes]
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_no_action_opens_before_the_fact_it_depends_on(f: fu.ApplicationFacts) -> None:
    applied = datetime.combine(f.applied_on or date.min, datetime.min.time(), tzinfo=TZ)
    for action in fu.schedule(f, RULES, TZ):
        kind, _, ref = action.source.partition(":")
        if kind == "interview":
            fact_at = next(i.starts_at for i in f.interviews if i.id == int(ref))
        elif kind == "event":
            fact_at = next(e.at for e in f.events if e.id == int(ref))
        elif kind == "stage":
            fact_at = next(s.at for s in f.stage_changes if s.id == int(ref))
        else:
            fact_at = applied
        # Waits open at the start of a day after the fact's day.
        assert action.opens_at >= min(fact_at, fact_at.replace(hour=0, minute=0))
        if action.kind == "thank-you" or action.is_deadline:
            assert action.opens_at == fact_at
        assert action.due_at >= action.opens_at
        assert action.overdue_at > action.opens_at


@settings(max_examples=300, deadline=None)
@given(histories())
def test_no_wait_lands_on_a_weekend(f: fu.ApplicationFacts) -> None:
    for action in fu.schedule(f, RULES, TZ):
        if not action.is_deadline and action.kind != "feedback-request":
            assert action.due_at.astimezone(TZ).weekday() < 5, action


@settings(max_examples=300, deadline=None)
@given(histories(), st.integers(0, 10_000))
def test_the_order_facts_were_stored_in_does_not_matter(f: fu.ApplicationFacts, seed: int) -> None:
    rng = random.Random(seed)
    shuffled = replace(
        f,
        interviews=tuple(rng.sample(list(f.interviews), len(f.interviews))),
        events=tuple(rng.sample(list(f.events), len(f.events))),
    )
    assert fu.schedule(f, RULES, TZ) == fu.schedule(shuffled, RULES, TZ)
    first, second = fu.schedule(f, RULES, TZ), fu.schedule(shuffled, RULES, TZ)
    assert [(a.source, a.contact_id) for a in first] == [(a.source, a.contact_id) for a in second]


@settings(max_examples=300, deadline=None)
@given(histories())
def test_logging_the_actions_message_closes_it(f: fu.ApplicationFacts) -> None:
    for action in fu.schedule(f, RULES, TZ):
        if action.kind == "move-on":
            continue  # closed by moving the stage, not by a message
        sent_at = max([action.opens_at, *_facts_times(f)]) + timedelta(minutes=1)
        event = fu.EventFact(
            id=9_999,
            kind=fu.CLOSED_BY[action.kind],
            at=sent_at,
            contact_id=action.contact_id,
            interview_id=action.interview_id,
        )
        after = fu.schedule(replace(f, events=(*f.events, event)), RULES, TZ)
        assert (action.kind, action.contact_id, action.source) not in {
            (a.kind, a.contact_id, a.source) for a in after
        }
