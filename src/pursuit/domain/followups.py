"""The follow-up rules: given what happened with an application, what should be sent and when.

Everything is a pure function of the application's facts; time only decides which of the
scheduled actions are open (their day has come) and which are overdue. That split lets the
store keep the schedule in a table and the ticker answer "what is due now" with an index.

Two families of action:
- deadlines (thank-you, rejection-reply, offer-answer) open the moment the fact they answer
  happens and are overdue once their due moment has passed;
- waits (the check-ins, move-on, feedback-request) fall due on a day: open from that day's
  local midnight, overdue from the next one. Waits that land on a weekend move to Monday,
  except the feedback request, which counts plain days after the rejection reply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from pursuit.domain import settings
from pursuit.domain.actions import (  # noqa: F401  (re-exported)
    ACTION_KINDS,
    ACTION_LABELS,
    APPLICATION_CHECK_IN,
    CHECK_INS,
    CLOSED_BY,
    DEADLINES,
    EVENT_KINDS,
    EVENT_STAGE,
    FEEDBACK_REQUEST,
    FIRST_CHECK_IN,
    MOVE_ON,
    OFFER_ANSWER,
    REJECTION_REPLY,
    SECOND_CHECK_IN,
    THANK_YOU,
)
from pursuit.domain.days import exact_day
from pursuit.domain.facts import ApplicationFacts as ApplicationFacts  # the rules' inputs
from pursuit.domain.facts import Dismissal as Dismissal
from pursuit.domain.facts import EventFact as EventFact
from pursuit.domain.facts import InterviewFact as InterviewFact
from pursuit.domain.facts import Person as Person
from pursuit.domain.facts import StageFact as StageFact
from pursuit.domain.stages import CLOSED

#: After asking for "a day or two" to consider an offer, the answer is owed this long after.
ASKED_FOR_TIME_HOURS = 48


@dataclass(frozen=True)
class Rules:
    """The timings; the defaults follow the usual advice (those the user can change are the
    defaults of their settings) and the user can change them."""

    thank_you_hours: int = settings.number({}, "thank_you_hours")
    check_in_days: int = settings.number({}, "check_in_days")
    second_check_in_days: int = settings.number({}, "second_check_in_days")
    move_on_days: int = settings.number({}, "move_on_days")
    application_check_in: bool = settings.is_on({}, "application_check_in")
    application_check_in_days: int = settings.number({}, "application_check_in_days")
    rejection_reply_hours: int = 48
    feedback_request_days: int = 3
    offer_answer_hours: int = 48


#: The settings that change the schedule: changing one reschedules every application.
RULE_KEYS: frozenset[str] = frozenset(f.name for f in fields(Rules)) & settings.BY_KEY.keys()


def rules_from(stored: Mapping[str, str]) -> Rules:
    """The timings from the stored settings (their defaults for what is not set)."""
    return Rules(
        thank_you_hours=settings.number(stored, "thank_you_hours"),
        check_in_days=settings.number(stored, "check_in_days"),
        second_check_in_days=settings.number(stored, "second_check_in_days"),
        move_on_days=settings.number(stored, "move_on_days"),
        application_check_in=settings.is_on(stored, "application_check_in"),
        application_check_in_days=settings.number(stored, "application_check_in_days"),
    )


@dataclass(frozen=True, order=True)
class Action:
    """Something to send, for one application (and maybe one person)."""

    due_at: datetime
    kind: str
    application_id: int
    source: str = field(compare=False)
    opens_at: datetime = field(compare=False)
    overdue_at: datetime = field(compare=False)
    contact_id: int | None = field(default=None, compare=False)
    contact_name: str | None = field(default=None, compare=False)
    interview_id: int | None = field(default=None, compare=False)

    @property
    def is_deadline(self) -> bool:
        return self.kind in DEADLINES

    def is_open(self, when: datetime) -> bool:
        return self.opens_at <= when

    def is_overdue(self, when: datetime) -> bool:
        return when >= self.overdue_at

    def state(self, when: datetime) -> str:
        """`overdue`, `due` (open now), or `later`."""
        if self.is_overdue(when):
            return "overdue"
        return "due" if self.is_open(when) else "later"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self.kind]


def business_day(day: date) -> date:
    """DAY, or the Monday after it when it falls on a weekend."""
    if day.weekday() >= 5:
        return day + timedelta(days=7 - day.weekday())
    return day


def _midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz)


def _wait(kind: str, app: int, day: date, source: str, tz: tzinfo) -> Action:
    start = _midnight(day, tz)
    return Action(
        due_at=start,
        kind=kind,
        application_id=app,
        source=source,
        opens_at=start,
        overdue_at=_midnight(day + timedelta(days=1), tz),
    )


def _deadline(
    kind: str,
    app: int,
    opens: datetime,
    hours: int,
    source: str,
    person: Person | None = None,
    interview_id: int | None = None,
) -> Action:
    # Hours are real time: added in UTC, so that 24 h across a change of the clocks is 24 h
    # (wall-clock arithmetic on a local moment would give 23 or 25), whichever zone the
    # moment arrived in (a fresh write's local one, or the stored UTC one on a later write).
    due = opens.astimezone(UTC) + timedelta(hours=hours)
    return Action(
        due_at=due,
        kind=kind,
        application_id=app,
        source=source,
        opens_at=opens,
        # Overdue once the due moment is past, not at it.
        overdue_at=due + timedelta(microseconds=1),
        contact_id=person.id if person else None,
        contact_name=person.name if person else None,
        interview_id=interview_id,
    )


def _sorted_events(events: Iterable[EventFact]) -> list[EventFact]:
    return sorted(events, key=lambda e: (e.at, e.kind, e.id))


def schedule(facts: ApplicationFacts, rules: Rules, tz: tzinfo) -> list[Action]:
    """Every action still to be taken for this application, soonest due first.

    Actions whose day has not come are included (the pipeline shows the next one);
    `open_actions` keeps those open at a given moment.
    """
    if facts.archived or facts.stage in CLOSED or facts.stage == "saved":
        return []
    dismissed = {(d.action, d.contact_id, d.source) for d in facts.dismissals}
    events = _sorted_events(facts.events)
    actions: list[Action] = []

    def add(action: Action) -> None:
        if (action.kind, action.contact_id, action.source) not in dismissed:
            actions.append(action)

    def first_after(kind: str, moment: datetime) -> EventFact | None:
        return next((e for e in events if e.kind == kind and e.at >= moment), None)

    def last_change_to(stage: str) -> StageFact | None:
        changes = [s for s in facts.stage_changes if s.stage == stage]
        return max(changes, key=lambda s: (s.at, s.id), default=None)

    app = facts.id
    if facts.stage == "rejected":
        rejection = last_change_to("rejected")
        if rejection is None:
            return []
        reply = first_after("sent-rejection-reply", rejection.at)
        if reply is None:
            add(
                _deadline(
                    REJECTION_REPLY,
                    app,
                    rejection.at,
                    rules.rejection_reply_hours,
                    f"stage:{rejection.id}",
                )
            )
        elif first_after("sent-feedback-request", reply.at) is None:
            day = reply.at.astimezone(tz).date() + timedelta(days=rules.feedback_request_days)
            add(_wait(FEEDBACK_REQUEST, app, day, f"event:{reply.id}", tz))
        return sorted(actions)

    if facts.stage == "offer":
        offer = last_change_to("offer")
        if offer is not None and first_after("answered-offer", offer.at) is None:
            asked = [e for e in events if e.kind == "asked-for-time" and e.at >= offer.at]
            if asked:
                # They were asked for a day or two: the answer is owed when that time is up.
                ask = asked[-1]
                add(_deadline(OFFER_ANSWER, app, ask.at, ASKED_FOR_TIME_HOURS, f"event:{ask.id}"))
            else:
                add(
                    _deadline(
                        OFFER_ANSWER, app, offer.at, rules.offer_answer_hours, f"stage:{offer.id}"
                    )
                )
        return sorted(actions)

    # A cancelled interview is as if it had never been: no thank-you, no check-in from it.
    interviews = sorted(
        (i for i in facts.interviews if not i.cancelled), key=lambda i: (i.starts_at, i.id)
    )
    for iv in interviews:
        people: tuple[Person | None, ...] = iv.interviewers or (None,)
        for person in people:
            pid = person.id if person else None
            sent = any(
                e.kind == "sent-thank-you"
                and (e.interview_id == iv.id or (e.interview_id is None and pid is not None))
                and (e.contact_id is None or e.contact_id == pid)
                for e in events
            )
            if not sent:
                add(
                    _deadline(
                        THANK_YOU,
                        app,
                        iv.starts_at,
                        rules.thank_you_hours,
                        f"interview:{iv.id}",
                        person,
                        iv.id,
                    )
                )

    _check_ins(facts, rules, tz, interviews, events, add)
    return sorted(actions)


def _check_ins(
    facts: ApplicationFacts,
    rules: Rules,
    tz: tzinfo,
    interviews: list[InterviewFact],
    events: list[EventFact],
    add: Callable[[Action], None],
) -> None:
    """The check-in sequence: first (or application) check-in, second, then move on."""
    app = facts.id
    heard = [e for e in events if e.kind == "heard"]
    # (moment, source, stated decision date, is_heard)
    anchors: list[tuple[datetime, str, date | None, bool]] = [
        (iv.starts_at, f"interview:{iv.id}", iv.decision_by, False) for iv in interviews
    ] + [(e.at, f"event:{e.id}", e.decision_by, True) for e in heard]
    moved_on = [s for s in facts.stage_changes if s.stage in ("screening", "interviewing")]

    if anchors:
        anchors.sort(key=lambda a: (a[0], a[1]))
        moment, source, stated, is_heard = anchors[-1]
        if stated is None and not is_heard:
            # An interview that said nothing keeps the date stated earlier, back to the last
            # time we heard from them (hearing back restarts the whole sequence).
            for earlier in reversed(anchors[:-1]):
                if earlier[3]:
                    break
                if earlier[2] is not None:
                    stated = earlier[2]
                    break
        anchor_day = moment.astimezone(tz).date()
        if stated is not None and stated >= anchor_day:
            first_day = business_day(stated + timedelta(days=1))
        else:
            first_day = business_day(anchor_day + timedelta(days=rules.check_in_days))
        start_kind = FIRST_CHECK_IN
    elif moved_on:
        latest = max(moved_on, key=lambda s: (s.at, s.id))
        moment, source = latest.at, f"stage:{latest.id}"
        first_day = business_day(moment.astimezone(tz).date() + timedelta(days=rules.check_in_days))
        start_kind = FIRST_CHECK_IN
    elif facts.stage == "applied" and rules.application_check_in and facts.applied_on:
        moment = _midnight(facts.applied_on, tz)
        source = "applied"
        first_day = business_day(facts.applied_on + timedelta(days=rules.application_check_in_days))
        start_kind = APPLICATION_CHECK_IN
    else:
        return

    sent = [e for e in events if e.kind == "sent-check-in" and e.at >= moment]
    if not sent:
        add(_wait(start_kind, app, first_day, source, tz))
    elif len(sent) == 1:
        day = business_day(
            sent[0].at.astimezone(tz).date() + timedelta(days=rules.second_check_in_days)
        )
        add(_wait(SECOND_CHECK_IN, app, day, f"event:{sent[0].id}", tz))
    else:
        last = sent[-1]
        day = business_day(last.at.astimezone(tz).date() + timedelta(days=rules.move_on_days))
        add(_wait(MOVE_ON, app, day, f"event:{last.id}", tz))


def open_actions(facts: ApplicationFacts, when: datetime, rules: Rules, tz: tzinfo) -> list[Action]:
    """The actions open at WHEN, most overdue (earliest due) first."""
    return [a for a in schedule(facts, rules, tz) if a.is_open(when)]


@dataclass(frozen=True)
class TooSoon:
    """A check-in logged or drafted before the rules say one is due."""

    due_day: date | None
    #: The day it was asked on: the due day's year is written when it is another year.
    today: date | None = field(default=None, compare=False)

    @property
    def message(self) -> str:
        if self.due_day is None:
            return "Too soon: no check-in is due for this application."
        return f"Too soon: the next check-in is due on {exact_day(self.due_day, self.today)}."


def check_in_too_soon(
    facts: ApplicationFacts, when: datetime, rules: Rules, tz: tzinfo
) -> TooSoon | None:
    """None when a check-in is open at WHEN; otherwise the warning, naming its day."""
    pending = [a for a in schedule(facts, rules, tz) if a.kind in CHECK_INS]
    if any(a.is_open(when) for a in pending):
        return None
    upcoming = min(pending, default=None)
    return TooSoon(
        upcoming.opens_at.astimezone(tz).date() if upcoming else None, when.astimezone(tz).date()
    )


def summary_counts(actions: Iterable[Action], when: datetime, tz: tzinfo) -> dict[str, int]:
    """How many actions are overdue, due today, and due later (open but due after today)."""
    today_end = _midnight(when.astimezone(tz).date() + timedelta(days=1), tz)
    counts = {"overdue": 0, "today": 0, "later": 0}
    for a in actions:
        if a.is_overdue(when):
            counts["overdue"] += 1
        elif a.due_at < today_end:
            counts["today"] += 1
        else:
            counts["later"] += 1
    return counts
