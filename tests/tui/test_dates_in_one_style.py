"""Every date a person reads is in one style: `today`, `tomorrow`, `Tue 8 Dec`, `Tue 8 Dec 14:00`.

The app's screens and the command line's outputs, on demo data at a fixed moment, are searched
for the styles pursuit used to mix (`Dec 8`, `Tue 08 Dec`, `Thu 3`, `24 Aug`, `2026-11-18 14:00`,
`Tuesday, December 8`). Form fields keep the ISO form (what can be typed back) and drafted
messages the long one, so those two are left out of the search.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import Input, TextArea

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.store.repo import Store
from pursuit.tui.app import PursuitApp
from tests.tour import SCREENS as TOUR

from .conftest import settle

WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
#: The styles that are not pursuit's, each with an example of it.
OTHER_STYLES = {
    "Tue 08 Dec": re.compile(rf"\b0\d {MONTH}\b"),
    "Dec 8": re.compile(rf"\b{MONTH} \d{{1,2}}\b(?![:\d])"),
    # (a date the screen wraps at its end, `Sun 25` / `Oct`, goes on on the next line)
    "Thu 3": re.compile(rf"\b{WEEKDAY} \d{{1,2}}\b(?![:\d]| {MONTH}|[ │▏]*\n)"),
    "24 Aug": re.compile(rf"(?<!{WEEKDAY} )\b\d{{1,2}} {MONTH}\b"),
    "2026-11-18": re.compile(r"\b\d{4}-\d\d-\d\d\b"),
    "Tuesday, December 8": re.compile(
        r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
        r"|April|June|July|August|September|October|November|December)\b"
    ),
}
THE_STYLE = re.compile(rf"\b{WEEKDAY} \d{{1,2}} {MONTH}\b")
SCREENS = ("pipeline", "today", "application", "interview", "checklist", "insights")


def terminal_text(app: App[object]) -> str:
    """The terminal's characters, row by row (the tour's SVG text runs styled spans together)."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().replace("\xa0", " ")


def other_styles(text: str) -> list[str]:
    """Each date in TEXT written in a style that is not pursuit's, with the style it is in."""
    return [
        f"{m.group(0)!r} (like {example!r}) in {text[max(0, m.start() - 30) : m.end() + 30]!r}"
        for example, pattern in OTHER_STYLES.items()
        for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("screen", SCREENS)
async def test_every_screen_writes_dates_in_one_style(
    db_path: Path, clock: FixedClock, screen: str, size: tuple[int, int]
) -> None:
    app = PursuitApp(db_path, clock, demo=True, tick_seconds=3600)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        # The tour's own check of a text is made at 120x40; here only the screen reached counts.
        await TOUR[screen].steps(pilot)
        await settle(pilot)
        assert isinstance(pilot.app.screen, TOUR[screen].screen)
        seen = terminal_text(pilot.app)
        for field in pilot.app.screen.query(Input):
            seen = seen.replace(field.value, "")
        for area in pilot.app.screen.query(TextArea):
            for line in area.text.splitlines():
                seen = seen.replace(line, "")
    assert not other_styles(seen), "\n".join([seen, *other_styles(seen)])
    if size == (120, 40):  # at 80x24 a screen's dates can be below its fold (insights)
        assert THE_STYLE.search(seen) or re.search(r"\b(?:today|tomorrow|yesterday)\b", seen)


def test_the_command_line_writes_dates_in_one_style(
    demo_store: Store, db_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_store.close()

    def run(*argv: str) -> str:
        main(["--db", str(db_path), *argv], clock=clock)
        out, err = capsys.readouterr()
        return out + err

    listed = run("list")
    northwind = next(line.split()[0] for line in listed.splitlines() if "Northwind" in line)

    shown = {
        "list": listed,
        "due": run("due"),
        "due later": run("due", "--at", "in 3 weeks"),
        "interview": run("interview", northwind, "--at", "Dec 3 14:00"),
        "decision before the interview": run(
            "interview", northwind, "--at", "Dec 3 14:00", "--decision-by", "Dec 1"
        ),
        "log to come": run("log", northwind, "heard", "--at", "in 2 days"),
        "log too soon": run("log", northwind, "sent-check-in"),
    }
    # An error quotes what was typed ('Dec 1'): that is the user's text, not pursuit's.
    found = {name: other_styles(re.sub(r"'[^'\n]*'", "", text)) for name, text in shown.items()}
    assert not any(found.values()), found
    assert THE_STYLE.search(shown["due later"]), shown["due later"]
    assert THE_STYLE.search(shown["decision before the interview"])
    # A drafted message is the one place for the long form.
    drafted = run("draft", northwind, "thank-you")
    assert re.search(r"\b[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}\b", drafted), drafted
