"""Insights: how is the search going? The funnel, who answers, how long things take."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Label, Sparkline, Static

from pursuit.domain.dates import local_tz
from pursuit.domain.days import exact_day
from pursuit.domain.stages import label
from pursuit.store import screen_reads
from pursuit.tui.screens.base import LoadingScreen
from pursuit.tui.widgets.plain import plain
from pursuit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pursuit.store.insights import Insights
    from pursuit.store.repo import Store

BAR = 24


def bar(value: int, top: int, width: int = BAR) -> str:
    if top <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(width * value / top))


class InsightsScreen(LoadingScreen["Insights"]):
    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", "Back", id="insights.back", tooltip="Back to where you were"
        ),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="insights-body"):
            yield Static("Counting…", id="insights-summary")
            with Horizontal(id="insights-row"):
                with Vertical(classes="pane"):
                    yield Label("How far applications got", classes="section-title")
                    yield Static(id="insights-funnel")
                    yield Label("Applications per week (last 12 weeks)", classes="section-title")
                    yield Sparkline([], id="insights-weekly")
                    yield Static(id="insights-weekly-numbers")
                with Vertical(classes="pane"):
                    yield Label("Who answers, by source", classes="section-title")
                    yield Static(id="insights-sources")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Insights"
        self.follow_changes()

    def read(self, store: Store) -> Insights:
        return screen_reads.insights(store, self.pursuit.clock.now().astimezone(local_tz()))

    insights: Insights | None = None

    def _draw_funnel(self) -> None:
        ins = self.insights
        if ins is None:
            return
        widget = self.query_one("#insights-funnel", Static)
        # The bars fit the pane: at 80 columns a bar of BAR cells wrapped to the next line.
        # One cell to spare: the body's scroll bar may come after this is measured.
        room = widget.content_size.width - len(f"{'':<13}{0:>6}  ") - 1
        width = min(BAR, room) if room > 3 else BAR
        funnel = Text(no_wrap=True, overflow="crop")
        top = max((n for _s, n in ins.funnel), default=0)
        for stage, n in ins.funnel:
            funnel.append(f"{label(stage):<13}", style="bold")
            funnel.append(f"{n:>6}  ")
            funnel.append(bar(n, top, width), style="cyan")
            funnel.append("\n")
        if not ins.total:
            funnel = Text(
                "Nothing yet: add an application with a, or import a spreadsheet.", style="dim"
            )
        widget.update(funnel)

    def on_resize(self) -> None:
        self.call_after_refresh(self._draw_funnel)

    def show(self, data: Insights) -> None:
        ins = data
        summary = Text()
        # The same count as the funnel's first row: a saved posting is not yet an application.
        applied = ins.response_rate.total
        summary.append(f"{applied}", style="bold")
        summary.append(
            " applied · "
            if ins.total == applied
            else f" applied (and {ins.total - applied} saved) · "
        )
        summary.append(f"{ins.response_rate.percent:.0f}%", style="bold")
        summary.append(f" answered ({ins.response_rate.answered} of {ins.response_rate.total}) · ")
        reply = ins.median_days_to_reply
        decision = ins.median_days_to_decision
        summary.append(f"{reply:g} days" if reply is not None else "–", style="bold")
        summary.append(" to a first reply · ")
        summary.append(f"{decision:g} days" if decision is not None else "–", style="bold")
        summary.append(" from the last interview to a decision (medians) · ")
        summary.append(f"{ins.overdue} overdue", style="bold red" if ins.overdue else "bold")
        self.query_one("#insights-summary", Static).update(summary)

        self.insights = ins
        self._draw_funnel()

        self.query_one("#insights-weekly", Sparkline).data = ins.weekly
        weeks = Text(" ".join(f"{n:>3}" for n in ins.weekly), style="dim")
        first = exact_day(ins.week_starts[0], self.now().astimezone(local_tz()).date())
        weeks.append(
            f"\n{first} … this week ({sum(ins.weekly)} applied in these {len(ins.weekly)} weeks)",
            style="dim",
        )
        self.query_one("#insights-weekly-numbers", Static).update(weeks)

        table = Table(box=None, show_edge=False, pad_edge=False, expand=False)
        table.add_column("Source")
        table.add_column("Applied", justify="right")
        table.add_column("Answered", justify="right")
        table.add_column("", justify="left")
        for rate in ins.rates_by_source[:15]:
            table.add_row(
                plain(rate.label),
                str(rate.total),
                f"{rate.percent:.0f}%",
                Text(bar(rate.answered, rate.total, 12), style="green"),
            )
        if len(ins.rates_by_source) > 15:
            table.add_row(f"… {len(ins.rates_by_source) - 15} more", "", "", "")
        self.query_one("#insights-sources", Static).update(
            table if ins.rates_by_source else Text("No applications yet.", style="dim")
        )
