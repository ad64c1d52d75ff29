"""Company memory: the same employer under the names people and postings give it.

"Northwind Analytics, Inc.", "northwind analytics" and "Northwind Analytics GmbH" are one
company: names are compared without case, accents, punctuation or a legal suffix. Two
different words are never merged ("Northwind" is not "Northwind Analytics").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pursuit.domain.days import exact_day

#: Legal forms, as words once punctuation is gone ("S.A." is "s a", "Pty. Ltd." "pty ltd").
#: Only trailing ones are dropped, longest first, so "Co" in "Coca" is safe.
_LEGAL_FORMS = tuple(
    tuple(form.split())
    for form in sorted(
        {
            "inc",
            "incorporated",
            "llc",
            "l l c",
            "llp",
            "lp",
            "ltd",
            "limited",
            "plc",
            "corp",
            "corporation",
            "co",
            "company",
            "gmbh",
            "gmbh co kg",
            "co kg",
            "kg",
            "ag",
            "se",
            "sa",
            "s a",
            "sas",
            "sarl",
            "srl",
            "spa",
            "s p a",
            "bv",
            "b v",
            "nv",
            "n v",
            "oy",
            "oyj",
            "ab",
            "as",
            "asa",
            "aps",
            "pty",
            "pty ltd",
            "pte",
            "pte ltd",
            "kk",
            "sl",
            "s l",
            "sro",
            "s r o",
            "sp z o o",
            "ou",
        },
        key=lambda f: -len(f.split()),
    )
)


@lru_cache(maxsize=4096)
def company_key(name: str) -> str:
    """NAME as compared: casefolded, unaccented, words only, without a trailing legal form."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    # "&" and "+" join words ("AT&T", "Procter & Gamble"): kept as a word of their own.
    words = "".join(c if c.isalnum() else (" and " if c in "&+" else " ") for c in letters).split()
    while len(words) > 1:
        for form in _LEGAL_FORMS:
            if len(form) < len(words) and tuple(words[-len(form) :]) == form:
                del words[-len(form) :]
                break
        else:
            break
    return " ".join(words)


@dataclass(frozen=True)
class EarlierApplication:
    """An application to the same company made before, and how it ended (or stands)."""

    id: int
    company: str
    role: str
    stage: str
    #: When it reached its stage (the day of its last stage change).
    since: date
    archived: bool = False


#: How a stage reads after the role: "Data Engineer, rejected in March".
_OUTCOMES = {
    "saved": "saved",
    "applied": "applied",
    "screening": "at screening",
    "interviewing": "interviewing",
    "offer": "an offer",
    "accepted": "accepted",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "ghosted": "no answer",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _when(day: date, today: date) -> str:
    month = _MONTHS[day.month - 1]
    if (today - day).days < 7 and day <= today:
        return f"on {exact_day(day, today)}"
    return f"in {month}" if day.year == today.year else f"in {month} {day.year}"


def outcome(earlier: EarlierApplication, today: date) -> str:
    """`Data Engineer, rejected in March`: the role and how it ended (or stands)."""
    stage = _OUTCOMES.get(earlier.stage, earlier.stage)
    return f"{earlier.role}, {stage} {_when(earlier.since, today)}"


def earlier_sentence(company: str, earlier: list[EarlierApplication], today: date) -> str:
    """`You applied to Northwind Analytics before: Data Engineer, rejected in March.`"""
    parts = [f"{outcome(e, today)} (#{e.id})" for e in earlier]
    name = earlier[0].company if earlier else company
    return f"You applied to {name} before: {'; '.join(parts)}."


@dataclass(frozen=True)
class ImportedBefore:
    """The imported rows that are for a company applied to before the import."""

    rows: int = 0
    #: The first few such companies, each by its newest earlier application.
    named: tuple[EarlierApplication, ...] = ()
    #: The rows for companies not named.
    more: int = 0

    def sentence(self, today: date) -> str:
        """`3 rows are for companies you applied to before: Northwind Analytics (Data
        Engineer, rejected in March), ...`; "" when there are none."""
        if not self.rows:
            return ""
        rows = "1 row is" if self.rows == 1 else f"{self.rows:,} rows are"
        whom = "a company" if len(self.named) == 1 and not self.more else "companies"
        names = [f"{e.company} ({outcome(e, today)})" for e in self.named]
        if self.more:
            names.append(f"{self.more:,} more row{'s' if self.more > 1 else ''}")
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return f"{rows} for {whom} you applied to before: {listed}."
