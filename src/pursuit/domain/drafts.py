"""What makes a draft personal and current: the detail for each person, the signature, and
whether the message it stands for is still wanted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from pursuit.domain.messages import FIELDS, DraftContext

#: The messages that belong to an application still in motion: once it has ended (or been
#: archived), an unsent thank-you or check-in is no longer needed.
_WHILE_ACTIVE = frozenset({"sent-thank-you", "sent-check-in"})
#: The messages that answer a rejection, or an offer: wanted only in that stage.
_FOR_STAGE = {
    "sent-rejection-reply": "rejected",
    "sent-feedback-request": "rejected",
    "asked-for-time": "offer",
    "answered-offer": "offer",
}
_ACTIVE = frozenset({"saved", "applied", "screening", "interviewing", "offer"})


def still_wanted(event: str, stage: str, *, archived: bool = False) -> bool:
    """Whether an unsent draft for a message logged as EVENT is still worth sending.

    A message of the user's own (no event) is always kept as pending: pursuit cannot tell.
    """
    if not event:
        return True
    if archived:
        return False
    if event in _WHILE_ACTIVE:
        return stage in _ACTIVE
    wanted_in = _FOR_STAGE.get(event)
    return wanted_in is None or stage == wanted_in


# --- one detail per person -----------------------------------------------------------------


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _name_pattern(person: str) -> re.Pattern[str] | None:
    words = person.split()
    if not words:
        return None
    names = {_folded(person.strip()), _folded(words[0])}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _lines(text: str) -> list[str]:
    return [line.strip(" -•*\t") for line in text.splitlines() if line.strip(" -•*\t")]


def _without_name(line: str, pattern: re.Pattern[str]) -> str:
    """LINE with a leading "Ann:" (or "Ann -") or a "(Ann)" taken off: the name is the label."""
    folded = _folded(line)
    if len(folded) != len(line):  # a character that folds to several: keep the line whole
        return line
    lead = re.match(rf"(?:with\s+)?(?:{pattern.pattern})\s*[:\-–—]\s*", folded)
    if lead and lead.end() < len(line):
        return line[lead.end() :].strip()
    tag = re.search(rf"\s*\((?:with\s+)?(?:{pattern.pattern})\)", folded)
    if tag:
        return (line[: tag.start()] + line[tag.end() :]).strip()
    return line


def detail_for(
    person: str, panel: Sequence[str], *, topics: str, debrief: Sequence[str] = (), notes: str = ""
) -> str:
    """The specific detail a note to PERSON, one of the interview's PANEL, mentions.

    In order: a line of the debrief (TOPICS first, then the other DEBRIEF texts) that names
    them; else the first line of what is noted about them (the contact's NOTES); else one of
    the topics naming no one else on the panel, a different one for each person while there
    are enough, so that two people on one panel never get the same words by default.
    """
    mine = _name_pattern(person)
    if mine is not None:
        for line in _lines(topics) + [line for text in debrief for line in _lines(text)]:
            if mine.search(_folded(line)):
                return _without_name(line, mine)
    noted = _lines(notes)
    if noted:
        return noted[0]
    others = [p for p in (_name_pattern(o) for o in panel if o != person) if p is not None]
    free = [line for line in _lines(topics) if not any(o.search(_folded(line)) for o in others)]
    if not free:
        return ""
    place = list(panel).index(person) if person in panel else 0
    return free[place % len(free)]


# --- signing with the user's current details -----------------------------------------------

_SIGNED = ("signature", "my_name", "my_email", "my_phone", "my_linkedin")


def _signed_values(profile: Mapping[str, str]) -> dict[str, str]:
    context = DraftContext(
        my_name=profile.get("my_name", ""),
        signature=profile.get("signature", ""),
        my_email=profile.get("my_email", ""),
        my_phone=profile.get("my_phone", ""),
        my_linkedin=profile.get("my_linkedin", ""),
    )
    values = context.values()
    return {name: values[name] for name in _SIGNED}


def resign(text: str, before: Mapping[str, str], after: Mapping[str, str]) -> str:
    """TEXT with the user's details as they were BEFORE replaced by those AFTER.

    What was filled in (or left as a marker such as `[your name]`) is found and replaced in one
    pass, so a new value is never read again; whatever else the user wrote stays as it is.
    """
    old, new = _signed_values(before), _signed_values(after)
    swaps: dict[str, str] = {}
    for name in _SIGNED:
        if old[name] == new[name]:
            continue
        if old[name]:
            swaps.setdefault(old[name], new[name])
        if new[name]:
            swaps.setdefault(f"[{FIELDS[name]}]", new[name])
    if not swaps:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(swaps, key=len, reverse=True)))
    return pattern.sub(lambda m: swaps[m[0]], text)
