"""Insights: how is the search going? The funnel, who answers, how long things take."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
#: Sources listed at most, the width of their bars, and the least their names are cut to.
SOURCES = 15
SOURCE_BAR = 12
SOURCE_NAME = 12


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
                    yield Label("Applied per week (last 12 weeks)", classes="section-title")
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

    def _draw_to_width(self) -> None:
        """What is laid out in columns, made to the width of its pane (no line wraps)."""
        self._draw_funnel()
        self._draw_weeks()
        self._draw_sources()

    def on_resize(self) -> None:
        self.call_after_refresh(self._draw_to_width)

    def _draw_weeks(self) -> None:
        ins = self.insights
        if ins is None or not ins.weekly:
            return
        widget = self.query_one("#insights-weekly-numbers", Static)
        # Each week's number ends under the end of its bar: the sparkline shares its width out.
        spark = self.query_one("#insights-weekly", Sparkline).content_size.width
        # One cell to spare, as for the funnel: the body's scroll bar may come afterwards.
        width = min(spark, widget.content_size.width - 1) or 4 * len(ins.weekly)
        line = ""
        for i, n in enumerate(ins.weekly):
            end = max(len(line) + len(str(n)) + 1, round((i + 1) * width / len(ins.weekly)))
            line += f"{n:>{end - len(line)}}"
        weeks = Text(line, style="dim")
        weeks.append(
            f"\n{exact_day(ins.week_starts[0], self.now().astimezone(local_tz()).date())}"
            f" … this week ({sum(ins.weekly)} applied in these"
            f" {len(ins.weekly)} weeks)",
            style="dim",
        )
        widget.update(weeks)

    def _draw_sources(self) -> None:
        ins = self.insights
        if ins is None:
            return
        widget = self.query_one("#insights-sources", Static)
        if not ins.rates_by_source:
            widget.update(Text("No applications yet.", style="dim"))
            return
        rates = ins.rates_by_source[:SOURCES]
        labels = [plain(r.label) for r in rates]
        if len(ins.rates_by_source) > SOURCES:
            labels.append(Text(f"… {len(ins.rates_by_source) - SOURCES} more"))
        # The counts keep their room; the bars give way first, then the sources' names
        # (cut with an ellipsis: at 80 columns "Career fair" went onto two lines).
        width = widget.content_size.width or 1_000  # not yet laid out: as wide as it needs
        room = width - 1 - len("  Applied  Answered")
        name = max(len("Source"), *(t.cell_len for t in labels))
        bar_width = min(SOURCE_BAR, room - min(name, SOURCE_NAME) - 2)
        if bar_width < 3:
            bar_width = 0
        name = max(len("Source"), min(name, room - (bar_width + 2 if bar_width else 0)))
        lines = Text(no_wrap=True, overflow="crop")
        lines.append(f"{'Source':<{name}}  Applied  Answered\n", style="bold")
        for n, source in enumerate(labels):
            cut = source.copy()
            if cut.cell_len > name:
                cut.truncate(name, overflow="ellipsis")
            cut.pad_right(name - cut.cell_len)
            lines.append_text(cut)
            if n < len(rates):
                rate = rates[n]
                lines.append(f"  {rate.total:>7}  {rate.percent:>7.0f}%")
                if bar_width:
                    lines.append("  ")
                    lines.append(bar(rate.answered, rate.total, bar_width), style="green")
            lines.append("\n")
        lines.rstrip()
        widget.update(lines)

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
        self.query_one("#insights-weekly", Sparkline).data = ins.weekly
        self._draw_to_width()
