"""The README's Quick start is what CI runs, so the documented set-up is proven every time."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    demo, tests = quick_start_commands()
    assert "pursuit demo" in demo
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    _demo, tests = quick_start_commands()
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert tests in ci


def test_every_screenshot_the_readme_shows_exists() -> None:
    text = (ROOT / "README.md").read_text()
    for path in re.findall(r"\]\((screenshots/[^)]+)\)", text):
        assert (ROOT / path).is_file(), path
