"""The values a posting gives (days, salaries, company names), read from the shapes job sites
write them in, and kept only when the application's fields can hold them."""

from __future__ import annotations

from datetime import UTC, date, datetime

#: The application's salary fields hold whole amounts in this range.
HIGHEST_SALARY = 100_000_000


def day(value: object) -> date | None:
    """An ISO day or moment ("2026-11-02", "2026-11-02T09:00:00Z") or milliseconds since
    1970 (Lever's createdAt) as the day it names; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000, UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def amount(value: object) -> int | None:
    """A salary figure: a number, or text such as "85,000" or "85000.00"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "").replace(" ", "")
        try:
            value = float(text)
        except ValueError:
            return None
    if not isinstance(value, int | float) or value != value:  # NaN
        return None
    whole = round(value)
    return whole if 0 < whole <= HIGHEST_SALARY else None


def currency(value: object) -> str:
    code = value.strip().upper() if isinstance(value, str) else ""
    return code if len(code) == 3 and code.isascii() and code.isalpha() else ""


def salary(low: object, high: object, code: object) -> tuple[int | None, int | None, str]:
    """(minimum, maximum, currency) as the application keeps them: one figure is both ends;
    a range that runs backwards, or an amount out of range, says nothing."""
    lo, hi = amount(low), amount(high)
    if lo is None:
        lo = hi
    if hi is None:
        hi = lo
    if lo is None or hi is None or lo > hi:
        return None, None, ""
    return lo, hi, currency(code)


def name_from_slug(slug: str) -> str:
    """A board's name in its address ("northwind-analytics") as a company's ("Northwind
    Analytics"): the job boards' APIs do not all say whose board it is."""
    words = slug.replace("-", " ").replace("_", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words)[:200]
