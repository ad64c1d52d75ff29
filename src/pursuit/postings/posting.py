"""What a posting says about a job, as the application's fields take it (cheap to import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
    #: Readable text: paragraphs apart by a blank line, list items as "- item".
    description: str = ""
    posted_on: date | None = None
    closes_on: date | None = None
    #: The posting's canonical address, without its fragment or tracking parameters.
    url: str = ""
    #: Where it was found: greenhouse, lever, ashby, json-ld, opengraph, title, or "".
    found_by: str = ""

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


class CaptureFailed(Exception):
    """The posting could not be read; the message says why, in the user's words."""


class CaptureCancelled(CaptureFailed):
    """The user stopped the capture."""

    def __init__(self) -> None:
        super().__init__("capturing the posting was cancelled")
