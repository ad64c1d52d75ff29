"""The application screen's header (its facts broken only between them) and its History."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from pursuit.domain.days import exact_day, exact_day_time, short_day
from pursuit.domain.records import ApplicationDetail, TimelineEntry
from pursuit.domain.salary import salary_with_currency
from pursuit.tui import stage_actions

#: Between two facts of the header: where its line may break.
GAP = "  ·  "


@dataclass(frozen=True)
class Header:
    """The header as drawn: its facts break between them, never inside one (`applied Sun` /
    `25 Oct`, `85k–100k` / `EUR`)."""

    title: Text
    facts: tuple[str, ...]
    below: Text

    def __str__(self) -> str:
        parts = (self.title.plain, GAP.join(self.facts), self.below.plain)
        return "\n".join(part for part in parts if part)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.title
        line = Text(style="dim", overflow="fold")
        for fact in self.facts:
            if line.plain and line.cell_len + cell_len(GAP + fact) > options.max_width:
                yield line
                line = Text(style="dim", overflow="fold")
            line.append(f"{GAP}{fact}" if line.plain else fact)
        if line.plain:
            yield line
        if self.below.plain:
            yield self.below


def header_text(detail: ApplicationDetail, today: date) -> Header:
    """Company and role, then stage, sector, place, salary (in its currency, as `pursuit show`
    prints it), the day applied and the source; the posting's address and the notes below."""
    r = detail.row
    title = Text()
    title.append(r.company, style="bold")
    title.append(f"  ·  {r.role}")
    facts = [stage_actions.stage_text(r), r.sector.title()]
    salary = salary_with_currency(r.salary_min, r.salary_max, detail.salary_currency)
    facts += [x for x in (r.location, salary) if x]
    if r.applied_on:
        facts.append(f"applied {short_day(r.applied_on, today)}")
    if r.source:
        facts.append(f"via {r.source}")
    below = Text()
    if r.url:
        below.append(r.url, style="underline")
    if r.notes:
        below.append(f"\n{r.notes}" if r.url else r.notes)
    return Header(title, tuple(facts), below)


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
