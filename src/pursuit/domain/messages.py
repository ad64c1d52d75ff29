"""Message templates and how they are filled in.

A template is plain text with `{field}` slots. Filling is one pass over the template: values
are inserted as they are, never read again as template text, so a name with braces or brackets
in it cannot turn into a slot. A slot with no value becomes a visible marker such as
`[specific detail]`, which the editor highlights and counts, so that a generic message is never
sent by accident.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from pursuit.domain.dates import friendly_day
from pursuit.domain.safe_text import for_terminal

#: Slot name -> what its marker says when there is nothing to put in it.
FIELDS: dict[str, str] = {
    "contact": "their name",
    "contact_first": "their first name",
    "company": "company",
    "role": "role",
    "interview_date": "interview date",
    "decision_date": "the date they gave",
    "decision_note": "",
    "applied_date": "the day you applied",
    "answer_by": "the day you will answer",
    "detail": "specific detail",
    "my_name": "your name",
    "signature": "your signature",
    "my_email": "your email",
    "my_phone": "your phone",
    "my_linkedin": "your LinkedIn",
}
#: "A day or two": the answer an offer's ask-for-time message promises.
ANSWER_WITHIN_DAYS = 2
#: Slots that may well be empty: a sentence that is there only when pursuit knows its fact.
OPTIONAL = frozenset(name for name, label in FIELDS.items() if not label)
MARKERS = frozenset(f"[{label}]" for label in FIELDS.values() if label)
_SLOT = re.compile(r"\{([a-z_]+)\}")


def unknown_slots(text: str) -> list[str]:
    """The {slots} in TEXT that pursuit does not know (a misspelt {compnay}), in order."""
    return list(dict.fromkeys(f"{{{m}}}" for m in _SLOT.findall(text) if m not in FIELDS))


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    subject: str
    body: str
    #: The event logged when a draft from this template is marked sent ("" for none).
    event: str = ""
    builtin: bool = True

    @property
    def wants_detail(self) -> bool:
        return "{detail}" in self.body


@dataclass(frozen=True)
class DraftContext:
    """What pursuit knows that a message can use."""

    company: str = ""
    role: str = ""
    contact: str = ""
    interview_date: date | None = None
    decision_date: date | None = None
    applied_date: date | None = None
    #: The day the draft is written: an answer to an offer is promised two days on.
    today: date | None = None
    detail: str = ""
    my_name: str = ""
    signature: str = ""
    my_email: str = ""
    my_phone: str = ""
    my_linkedin: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    def values(self) -> dict[str, str]:
        first = self.contact.split()[0] if self.contact.split() else ""
        signature = self.signature.strip() or "\n".join(
            line
            for line in (
                self.my_name,
                " · ".join(x for x in (self.my_email, self.my_phone) if x),
                self.my_linkedin,
            )
            if line
        )
        return {
            "contact": self.contact.strip(),
            "contact_first": first,
            "company": self.company.strip(),
            "role": self.role.strip(),
            "interview_date": friendly_day(self.interview_date) if self.interview_date else "",
            "decision_date": friendly_day(self.decision_date) if self.decision_date else "",
            "decision_note": (
                f" You mentioned you expected to decide by {friendly_day(self.decision_date)},"
                " so I thought I would check in."
                if self.decision_date
                else ""
            ),
            "applied_date": friendly_day(self.applied_date) if self.applied_date else "",
            "answer_by": (
                friendly_day(self.today + timedelta(days=ANSWER_WITHIN_DAYS)) if self.today else ""
            ),
            "detail": self.detail.strip(),
            "my_name": self.my_name.strip(),
            "signature": signature,
            "my_email": self.my_email.strip(),
            "my_phone": self.my_phone.strip(),
            "my_linkedin": self.my_linkedin.strip(),
            **{k: v for k, v in self.extra.items() if k not in FIELDS},
        }


def fill(text: str, context: DraftContext) -> str:
    """TEXT with every known slot filled, or marked when pursuit has nothing for it."""
    values = context.values()

    def one(match: re.Match[str]) -> str:
        name = match[1]
        if name not in FIELDS and name not in values:
            return match[0]  # not a slot of ours: leave the text as the user wrote it
        # A message goes to the editor, the terminal and the clipboard: a control character
        # stored in a name shows there as a picture, never as a sequence that acts.
        value = for_terminal(values.get(name, ""), multiline=True)
        if value or name in OPTIONAL:
            return value
        return f"[{FIELDS.get(name, name.replace('_', ' '))}]"

    return _SLOT.sub(one, text)


def markers_in(text: str) -> list[str]:
    """The unfilled markers left in TEXT, in order of appearance.

    A slot pursuit does not know ({compnay}) is left as it was typed, and counts as unfilled
    too: otherwise a misspelt slot would go out in the message without a warning.
    """
    found = []
    for marker in MARKERS:
        start = 0
        while (i := text.find(marker, start)) != -1:
            found.append((i, marker))
            start = i + len(marker)
    found += [(m.start(), m[0]) for m in _SLOT.finditer(text) if m[1] not in FIELDS]
    return [m for _i, m in sorted(found)]


@dataclass(frozen=True)
class Rendered:
    template: str
    subject: str
    body: str

    @property
    def markers(self) -> list[str]:
        return markers_in(f"{self.subject}\n{self.body}")

    def as_text(self) -> str:
        return f"{self.subject}\n\n{self.body}" if self.subject else self.body


def render(template: Template, context: DraftContext) -> Rendered:
    return Rendered(template.name, fill(template.subject, context), fill(template.body, context))


def warnings_before_copy(text: str, template: Template | None) -> list[str]:
    """What to say before a draft is copied: unfilled markers, a missing specific detail."""
    out = []
    markers = markers_in(text)
    if markers:
        unique = list(dict.fromkeys(markers))
        out.append(f"{len(markers)} unfilled: {', '.join(unique)}")
    if template is not None and template.wants_detail and "[specific detail]" in markers:
        out.append("No specific detail from the conversation: that is what makes it personal.")
    return out


# --- the built-in templates, in pursuit's own words ------------------------------------------

_THANK_YOU = """Hi {contact_first},

