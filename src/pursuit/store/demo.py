"""Sample data for `pursuit demo`: a search a few weeks in, relative to the clock's today.

Everything is placed relative to NOW so the demo always shows something overdue, something
due today and interviews to come; with a fixed clock it is the same every time (screenshots).
The file the app opens is made by `store/demo_file.py`, from this data as made ahead
(`store/demo_ahead.sql`): after changing it, run scripts/make_demo_ahead.py.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from pursuit.domain.dates import local_tz

if TYPE_CHECKING:
    from pursuit.store.repo import Store


def _at(now: datetime, days: int, hour: int = 10, minute: int = 0) -> datetime:
    day = now.astimezone(local_tz()).date() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=local_tz())


def seed(store: Store) -> None:
    now = store.now()
    today = now.astimezone(local_tz()).date()
    for key, value in {
        "my_name": "Alex Morgan",
        "my_email": "alex.morgan@example.com",
        "my_phone": "+1 555 0142",
        "my_linkedin": "linkedin.com/in/alexmorgan",
    }.items():
        store.settings.set(key, value)

    def day(days: int) -> date:
        return today + timedelta(days=days)

    add = store.applications.add_application

    # Interviewing: a video panel happened yesterday, two thank-yous are due.
    northwind = add(
        "Northwind Analytics",
        "Senior Data Engineer",
        applied_on=day(-24),
        at=_at(now, -24),
        url="https://jobs.example.com/northwind/4411",
        source="Referral",
        location="Remote (EU)",
        sector="tech",
        salary_min=85_000,
        salary_max=100_000,
        notes="Referred by Priya. Stack: Python, dbt, Snowflake.",
        salary_currency="EUR",
        posted_on=day(-27),
        closes_on=day(9),
        description=(
            "Northwind Analytics helps retailers see what sells, where and why. Our data "
            "platform team owns the pipelines that turn a few billion events a day into the "
            "tables our analysts and customers query.\n\n"
            "What you will do\n"
            "- Design and run batch and streaming pipelines in Python and dbt\n"
            "- Keep Snowflake fast and affordable as the data grows\n"
            "- Share an on-call rotation with five other engineers\n\n"
            "What we look for\n"
            "- Five years or more building data systems\n"
            "- Care for data quality: tests, checks, clear ownership\n"
            "- Remote within EU time zones; two team weeks a year in Lisbon"
        ),
    )
    store.applications.log_event(
        northwind,
        "heard",
        at=_at(now, -18, 15),
        contact="Priya Raman",
        note="Recruiter call booked",
        new_contact=True,
    )
    store.people.add_interview(
        northwind,
        _at(now, -12, 11),
        kind="phone",
        interviewers=["Priya Raman"],
        round_name="Recruiter screen",
    )
    store.applications.log_event(
        northwind, "sent-thank-you", at=_at(now, -12, 16), contact="Priya Raman"
    )
    panel = store.people.add_interview(
        northwind,
        _at(now, -1, 14),
        kind="panel",
        interviewers=["Tomás Ortega", "Hannah Lee"],
        round_name="Panel",
        decision_by=day(6),
        link="https://meet.example.com/nw-panel",
    )
    store.people.update_interview(
        panel,
        debrief_topics="how the team is moving its nightly batch jobs to streaming\n"
        "on-call rotation and the data quality checks",
        debrief_questions="Design a pipeline for late-arriving events; a conflict you resolved",
        rating_confidence=4,
        rating_clarity=3,
        rating_rapport=5,
        rating_knowledge=4,
    )

    # Interviewing: an onsite tomorrow.
    lumen = add(
        "Lumen Health",
        "Platform Engineer",
        applied_on=day(-20),
        at=_at(now, -20),
        url="https://careers.example.org/lumen/platform",
        source="LinkedIn",
        location="Boston, MA",
        sector="healthcare",
        salary_min=120_000,
        salary_max=140_000,
    )
    store.people.add_interview(
        lumen,
        _at(now, -8, 9, 30),
        kind="video",
        interviewers=["Grace Kim"],
        round_name="Hiring manager",
    )
    store.applications.log_event(lumen, "sent-thank-you", at=_at(now, -8, 13), contact="Grace Kim")
    store.people.add_interview(
        lumen,
        _at(now, 1, 13),
        kind="onsite",
        interviewers=["Grace Kim", "Omar Haddad"],
        round_name="Onsite",
        location="200 Harbor St, Boston",
    )

    # Waiting after a final round: the first check-in is overdue.
    quarry = add(
        "Quarry & Co",
        "Backend Developer",
        applied_on=day(-30),
        at=_at(now, -30),
        source="Company site",
        location="Leeds",
        sector="finance",
        salary_min=60_000,
        salary_max=70_000,
    )
    store.people.add_interview(
        quarry,
        _at(now, -13, 10),
        kind="technical",
        interviewers=["Ines Duarte"],
        round_name="Final technical",
        decision_by=day(-6),
    )
    store.applications.log_event(
        quarry, "sent-thank-you", at=_at(now, -13, 15), contact="Ines Duarte"
    )

    # A second check-in is due: one was sent a week ago.
    harbor = add(
        "Harbor Schools",
        "Data Analyst",
        applied_on=day(-45),
        at=_at(now, -45),
        source="District jobs board",
        location="Portland, OR",
        sector="education",
    )
    store.people.add_interview(
        harbor,
        _at(now, -30, 15),
        kind="video",
        interviewers=["Dana Whitfield"],
        round_name="Panel interview",
    )
    store.applications.log_event(
        harbor, "sent-thank-you", at=_at(now, -30, 18), contact="Dana Whitfield"
    )
    store.applications.log_event(
        harbor, "sent-check-in", at=_at(now, -7, 9), contact="Dana Whitfield"
    )

    # Applied, no word for two weeks: the application check-in is due.
    add(
        "Cobalt Systems",
        "Site Reliability Engineer",
        applied_on=day(-15),
        at=_at(now, -15),
        url="https://cobalt.example.com/careers/sre",
        source="Hacker News",
        location="Remote",
        sector="tech",
    )
    add(
        "Civic Digital Office",
        "Software Engineer II",
        applied_on=day(-5),
        at=_at(now, -5),
        source="USAJOBS",
        location="Washington, DC",
        sector="government",
        salary_min=98_000,
        salary_max=127_000,
    )
    add(
        "Fernleaf",
        "Python Developer",
        applied_on=day(-3),
        at=_at(now, -3),
        source="Wellfound",
        location="Berlin",
        sector="tech",
    )

    # Screening: recruiter call next week.
    orbit = add(
        "Orbit Freight",
        "Data Platform Lead",
        applied_on=day(-9),
        at=_at(now, -9),
        source="Recruiter",
        location="Rotterdam",
        sector="other",
    )
    store.people.add_interview(
        orbit,
        _at(now, 3, 16),
        kind="phone",
        interviewers=["Sam Okafor"],
        round_name="Recruiter call",
    )

    # An offer to answer.
    meridian = add(
        "Meridian Bank",
        "Analytics Engineer",
        applied_on=day(-40),
        at=_at(now, -40),
        source="LinkedIn",
        location="London",
        sector="finance",
        salary_min=75_000,
        salary_max=90_000,
    )
    store.people.add_interview(
        meridian,
        _at(now, -20, 10),
        kind="onsite",
        interviewers=["Eleanor Wright"],
        round_name="Final",
    )
    store.applications.log_event(meridian, "sent-thank-you", at=_at(now, -20, 17))
    store.applications.log_event(
        meridian,
        "offer",
        at=_at(now, -1, 11),
        contact="Eleanor Wright",
        note="Verbal offer, written to follow",
    )

    # Rejected: the reply is sent, the feedback request is due.
    add_r = add(
        "Pinecrest Labs",
        "ML Engineer",
        applied_on=day(-35),
        at=_at(now, -35),
        source="Referral",
        location="Remote (US)",
        sector="tech",
    )
    store.people.add_interview(add_r, _at(now, -21, 14), kind="video", interviewers=["Leo Brandt"])
    store.applications.log_event(add_r, "sent-thank-you", at=_at(now, -21, 18))
    store.applications.log_event(add_r, "rejected", at=_at(now, -6, 9), contact="Leo Brandt")
    store.applications.log_event(
        add_r, "sent-rejection-reply", at=_at(now, -5, 10), contact="Leo Brandt"
    )

    # Closed ones, for the funnel.
    accepted = add(
        "Acme Widgets",
        "Junior Developer",
        applied_on=day(-400),
        at=_at(now, -400),
        source="Career fair",
        location="Austin, TX",
        sector="tech",
    )
    store.applications.log_event(accepted, "accepted", at=_at(now, -380))
    store.applications.archive(accepted)
    withdrawn = add(
        "Granite Insurance",
        "BI Developer",
        applied_on=day(-50),
        at=_at(now, -50),
        source="Indeed",
        location="Hartford, CT",
        sector="finance",
    )
    store.applications.log_event(
        withdrawn, "withdrew", at=_at(now, -28), note="Role moved to fully onsite"
    )
    ghost = add(
        "Vantage Retail",
        "Data Engineer",
        applied_on=day(-70),
        at=_at(now, -70),
        source="Indeed",
        location="Chicago, IL",
        sector="other",
    )
    store.applications.log_event(ghost, "ghosted", at=_at(now, -21))

    # Saved for later.
    add(
        "Tidewater Energy",
        "Senior Python Engineer",
        stage="saved",
        at=_at(now, -1),
        url="https://tidewater.example.net/jobs/811",
        source="Newsletter",
        location="Remote",
        sector="other",
    )
