"""Hostile values through every command-line option and form field: stored exactly or refused
with a clear message; never a traceback, never half a write."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, TextArea

from pursuit.cli import main
from pursuit.domain.clock import FixedClock
from pursuit.tui.app import PursuitApp
from pursuit.tui.screens.application_form import ApplicationForm
from pursuit.tui.screens.pipeline import PipelineScreen
from tests.conftest import NOW

from ..tui.conftest import SIZE, settle

HOSTILE = [
    "",
    " ",
    "x" * 100_000,
    "\x00\x01\x02\x1b[31m",
    "\u202eevil\u202c",
    "שלום עולם",
    "🎉💼🙂",
    "'; DROP TABLE application; --",
    "{company} {{x}} [your name]",
    "%s %d {0}",
    "Feb 30",
    "2026-13-45",
    "31/31/2026",
    "-1",
    "-999999999",
    "1e309",
    "99999999999999",
    "\n\n\t",
    "null",
    "NaN",
    "../../etc/passwd",
    "<script>alert(1)</script>",
]
hostile = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40),
)


def _counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    try:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
            for t in ("application", "stage_event", "activity")
        )
    finally:
        conn.close()


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    value=hostile,
    option=st.sampled_from(
        [
            "company",
            "role",
            "--url",
            "--notes",
            "--source",
            "--location",
            "--applied",
            "--sector",
            "--stage",
        ]
    ),
)
def test_add_takes_any_value_or_refuses_it(
    tmp_path_factory: pytest.TempPathFactory, value: str, option: str
) -> None:
    db = tmp_path_factory.mktemp("add") / "p.db"
    clock = FixedClock(NOW)
    args = ["--db", str(db), "add", "Acme", "Engineer", "--json"]
    if option in ("company", "role"):
        args[3 if option == "company" else 4] = value
    else:
        args += [f"{option}={value}"]
    code, out, err = _run(args, clock)
    if code == 0:
        app_id = json.loads(out)["id"]
        _, out, _ = _run(["--db", str(db), "list", "--json"], clock)
        [row] = [r for r in json.loads(out) if r["id"] == app_id]
        field = {
            "company": "company",
            "role": "role",
            "--url": "url",
            "--notes": "notes",
            "--source": "source",
            "--location": "location",
        }.get(option)
        if field:
            assert row[field] == value.strip()
    else:
        assert code == 2, err
        # One clear sentence (after argparse's usage line for a value that looks like an
        # option, such as a company called "-x": `pursuit add -- -x Role` adds it).
        assert "error:" in err and "Traceback" not in err
        if db.exists():
            assert _counts(db) == (0, 0, 0)


def _run(args: list[str], clock: FixedClock) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args, clock=clock)
        except SystemExit as exc:  # argparse's own usage errors
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=hostile, option=st.sampled_from(["--note", "--contact", "--at", "--decision-by"]))
def test_log_takes_any_value_or_refuses_it(
    tmp_path_factory: pytest.TempPathFactory, value: str, option: str
) -> None:
    db = tmp_path_factory.mktemp("log") / "p.db"
    clock = FixedClock(NOW)
    assert _run(["--db", str(db), "add", "Acme", "Engineer"], clock)[0] == 0
    before = _counts(db)
    code, _out, err = _run(["--db", str(db), "log", "1", "heard", f"{option}={value}"], clock)
    if code == 0:
        assert _counts(db)[2] == before[2] + 1
    else:
        assert code == 2 and "Traceback" not in err and "error:" in err
        assert _counts(db) == before


TEXT_FIELDS = ["company", "role", "url", "source", "location"]


@pytest.mark.slow
@pytest.mark.parametrize("fields", [TEXT_FIELDS, ["salary", "applied"]], ids=["text", "parsed"])
async def test_every_form_field_stores_exactly_or_says_why(
    fields: list[str], db_path: Path, clock: FixedClock
) -> None:
    app = PursuitApp(db_path, clock, tick_seconds=3600)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert app.store is not None
        for value in HOSTILE:
            await pilot.press("a")
            form = app.screen
            assert isinstance(form, ApplicationForm)
            form.query_one("#f-company", Input).value = "Acme"
            form.query_one("#f-role", Input).value = "Engineer"
            for field in fields:
                form.query_one(f"#f-{field}", Input).value = value
            form.query_one("#f-notes", TextArea).load_text(value)
            before = len(app.store.views.applications())
            await pilot.press("ctrl+s")
            await settle(pilot)
            if isinstance(app.screen, ApplicationForm):
                # Refused: a field says why, and nothing was written.
                shown = [e for e in app.screen.query("FieldError") if e.has_class("-shown")]
                assert shown, (fields, value)
                assert len(app.store.views.applications()) == before
                await pilot.press("escape", "y")  # leave the refused form (it asks first)
                await settle(pilot)
                continue
            assert isinstance(app.screen, PipelineScreen)
            rows = app.store.views.applications()
            if len(rows) == before:
                # Refused by the store itself: said in a notice, nothing written.
                assert any(n.severity == "error" for n in app._notifications), value
                continue
            newest = max(rows, key=lambda r: r.id)
            for field in fields:
                if field in TEXT_FIELDS:
                    assert getattr(newest, field) == value.strip()
            assert newest.notes == value.strip()


COMMANDS = [
    ["interview", "1", "--at", "{v}"],
    ["interview", "1", "--at", "tomorrow 10am", "--with", "{v}"],
    ["interview", "1", "--at", "tomorrow 10am", "--decision-by", "{v}"],
    ["interview", "1", "--at", "tomorrow 10am", "--round", "{v}", "--location", "{v}"],
    ["stage", "1", "{v}"],
    ["dismiss", "1", "{v}"],
    ["dismiss", "1", "application-check-in", "--contact", "{v}"],
    ["due", "--at", "{v}"],
    ["draft", "1", "{v}"],
    ["draft", "1", "thank-you", "--contact", "{v}"],
    ["config", "set", "check_in_days", "{v}"],
    ["config", "set", "my_name", "{v}"],
    ["import", "{v}"],
    ["restore", "{v}"],
]


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=hostile, command=st.sampled_from(COMMANDS))
def test_every_other_option_takes_any_value_or_refuses_it(
    tmp_path_factory: pytest.TempPathFactory, value: str, command: list[str]
) -> None:
    db = tmp_path_factory.mktemp("any") / "p.db"
    clock = FixedClock(NOW)
    assert _run(["--db", str(db), "add", "Acme", "Engineer"], clock)[0] == 0
    before = _counts(db)
    args = [a.replace("{v}", value) for a in command]
    # A value given as `--option=value` so that one starting with "-" stays a value.
    joined: list[str] = []
    for a in args:
        if (
            joined
            and joined[-1].startswith("--")
            and "=" not in joined[-1]
            and a not in ("--with", "--round", "--location", "--decision-by", "--at", "--contact")
        ):
            joined[-1] = f"{joined[-1]}={a}"
        else:
            joined.append(a)
    code, _out, err = _run(["--db", str(db), *joined], clock)
    assert "Traceback" not in err
    if code != 0:
        assert code == 2 and "error:" in err, err
        assert _counts(db) == before
