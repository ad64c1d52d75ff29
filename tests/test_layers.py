"""The layers hold: the app reaches the file only through the store."""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parents[1] / "src" / "pursuit" / "tui"


def test_nothing_under_tui_imports_sqlite3() -> None:
    offenders = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "sqlite3" or n.startswith("sqlite3.") for n in names):
                offenders.append(f"{path.relative_to(TUI)}:{node.lineno}")
    assert offenders == [], offenders


def test_the_command_line_never_imports_the_launcher() -> None:
    """launch > cli: the entry point calls the command line, never the other way round."""
    cli = TUI.parent / "cli"
    offenders = []
    for path in sorted(cli.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            if "pursuit.launch" in names:
                offenders.append(f"{path.relative_to(cli)}:{node.lineno}")
    assert offenders == [], offenders
