"""Preparation checklists: what to do before an interview, by format, and after it.

The built-in items are written in pursuit's own words. A checklist is made from the templates
when an interview is recorded and is the interview's own from then on: editing the templates
changes only checklists made afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from pursuit.domain.records import ChecklistRow

#: Template formats, in the order the template editor shows them.
FORMATS: Final = (
    "general",
    "onsite",
    "video",
    "phone",
    "panel",
    "group",
    "technical",
    "debrief",
    "offer",
)
FORMAT_LABELS: Final = {
    "general": "Every interview",
    "onsite": "In person",
    "video": "Video",
    "phone": "Phone",
    "panel": "Panel",
    "group": "Group",
    "technical": "Technical",
    "debrief": "After the interview",
    "offer": "Reviewing an offer",
}
#: The debrief's items and the parts of the interview's debrief that do each: filling those in
#: ticks the item. Matched on the built-in wording; an item the user reworded is theirs to tick.
DEBRIEF_FIELDS: Final = {
    "Write down the questions they asked": ("debrief_questions",),
    "Note the topics and one detail for your thank-you": ("debrief_topics",),
    "Record the timeline they gave": ("decision_by",),
    "Rate yourself and note what to improve": (
        "rating_confidence",
        "rating_clarity",
        "rating_rapport",
        "rating_knowledge",
        "debrief_improve",
    ),
}


def debrief_field_names() -> list[str]:
    """The interview's fields that tick debrief items."""
    return list(dict.fromkeys(name for names in DEBRIEF_FIELDS.values() for name in names))


def debrief_done(debrief: Mapping[str, object]) -> set[str]:
    """The debrief items (by their built-in text, casefolded) that DEBRIEF's fields fulfil."""

    def filled(value: object) -> bool:
        return bool(value.strip()) if isinstance(value, str) else value is not None

    return {
        text.casefold()
        for text, fields in DEBRIEF_FIELDS.items()
        if all(filled(debrief.get(name)) for name in fields)
    }


#: The item the job description kept with the application answers: on the checklist and in
#: walk mode the description is one key away from it.
REREAD_DESCRIPTION: Final = "Reread the job description"


def about_the_description(text: str) -> bool:
    """Whether an item (by its TEXT) is the one about rereading the job description."""
    return text.strip().casefold() == REREAD_DESCRIPTION.casefold()


#: Items whose text holds this slot are made once per interviewer.
PERSON_SLOT: Final = "{interviewer}"


@dataclass(frozen=True)
class TemplateItem:
    format: str
    section: str
    text: str
    guidance: str = ""


@dataclass(frozen=True)
class NewItem:
    """One item of a checklist about to be made."""

    section: str
    text: str
    guidance: str
    phase: str  # "before" the interview, "after" it, or "offer"
    position: int


def _items(fmt: str, section: str, *pairs: tuple[str, str]) -> list[TemplateItem]:
    return [TemplateItem(fmt, section, text, guidance) for text, guidance in pairs]


BUILTIN: Final[tuple[TemplateItem, ...]] = tuple(
    _items(
        "general",
        "The company",
        (
            "Read the company's website: mission, values, products",
            "Note two or three things you genuinely like about how they work.",
        ),
        (
            "Catch up on recent news and their social media",
            "A launch, a funding round, a reorganisation: something you can mention.",
        ),
        ("Get a feel for the culture", "Employee posts, reviews, talks by people on the team."),
    )
    + _items(
        "general",
        "The role",
        (REREAD_DESCRIPTION, "List the main responsibilities and the skills they ask for."),
        (
            "Match each required skill with an example of your own",
            "Use the notes field: skill, situation, what you did, the result.",
        ),
    )
    + _items(
        "general",
        "The people",
        ("Look up {interviewer}", "Their role, how long they have been there, what they work on."),
        ("Understand how the team fits into the company", "Who they serve, who they depend on."),
    )
    + _items(
        "general",
        "Your questions",
        (
            "Prepare questions about the team and how this role contributes",
            "Write them in the notes so they are in front of you.",
        ),
        ("Ask about growth: progression, feedback, learning", ""),
        (
            "Ask about next steps and when to expect an answer",
            "Whatever date they give, record it: it sets your first check-in.",
        ),
    )
    + _items(
        "general",
        "Practice",
        (
            "Practise common questions out loud",
            "Tell me about yourself; why this role; a "
            "challenge you handled; a mistake you learned from.",
        ),
        ("Do a mock interview if you can", "A friend, a mentor, or a recording of yourself."),
        ("Review your notes from earlier rounds", "What they asked, what they cared about."),
        ("Choose clothes that suit the company's culture", ""),
    )
    + _items(
        "onsite",
        "Getting there",
        ("Plan the route and the travel time", "Check transport and where the entrance is."),
        ("Arrive about 15 minutes early", "Bring copies of your CV and something to write with."),
    )
    + _items(
        "video",
        "Setting up",
        ("Test your connection", "Wired if you can; close whatever eats bandwidth."),
        ("Find a quiet room with a plain background", ""),
        (
            "Test the camera, microphone and the meeting app",
            "Zoom, Teams or Meet: join a test call first.",
        ),
        ("Remember to look at the camera", "Not at your own picture."),
    )
    + _items(
        "phone",
        "Setting up",
        ("Find a quiet place", ""),
        ("Keep your notes at hand", "Your examples and your questions."),
        ("Charge your phone", ""),
    )
    + _items(
        "panel",
        "The panel",
        ("Research each panelist", "What each of them will want to hear about."),
        (
            "Plan to address each person, not only the one asking",
            "Make eye contact around the table (or the screen).",
        ),
        ("Expect different kinds of questions", "Technical, behavioural, about the business."),
    )
    + _items(
        "group",
        "The group",
        (
            "Be ready to work with the others",
            "Build on their ideas out loud; make room for quieter people.",
        ),
        ("Plan how you will still stand out", "One clear contribution beats many small ones."),
    )
    + _items(
        "technical",
        "The exercise",
        (
            "Find out what kind of exercise it is",
            "Live coding, take-home, system design, a case study.",
        ),
        ("Practise that kind of exercise", "Under time, thinking aloud."),
    )
    + _items(
        "debrief",
        "Debrief",
        ("Write down the questions they asked", "In the interview's debrief, while it is fresh."),
        (
            "Note the topics and one detail for your thank-you",
            "A topic line that starts with a name (Ann: ...) goes into that person's thank-you.",
        ),
        ("Record the timeline they gave", "Put it in the decision date field."),
        (
            "Rate yourself and note what to improve",
            "Confidence, clarity, rapport, company knowledge.",
        ),
        ("Send the thank-you notes", "One per interviewer, within a day."),
    )
    + _items(
        "offer",
        "The offer",
        ("Check the job title and responsibilities", ""),
        ("Compare the salary with the market", "Look at two or three sources."),
        ("Review the benefits", "Health cover, retirement, holidays."),
        ("Consider the work environment and the start date", ""),
        (
            "Decide what to negotiate",
            "Signing bonus, relocation, remote or flexible work, a development budget.",
        ),
        ("Get every agreed term in writing", ""),
    )
    + _items(
        "offer",
        "Before you start",
        ("Ask about onboarding", ""),
        ("Gather your documents", "ID, bank details, certificates."),
        ("Sort out your workspace", ""),
        ("Say hello to your future colleagues", ""),
        ("List your questions for the first week", ""),
    )
)


