"""How the search is going: the funnel, response rates, waiting times, the weekly pace.

Every figure is one aggregate query (or a pass over one column), so the screen works the same
on an empty database and on a hundred thousand applications.
"""

from __future__ import annotations

import sqlite3
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pursuit.domain.moments import from_db
from pursuit.domain.stages import PATH
from pursuit.store import queries

#: Stages that mean the employer answered (a screen, an interview, a decision).
ANSWERED = ("screening", "interviewing", "offer", "accepted", "rejected")


@dataclass(frozen=True)
class Rate:
    label: str
    answered: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.answered / self.total if self.total else 0.0


@dataclass(frozen=True)
class Insights:
    total: int
    #: (stage, how many applications reached it or a later one on the path)
    funnel: list[tuple[str, int]]
    by_stage_now: dict[str, int]
    rates_by_source: list[Rate]
    response_rate: Rate
    median_days_to_reply: float | None
    median_days_to_decision: float | None
    #: Applications per week, oldest first, the last twelve weeks (this week last).
    weekly: list[int] = field(default_factory=list)
    week_starts: list[date] = field(default_factory=list)
    overdue: int = 0


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def compute(conn: sqlite3.Connection, now: datetime) -> Insights:
    """The figures at NOW (a local time: weeks start on the local Monday)."""
    apps = conn.execute("SELECT count(*) FROM application").fetchone()[0]
    reached: dict[str, int] = {}
    for stage in PATH:
        later = PATH[PATH.index(stage) :]
        marks = ",".join("?" for _ in later)
        reached[stage] = conn.execute(
            f"SELECT count(DISTINCT application_id) FROM stage_event WHERE to_stage IN ({marks})",
            later,
        ).fetchone()[0]
    # Everyone who applied (not merely saved) counts as having applied.
    reached["applied"] = max(
        reached["applied"],
        conn.execute("SELECT count(*) FROM application WHERE stage != 'saved'").fetchone()[0],
    )
    funnel = [(s, reached[s]) for s in PATH if s != "saved"]
    now_by_stage = dict(
        conn.execute("SELECT stage, count(*) FROM application GROUP BY stage").fetchall()
    )

    marks = ",".join("?" for _ in ANSWERED)
    answered_ids = {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT application_id FROM stage_event WHERE to_stage IN ({marks}) "
            "UNION SELECT DISTINCT application_id FROM activity WHERE kind = 'heard' "
            "UNION SELECT DISTINCT application_id FROM interview WHERE cancelled_at IS NULL",
            ANSWERED,
        )
    }
    sources: dict[str, list[int]] = {}
    #: One row per source whatever its case ("Referral", "referral"), shown as first written.
    shown_as: dict[str, str] = {}
    applied_total = 0
    for app_id, source in conn.execute(
        "SELECT id, source FROM application WHERE stage != 'saved' ORDER BY id"
    ):
        applied_total += 1
        name = " ".join(source.split()) or "(not recorded)"
        key = shown_as.setdefault(name.casefold(), name)
        sources.setdefault(key, []).append(app_id)
    rates = sorted(
        (
            Rate(name, sum(1 for i in ids if i in answered_ids), len(ids))
            for name, ids in sources.items()
        ),
        key=lambda r: (-r.total, r.label),
    )
    response = Rate(
        "all", sum(1 for ids in sources.values() for i in ids if i in answered_ids), applied_total
    )

    # Days from applying to the first sign of life.
    first_reply: dict[int, datetime] = {}
    for app_id, at in conn.execute(
        f"SELECT application_id, min(at) FROM ("
        f" SELECT application_id, at FROM stage_event WHERE to_stage IN ({marks})"
        f" UNION ALL SELECT application_id, at FROM activity WHERE kind = 'heard'"
        f" UNION ALL SELECT application_id, starts_at FROM interview WHERE cancelled_at IS NULL"
        f") GROUP BY application_id",
        ANSWERED,
    ):
        first_reply[app_id] = from_db(at)
    to_reply = []
    for app_id, applied in conn.execute(
        "SELECT id, applied_on FROM application WHERE applied_on IS NOT NULL"
    ):
        if app_id in first_reply:
            days = (first_reply[app_id].date() - date.fromisoformat(applied)).days
            if days >= 0:
                to_reply.append(float(days))
    # Days from the last interview to the decision (an offer or a rejection).
    to_decision = []
    for last, decided in conn.execute(
        "SELECT (SELECT max(starts_at) FROM interview i "
        "        WHERE i.application_id = e.application_id AND i.starts_at <= e.at "
        "        AND i.cancelled_at IS NULL), "
        "       min(e.at) "
        "FROM stage_event e WHERE e.to_stage IN ('offer', 'rejected') "
        "GROUP BY e.application_id"
    ):
        if last is not None:
            to_decision.append((from_db(decided) - from_db(last)).total_seconds() / 86_400)

    today = now.date()
    this_week = today - timedelta(days=today.weekday())
    starts = [this_week - timedelta(weeks=11 - i) for i in range(12)]
    counts = dict.fromkeys(starts, 0)
    for (applied,) in conn.execute(
        "SELECT applied_on FROM application WHERE applied_on >= ?", (starts[0].isoformat(),)
    ):
        day = date.fromisoformat(applied)
        week = day - timedelta(days=day.weekday())
        if week in counts:
            counts[week] += 1
    overdue = queries.overdue_count(conn, now)
    return Insights(
        total=apps,
        funnel=funnel,
        by_stage_now=now_by_stage,
        rates_by_source=rates,
        response_rate=response,
        median_days_to_reply=_median(to_reply),
        median_days_to_decision=_median(to_decision),
        weekly=[counts[s] for s in starts],
        week_starts=starts,
        overdue=overdue,
    )
