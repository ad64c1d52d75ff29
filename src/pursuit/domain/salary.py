"""Reading and writing salary ranges as people type them: `85k-100k`, `$90,000`, `120000`."""

from __future__ import annotations

import re

MAX_SALARY = 100_000_000
_AMOUNT = re.compile(r"^(?P<num>\d+(?:\.\d+)?)(?P<k>[km])?$")


class BadSalary(ValueError):
    pass


def _amount(text: str, raw: str) -> int:
    cleaned = re.sub(r"[\s,$€£¥]|(?i:usd|eur|gbp)", "", text).lower()
    m = _AMOUNT.match(cleaned)
    if not m:
        raise BadSalary(f"cannot read {raw!r} as a salary; try 85000-100000 or 85k-100k")
    value = float(m["num"]) * {"k": 1_000, "m": 1_000_000, None: 1}[m["k"]]
    if value > MAX_SALARY:
        raise BadSalary(f"{raw!r} is more than {MAX_SALARY:,}; check the number")
    return round(value)


def parse_salary(text: str) -> tuple[int | None, int | None]:
    """(minimum, maximum); a single figure is both; empty text is no salary."""
    raw = text
    text = text.strip()
    if not text:
        return None, None
    if text.startswith("-"):
        raise BadSalary(f"{raw!r}: a salary cannot be negative")
    parts = re.split(r"\s*(?:-|–|—|to)\s*", text, maxsplit=1)
    low = _amount(parts[0], raw)
    high = _amount(parts[1], raw) if len(parts) > 1 and parts[1] else low
    if high < low:
        raise BadSalary(f"{raw!r}: the range runs backwards")
    return low, high


def _short(value: int) -> str:
    if value >= 1_000 and value % 1_000 == 0:
        return f"{value // 1_000}k"
    return f"{value:,}"


def format_salary(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        return _short(low if low is not None else high or 0)
    return f"{_short(low)}–{_short(high)}"


def salary_with_currency(low: int | None, high: int | None, currency: str) -> str:
    """`150k–180k USD`, `65k EUR`: the range as a record shows it, then its currency if known."""
    salary = format_salary(low, high)
    return f"{salary} {currency}".rstrip() if salary else ""
