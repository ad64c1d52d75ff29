"""Editing an application and moving it between stages: the same keys on every screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from pursuit.domain.stages import CLOSED, label, next_stage
from pursuit.tui.saving import typed_text
from pursuit.tui.screens.base import now_of, pursuit_of

if TYPE_CHECKING:
    from pursuit.domain.records import ApplicationRow


def stage_text(row: ApplicationRow) -> str:
    return label(row.stage) + (" (archived)" if row.archived else "")


def edit(screen: Screen[Any], row: ApplicationRow) -> None:
    from pursuit.tui.screens.application_form import ApplicationForm

    app = pursuit_of(screen)

    def saved(values: dict[str, Any] | None) -> None:
        if values:
            app.run_write(
                lambda store: store.applications.update_application(row.id, **values),
                success=f"Saved {values['company']} · {values['role']}",
                what=f"your changes to {values['company']}",
                kept=typed_text(values),
            )

    app.push_screen(ApplicationForm(now_of(app), row), saved)


def add(screen: Screen[Any], done: Callable[[int], None] | None = None) -> None:
    from pursuit.tui.screens.application_form import ApplicationForm

    app = pursuit_of(screen)

    def saved(values: dict[str, Any] | None) -> None:
        if values:
            app.run_write(
                lambda store: store.applications.add_application(**values),
                done,
                success=f"Added {values['company']} · {values['role']}",
                what=f"the new application to {values['company']}",
                kept=typed_text(values),
            )

    app.push_screen(ApplicationForm(now_of(app)), saved)


def advance(screen: Screen[Any], row: ApplicationRow) -> None:
    target = next_stage(row.stage)
    if target is None:
        screen.notify(
            f"{label(row.stage)} has no next stage; press m to pick one.", severity="warning"
        )
        return
    if target not in CLOSED:
        _move_to(screen, row, target)
        return
    # One key that ends an application (an offer accepted) asks first.
    from pursuit.tui.screens.confirm import Confirm

    def answered(yes: bool | None) -> None:
        if yes:
            _move_to(screen, row, target)

    screen.app.push_screen(
        Confirm(
            f"Mark {row.company} · {row.role} as {label(target)}? Its follow-ups end there.",
            yes=label(target),
            no="Not yet",
        ),
        answered,
    )


def move(screen: Screen[Any], row: ApplicationRow) -> None:
    from pursuit.tui.screens.stage_picker import StagePicker

    def picked(stage: str | None) -> None:
        if stage and stage != row.stage:
            _move_to(screen, row, stage)

    screen.app.push_screen(StagePicker(f"Move {row.company} to…", row.stage), picked)


def _move_to(screen: Screen[Any], row: ApplicationRow, stage: str) -> None:
    app = pursuit_of(screen)
    app.run_write(
        lambda store: store.applications.set_stage(row.id, stage),
        success=f"{row.company}: {label(row.stage)} → {label(stage)}",
    )
