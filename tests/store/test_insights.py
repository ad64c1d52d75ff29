"""The insights figures, on the demo and on an empty database."""

from __future__ import annotations

from datetime import date

from pursuit.store.insights import compute
from pursuit.store.repo import Store


def test_insights_on_the_demo(demo_store: Store) -> None:
    with demo_store.reader() as conn:
        ins = compute(conn, demo_store.now())
    assert ins.total == 14
    funnel = dict(ins.funnel)
    assert funnel["applied"] == 13  # all but the saved one
    assert (
        funnel["applied"]
        >= funnel["screening"]
        >= funnel["interviewing"]
        >= funnel["offer"]
        >= funnel["accepted"]
    )
    assert funnel["offer"] == 2 and funnel["accepted"] == 1
    referral = next(r for r in ins.rates_by_source if r.label == "Referral")
    assert (referral.answered, referral.total) == (2, 2)
    assert ins.median_days_to_reply is not None and ins.median_days_to_reply > 0
    assert ins.median_days_to_decision is not None
    assert len(ins.weekly) == 12 and ins.week_starts[-1] == date(2026, 11, 16)
    assert sum(ins.weekly) >= 8
    assert ins.overdue == demo_store.views.overdue_count()


def test_insights_on_an_empty_database(store: Store) -> None:
    with store.reader() as conn:
        ins = compute(conn, store.now())
    assert ins.total == 0 and ins.response_rate.percent == 0
    assert ins.median_days_to_reply is None and ins.weekly == [0] * 12


def test_sources_are_one_whatever_their_case(store: Store) -> None:
    for source in ("Referral", "referral ", "REFERRAL", "LinkedIn"):
        store.applications.add_application("Acme", "Dev", source=source)
    with store.reader() as conn:
        ins = compute(conn, store.now())
    assert [(r.label, r.total) for r in ins.rates_by_source] == [("Referral", 3), ("LinkedIn", 1)]
