"""A schema.org JobPosting in a page's JSON-LD, wherever the page puts it.

Job sites write it for search engines, in every shape the vocabulary allows: alone, in a list,
inside `@graph`, its `@type` a string or a list, the employer an Organization or a plain name,
the description HTML or HTML encoded once more. A block that is not valid JSON is passed over:
the page's other blocks, then its OpenGraph tags, still say something.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pursuit.postings.posting import Posting
from pursuit.postings.text import html_text, one_line
from pursuit.postings.values import day, salary

#: How deep a JSON-LD block is searched for a JobPosting (a page's graph is shallow).
_DEEPEST = 12


def job_postings(blocks: list[str]) -> Iterator[dict[str, Any]]:
    """Each JobPosting object in the text of the page's JSON-LD script blocks."""
    for block in blocks:
        text = block.strip()
        # Some pages still wrap their scripts in comment or CDATA markers.
        for start, end in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
            if text.startswith(start) and text.endswith(end):
                text = text[len(start) : -len(end)].strip()
        try:
            data = json.loads(text.rstrip(";"), strict=False)
        except ValueError:
            continue
        yield from _found(data, 0)


def _found(data: object, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _DEEPEST:
        return
    if isinstance(data, list):
        for item in data:
            yield from _found(item, depth + 1)
    elif isinstance(data, dict):
        if _is_job_posting(data.get("@type")):
            yield data
            return
        for value in data.values():
            if isinstance(value, dict | list):
                yield from _found(value, depth + 1)


def _is_job_posting(kind: object) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    return any(
        isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting"
        for k in kinds
    )


def posting_from(job: dict[str, Any]) -> Posting:
    lo, hi, code = _pay(job.get("baseSalary") or job.get("estimatedSalary"))
    return Posting(
        company=_name(job.get("hiringOrganization")),
        role=one_line(job.get("title") or job.get("name")),
        location=_location(job),
        salary_min=lo,
        salary_max=hi,
        salary_currency=code,
        description=html_text(_text(job.get("description"))),
        posted_on=day(job.get("datePosted")),
        closes_on=day(job.get("validThrough")),
        found_by="json-ld",
    )


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _text(value: object) -> str:
    value = _first(value)
    if isinstance(value, dict):  # a language-tagged value: {"@value": ..., "@language": ...}
        value = value.get("@value")
    return value if isinstance(value, str) else ""


def _name(value: object) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("legalName")
    return one_line(_text(value) if isinstance(value, list | dict) else value)


def _pay(value: object) -> tuple[int | None, int | None, str]:
    value = _first(value)
    if not isinstance(value, dict):
        return None, None, ""
    code = value.get("currency") or value.get("salaryCurrency")
    amount = value.get("value")
    unit = ""
    if isinstance(amount, dict):
        unit = str(amount.get("unitText") or "")
        code = code or amount.get("currency")
        low = amount.get("minValue")
        high = amount.get("maxValue")
        if low is None and high is None:
            low = high = amount.get("value")
    else:
        low = value.get("minValue", amount)
        high = value.get("maxValue", amount)
        unit = str(value.get("unitText") or "")
    # The application keeps a yearly salary; an hourly or monthly rate in it would mislead.
    if unit and unit.upper() not in ("YEAR", "ANNUAL", "YEARLY", "P1Y"):
        return None, None, ""
    return salary(low, high, code)


def _location(job: dict[str, Any]) -> str:
    places: list[str] = []
    raw = job.get("jobLocation")
    for place in raw if isinstance(raw, list) else [raw]:
        named = _place(place)
        if named and named not in places:
            places.append(named)
    kinds = job.get("jobLocationType")
    remote = any(
        isinstance(k, str) and k.upper() == "TELECOMMUTE"
        for k in (kinds if isinstance(kinds, list) else [kinds])
    )
    if remote:
        where = job.get("applicantLocationRequirements")
        areas = [_name(w) for w in (where if isinstance(where, list) else [where])]
        areas = [a for a in areas if a]
        places.insert(0, f"Remote ({', '.join(areas)})" if areas else "Remote")
    return "; ".join(places)[:2_000]


def _place(place: object) -> str:
    if isinstance(place, str):
        return one_line(place)
    if not isinstance(place, dict):
        return ""
    address = place.get("address")
    if isinstance(address, str):
        return one_line(address)
    if not isinstance(address, dict):
        return one_line(place.get("name"))
    country = address.get("addressCountry")
    parts = [
        one_line(address.get("addressLocality")),
        one_line(address.get("addressRegion")),
        _name(country) if isinstance(country, dict) else one_line(country),
    ]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen) or one_line(place.get("name"))
