"""The import preview at 80 columns: a meeting link too long for a line folds under itself,
after its label, and can still be read whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.import_invitation import ImportInvitationScreen

from .test_import_invitation import add_applications, read_file

TEAMS = (
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTQ1%40thread.v2/0"
    "?context=%7b%22Tid%22%3a%2272f9%22%7d"
)


def drawn(screen: ImportInvitationScreen) -> list[str]:
    """The preview's lines as drawn on the terminal, from the left of its text (its padding off)."""
    preview = screen.query_one("#invitation-preview", Static)
    width, height = preview.outer_size
    left = preview.gutter.left
    strips = preview.render_lines(Region(0, 0, width, height))
    return [strip.text[left:].rstrip() for strip in strips]


@pytest.mark.parametrize("columns", [80, 120])
async def test_a_long_meeting_link_folds_under_itself_not_back_at_the_edge(
    db_path: Path, clock: FixedClock, columns: int
):
    add_applications(db_path, clock, ("Fabrikam", "Staff Engineer"))
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=(columns, 40)) as pilot:
        screen = await read_file(pilot, "outlook-teams.ics")
        assert isinstance(screen, ImportInvitationScreen)
        lines = drawn(screen)
        [at] = [i for i, line in enumerate(lines) if line.startswith("  • link ")]
        column = len("  • link ")
        folded = [lines[at]]
        for line in lines[at + 1 :]:
            if line[:column].strip() or not line.strip():
                break  # the next bullet, or the end
            folded.append(line)
        assert len(folded) > 1, lines  # too long for one line at either width
        assert all(line[:column] == " " * column and line[column] != " " for line in folded[1:])
        assert "".join(line[column:] for line in folded) == TEAMS
        assert lines[at + len(folded)].startswith("  • Sam Ortiz as the recruiter")
        assert all(
            len(line) <= screen.query_one("#invitation-preview").size.width for line in lines
        )
