"""What a posting says about a job, as the application's fields take it (cheap to import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The longest description kept (the application's field holds 100,000 characters).
LONGEST_DESCRIPTION = 100_000
#: What ends a description cut short: a line of its own.
CUT_MARK = "\n…"


@dataclass(frozen=True)
class Posting:
    """What a page said; "" or None for what it did not say."""

    company: str = ""
    role: str = ""
    location: str = ""
    salary_min: int | None = None
    salary_max: int | None = None
    #: ISO 4217, upper case; "" when unknown.
    salary_currency: str = ""
    #: Readable text: paragraphs apart by a blank line, list items as "- item" or "1. item";
    #: at most LONGEST_DESCRIPTION characters (a longer one is cut, see description_cut).
    description: str = ""
    posted_on: date | None = None
    closes_on: date | None = None
    #: The posting's canonical address, without its fragment or tracking parameters.
    url: str = ""
    #: Where it was found: greenhouse, lever, ashby, json-ld, opengraph, title, or "".
    found_by: str = ""
    #: Whether the posting's description was longer than LONGEST_DESCRIPTION and is cut short
    #: (after its last whole paragraph within the limit, and CUT_MARK).
    description_cut: bool = False

    def __post_init__(self) -> None:
        # Every reader's description is held to the limit here, and said to be cut.
        if len(self.description) > LONGEST_DESCRIPTION:
            object.__setattr__(self, "description", _shortened(self.description))
            object.__setattr__(self, "description_cut", True)

    def cut_sentence(self) -> str:
        """What the user is told when the description was cut short; "" when it was not."""
        if not self.description_cut:
            return ""
        kept = len(self.description.removesuffix(CUT_MARK))
        return (
            f"The job description was longer than {LONGEST_DESCRIPTION:,} characters: "
            f"only its first {kept:,} are kept."
        )

    def fields(self) -> dict[str, object]:
        """The application fields this posting fills: only those it says something about."""
        values: dict[str, object] = {
            "company": self.company,
            "role": self.role,
            "location": self.location,
            "salary_min": self.salary_min,
            "salary_max": self.salary_max,
            "salary_currency": self.salary_currency,
            "description": self.description,
            "posted_on": self.posted_on,
            "closes_on": self.closes_on,
            "url": self.url,
        }
        return {name: value for name, value in values.items() if value not in ("", None)}


def _shortened(text: str) -> str:
    """TEXT cut after its last paragraph that fits in the limit (after a line, when its first
    paragraph alone is too long), with CUT_MARK after it."""
    room = LONGEST_DESCRIPTION - len(CUT_MARK)
    cut = text.rfind("\n\n", 0, room)
    if cut <= 0:
        cut = text.rfind("\n", 0, room)
    return text[: cut if cut > 0 else room].rstrip() + CUT_MARK


class CaptureFailed(Exception):
    """The posting could not be read; the message says why, in the user's words."""


class CaptureCancelled(CaptureFailed):
    """The user stopped the capture."""

    def __init__(self) -> None:
        super().__init__("capturing the posting was cancelled")
