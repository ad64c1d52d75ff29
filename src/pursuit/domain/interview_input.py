"""Reading an interview as typed into a form: checked field by field, errors by field."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from pursuit.domain.dates import BadDate, parse_decision_day, parse_moment
from pursuit.domain.interviews import INTERVIEW_KINDS

#: The form's name for them.
KINDS = INTERVIEW_KINDS
_DURATION = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(?P<m>\d+)\s*m(?:in(?:utes?)?)?)?$"
)


def parse_duration(text: str) -> int:
    """Minutes from `45`, `90m`, `1h`, `1h30m`, `1.5h`."""
    text = text.strip().lower()
    if text.isdigit():
        minutes = int(text)
    else:
        m = _DURATION.match(text)
        if not text or not m or not (m["h"] or m["m"]):
            raise ValueError(f"cannot read {text!r} as a duration; try 45, 90m or 1h30m")
        minutes = int(float(m["h"] or 0) * 60) + int(m["m"] or 0)
    if not 0 < minutes <= 24 * 60:
        raise ValueError("an interview lasts between 1 minute and 24 hours")
    return minutes


def split_names(text: str) -> list[str]:
    """`Ann Lee, Bo Chen` -> the names, blanks dropped, each once."""
    return list(dict.fromkeys(n.strip() for n in re.split(r"[,;\n]", text) if n.strip()))


def read_interview(fields: dict[str, str], now: datetime) -> tuple[dict[str, Any], dict[str, str]]:
    """(values ready for the store, errors by field name); use the values only without errors."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    when = fields.get("when", "").strip()
    if not when:
        errors["when"] = "When is it? For example: Dec 1 2pm, tomorrow 10am or 2026-12-01 14:00."
    else:
        try:
            values["starts_at"] = parse_moment(when, now, future=True)
        except BadDate as exc:
            errors["when"] = f"{exc}. For example: Dec 1 2pm or tomorrow 10am."
    decision = fields.get("decision", "").strip()
    values["decision_by"] = None
    if decision:
        try:
            starts = values.get("starts_at")
            interview_day = starts.astimezone(now.tzinfo).date() if starts else None
            values["decision_by"] = parse_decision_day(decision, now, interview_day)
        except BadDate as exc:
            errors["decision"] = f"{exc}. For example: Dec 8, friday or in 2 weeks."
    kind = fields.get("kind", "video").strip().lower() or "video"
    if kind not in KINDS:
        errors["kind"] = f"Choose one of {', '.join(KINDS)}."
    values["kind"] = kind
    duration = fields.get("duration", "").strip()
    values["duration_minutes"] = 60
    if duration:
        try:
            values["duration_minutes"] = parse_duration(duration)
        except ValueError as exc:
            errors["duration"] = str(exc)
    fields_of_text = (
        ("round", "round_name", 200),
        ("location", "location", 2_000),
        ("link", "link", 2_000),
    )
    for name, key, limit in fields_of_text:
        text = fields.get(name, "").strip()
        if len(text) > limit:
            errors[name] = f"Too long (at most {limit:,} characters)."
        values[key] = text
    names = split_names(fields.get("interviewers", ""))
    if any(len(n) > 200 for n in names):
        errors["interviewers"] = "A name is too long (at most 200 characters)."
    values["interviewers"] = names
    return values, errors