Thank you for taking the time to talk with me on {interview_date} about the {role} role. I especially enjoyed our conversation about {detail}.

It left me even more keen on joining {company}. My experience lines up well with what the team needs right now, and I would be glad to bring it to the role.

If anything else from me would help, such as work samples or references, just let me know. I look forward to hearing about the next steps.

Best regards,
{signature}"""

_THANK_YOU_LINKEDIN = """Hi {contact_first}, thank you for the conversation about the {role} role at {company}. I enjoyed hearing about {detail}, and I'm excited about what comes next. - {my_name}"""

_THANK_YOU_NOTE = """Dear {contact_first},

Thank you for meeting with me about the {role} position. Our talk about {detail} stayed with me, and I would be delighted to join {company}.

With thanks,
{my_name}"""

_FIRST_CHECK_IN = """Hi {contact_first},

I hope your week is going well. I'm writing to follow up on my interview for the {role} role on {interview_date}.{decision_note}

I'm still very interested in the position, especially after our conversation about {detail}. Is there any news on the process, or anything more I can send you?

Thanks again for your time.

Best regards,
{signature}"""

_SECOND_CHECK_IN = """Hi {contact_first},

I know things get busy, so just a short note: is there an update on the {role} role? I remain interested and happy to help with anything you need.

Best regards,
{signature}"""

_APPLICATION_CHECK_IN = """Hi {contact_first},

On {applied_date} I applied for the {role} role at {company}, and I wanted to check where things stand. The role is a strong match for my experience and I would welcome the chance to talk.

Thank you for your time.

Best regards,
{signature}"""

_REJECTION_REPLY = """Hi {contact_first},

Thank you for letting me know, and for the time you and the team spent with me during the process. I appreciated learning about {detail}.

I would be glad to be considered for future openings at {company}, and I hope our paths cross again.

Best wishes,
{signature}"""

_FEEDBACK_REQUEST = """Hi {contact_first},

Thanks again for considering me for the {role} role. I'm always working to improve, and I would value any specific feedback on my interviews: what went well, and what I could do better next time.

No worries if that isn't possible. I appreciate your help either way.

Best regards,
{signature}"""

_OFFER_ACCEPT = """Hi {contact_first},

Thank you very much for the offer for the {role} role. I'm delighted to accept.

To confirm, I understand the start date and terms to be as set out in the offer. I would be grateful if you could send the written agreement and let me know about the onboarding steps and anything I should prepare before my first day.

I'm looking forward to joining {company}.

Best regards,
{signature}"""