def formats_for(kind: str, location: str = "") -> list[str]:
    """The template formats an interview of KIND at LOCATION draws on, after `general`.

    A panel, group or technical round also happens somewhere: a meeting link means video,
    an address means in person.
    """
    kind = kind.lower()
    out = [kind] if kind in FORMATS else []
    if kind in ("panel", "group", "technical"):
        where = location.strip().lower()
        if where.startswith(("http://", "https://", "meet.", "zoom", "teams")):
            out.insert(0, "video")
        elif where:
            out.insert(0, "onsite")
    return out


def build(
    kind: str, location: str, interviewers: list[str], templates: list[TemplateItem]
) -> list[NewItem]:
    """The checklist for one interview: general items, the format's, then the debrief's."""
    wanted = ["general", *formats_for(kind, location)]
    items: list[NewItem] = []
    for fmt in wanted:
        for t in (t for t in templates if t.format == fmt):
            items += _expand(t, interviewers, "before", len(items))
    for t in (t for t in templates if t.format == "debrief"):
        items += _expand(t, interviewers, "after", len(items))
    return items


def build_offer(templates: list[TemplateItem]) -> list[NewItem]:
    return [
        NewItem(t.section, t.text, t.guidance, "offer", i)
        for i, t in enumerate(t for t in templates if t.format == "offer")
    ]


def person_items(
    interviewers: list[str], templates: list[TemplateItem], start: int
) -> list[NewItem]:
    """The per-person items for INTERVIEWERS (added when people join an interview)."""
    items: list[NewItem] = []
    for t in templates:
        if t.format == "general" and PERSON_SLOT in t.text:
            for name in interviewers:
                items.append(
                    NewItem(
                        t.section,
                        t.text.replace(PERSON_SLOT, name),
                        t.guidance,
                        "before",
                        start + len(items),
                    )
                )
    return items


def _expand(t: TemplateItem, interviewers: list[str], phase: str, start: int) -> list[NewItem]:
    if PERSON_SLOT not in t.text:
        return [NewItem(t.section, t.text, t.guidance, phase, start)]
    names = interviewers or ["the interviewers"]
    return [
        NewItem(t.section, t.text.replace(PERSON_SLOT, name), t.guidance, phase, start + i)
        for i, name in enumerate(names)
    ]


@dataclass(frozen=True)
class Progress:
    """How far the preparation has got: the items for before the interview, and only those.

    An item is settled once done or skipped; every screen counts the same way (the pipeline's
    "(3/17)", Today's Prepare, the interview's "3 of 17 ready", the checklist's title).
    """

    done: int
    skipped: int
    total: int

    @classmethod
    def of(cls, rows: Iterable[ChecklistRow]) -> Progress:
        # An offer's checklist has no interview: all its items are "offer" ones, all counted.
        before = [r for r in rows if r.phase != "after"]
        return cls(
            sum(1 for r in before if r.state == "done"),
            sum(1 for r in before if r.state == "skipped"),
            len(before),
        )

    @property
    def settled(self) -> int:
        return self.done + self.skipped

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.settled >= self.total

    def __str__(self) -> str:
        return f"{self.settled}/{self.total}"
