"""The follow-up actions and the events that answer them: names and labels only.

Kept apart from the rules (followups.py) so that the pipeline can label its rows without
loading them before its first paint.
"""

from __future__ import annotations

from typing import Final

THANK_YOU: Final = "thank-you"
FIRST_CHECK_IN: Final = "first-check-in"
SECOND_CHECK_IN: Final = "second-check-in"
MOVE_ON: Final = "move-on"
APPLICATION_CHECK_IN: Final = "application-check-in"
REJECTION_REPLY: Final = "rejection-reply"
FEEDBACK_REQUEST: Final = "feedback-request"
OFFER_ANSWER: Final = "offer-answer"

ACTION_KINDS: Final = (
    THANK_YOU,
    FIRST_CHECK_IN,
    SECOND_CHECK_IN,
    MOVE_ON,
    APPLICATION_CHECK_IN,
    REJECTION_REPLY,
    FEEDBACK_REQUEST,
    OFFER_ANSWER,
)
DEADLINES: Final = frozenset({THANK_YOU, REJECTION_REPLY, OFFER_ANSWER})
CHECK_INS: Final = frozenset({FIRST_CHECK_IN, SECOND_CHECK_IN, APPLICATION_CHECK_IN, MOVE_ON})

ACTION_LABELS: Final = {
    THANK_YOU: "Send thank-you",
    FIRST_CHECK_IN: "Check in",
    SECOND_CHECK_IN: "Check in again",
    MOVE_ON: "Move on?",
    APPLICATION_CHECK_IN: "Ask about application",
    REJECTION_REPLY: "Reply to rejection",
    FEEDBACK_REQUEST: "Ask for feedback",
    OFFER_ANSWER: "Answer the offer",
}

#: What each follow-up is, as a thing: "Dismissed the check-in for Lumen".
ACTION_NOUNS: Final = {
    THANK_YOU: "thank-you",
    FIRST_CHECK_IN: "check-in",
    SECOND_CHECK_IN: "second check-in",
    MOVE_ON: "reminder to move on",
    APPLICATION_CHECK_IN: "check-in about the application",
    REJECTION_REPLY: "reply to the rejection",
    FEEDBACK_REQUEST: "request for feedback",
    OFFER_ANSWER: "answer to the offer",
}

# Events the job seeker logs. The ones that move the stage say where to.
EVENT_KINDS: Final = (
    "sent-thank-you",
    "sent-check-in",
    "heard",
    "rejected",
    "offer",
    "sent-rejection-reply",
    "sent-feedback-request",
    "answered-offer",
    "asked-for-time",
    "accepted",
    "withdrew",
    "ghosted",
    "note",
)
EVENT_STAGE: Final = {
    "rejected": "rejected",
    "offer": "offer",
    "accepted": "accepted",
    "withdrew": "withdrawn",
    "ghosted": "ghosted",
}
#: Which event answers which action.
CLOSED_BY: Final = {
    THANK_YOU: "sent-thank-you",
    FIRST_CHECK_IN: "sent-check-in",
    SECOND_CHECK_IN: "sent-check-in",
    APPLICATION_CHECK_IN: "sent-check-in",
    REJECTION_REPLY: "sent-rejection-reply",
    FEEDBACK_REQUEST: "sent-feedback-request",
    OFFER_ANSWER: "answered-offer",
}