_OFFER_TIME = """Hi {contact_first},

Thank you for the offer for the {role} role. I'm very pleased to have it, and grateful for the time everyone at {company} has given me.

It is an important decision, so I would like a day or two to read everything through carefully. Could I come back to you with my answer by {answer_by}?

If any questions come up before then, I will be in touch.

Best regards,
{signature}"""

_OFFER_NEGOTIATE = """Hi {contact_first},

Thank you for the offer for the {role} role. I'm excited about joining {company} and grateful for the time the team has invested.

Before I sign, I would like to discuss a few points:
- base salary
- a signing bonus
- flexible or remote working
- a professional development budget

I'm open to finding something that works for both sides. Could we set up a short call this week?

Best regards,
{signature}"""

_OFFER_DECLINE = """Hi {contact_first},

Thank you for the offer for the {role} role, and for the care the team put into the process. After a lot of thought, I have decided to decline.

This was a hard decision. I have great respect for {company}, and I hope we stay in touch.

Best wishes,
{signature}"""

_PHONE_CHECK_IN = """Phone check-in script
- Hello, this is {my_name}. I interviewed for the {role} role on {interview_date}.
- I'm calling to ask whether there is an update on the process.
- I'm still very interested, particularly after we discussed {detail}.
- Is there anything else you need from me?
- Thank you for your time."""

BUILTIN: tuple[Template, ...] = (
    Template(
        "thank-you",
        "Thank-you (email)",
        "Thank you - {role} interview at {company}",
        _THANK_YOU,
        "sent-thank-you",
    ),
    Template(
        "thank-you-linkedin",
        "Thank-you (LinkedIn message)",
        "",
        _THANK_YOU_LINKEDIN,
        "sent-thank-you",
    ),
    Template(
        "thank-you-note", "Thank-you (handwritten note)", "", _THANK_YOU_NOTE, "sent-thank-you"
    ),
    Template(
        "first-check-in",
        "First check-in",
        "Following up on the {role} interview",
        _FIRST_CHECK_IN,
        "sent-check-in",
    ),
    Template(
        "second-check-in",
        "Second check-in",
        "Checking in: {role}",
        _SECOND_CHECK_IN,
        "sent-check-in",
    ),
    Template(
        "application-check-in",
        "Application check-in",
        "My application for {role}",
        _APPLICATION_CHECK_IN,
        "sent-check-in",
    ),
    Template(
        "rejection-reply",
        "Reply to a rejection",
        "Re: {role}",
        _REJECTION_REPLY,
        "sent-rejection-reply",
    ),
    Template(
        "feedback-request",
        "Feedback request",
        "Feedback on my {role} interviews",
        _FEEDBACK_REQUEST,
        "sent-feedback-request",
    ),
    Template(
        "offer-accept",
        "Accept an offer",
        "Offer acceptance - {my_name}",
        _OFFER_ACCEPT,
        "answered-offer",
    ),
    Template(
        "offer-time", "Ask for a day or two", "The {role} offer", _OFFER_TIME, "asked-for-time"
    ),
    Template(
        "offer-negotiate",
        "Negotiate an offer",
        "The {role} offer",
        _OFFER_NEGOTIATE,
        "answered-offer",
    ),
    Template(
        "offer-decline", "Decline an offer", "The {role} offer", _OFFER_DECLINE, "answered-offer"
    ),
    Template("phone-check-in", "Phone check-in script", "", _PHONE_CHECK_IN, "sent-check-in"),
)
BUILTIN_BY_NAME = {t.name: t for t in BUILTIN}

#: The template each follow-up action opens.
FOR_ACTION = {
    "thank-you": "thank-you",
    "first-check-in": "first-check-in",
    "second-check-in": "second-check-in",
    "application-check-in": "application-check-in",
    "rejection-reply": "rejection-reply",
    "feedback-request": "feedback-request",
    "offer-answer": "offer-accept",
}
#: Follow-ups with more than one right answer: the editor asks which message to write.
CHOICES_FOR_ACTION = {
    "offer-answer": ("offer-time", "offer-accept", "offer-negotiate", "offer-decline"),
}
