"""The application screen's header (its facts on two lines) and its History, as Rich text."""

from __future__ import annotations

from datetime import date, tzinfo

from rich.text import Text

from pursuit.domain.days import exact_day, exact_day_time, short_day
from pursuit.domain.records import ApplicationDetail, TimelineEntry
from pursuit.domain.salary import salary_with_currency
from pursuit.tui import stage_actions


def header_text(detail: ApplicationDetail, today: date) -> Text:
    """Company and role, then stage, sector, place, salary (in its currency, as `pursuit show`
    prints it), the day applied and the source; the posting's address and the notes below."""
    r = detail.row
    head = Text()
    head.append(r.company, style="bold")
    head.append(f"  ·  {r.role}\n")
    facts = [stage_actions.stage_text(r), r.sector.title()]
    salary = salary_with_currency(r.salary_min, r.salary_max, detail.salary_currency)
    facts += [x for x in (r.location, salary) if x]
    if r.applied_on:
        facts.append(f"applied {short_day(r.applied_on, today)}")
    if r.source:
        facts.append(f"via {r.source}")
    head.append("  ·  ".join(facts), style="dim")
    if r.url:
        head.append(f"\n{r.url}", style="underline")
    if r.notes:
        head.append(f"\n{r.notes}")
    return head


def history_text(entries: list[TimelineEntry], tz: tzinfo, today: date) -> Text:
    """One line an entry, newest first: when (dim), then what happened."""
    timeline = Text()
    for entry in entries:
        local = entry.at.astimezone(tz)
        # A step known only by its day (applied on the day given) has no time to show.
        shown = (
            f"{exact_day(local.date(), today)}      "
            if entry.day_only
            else exact_day_time(local, today)
        )
        # Called off: struck out, as in the Interviews list, so it is not taken for one held.
        strike = " strike" if entry.cancelled else ""
        timeline.append(f"{shown}  ", style=f"dim{strike}")
        timeline.append(entry.text, style=strike.strip())
        timeline.append("\n")
    return timeline
