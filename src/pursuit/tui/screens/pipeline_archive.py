"""Archiving, restoring and deleting from the pipeline: the cursor stays where it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pursuit.domain.records import ApplicationRow
    from pursuit.tui.screens.pipeline import PipelineScreen


#: Keys that answer in one view only: the footer names what each does where it is.
IN_THE_ARCHIVE = {"restore", "leave_archive", "advance_archived"}
OUTSIDE_IT = {"archive", "show_archived", "advance"}


def answers_in_view(action: str, archived: bool) -> bool:
    """Whether ACTION answers in the archive (ARCHIVED) or among the active applications."""
    if action in IN_THE_ARCHIVE:
        return archived
    if action in OUTSIDE_IT:
        return not archived
    return True


def keep_the_cursor_in_place(screen: PipelineScreen, row_id: int) -> None:
    """After ROW_ID leaves the list, the cursor goes to its neighbour, not to the top."""
    rows = screen.visible_rows()
    at = next((i for i, r in enumerate(rows) if r.id == row_id), None)
    if at is None:
        return
    neighbour = rows[at + 1] if at + 1 < len(rows) else rows[at - 1] if at else None
    if neighbour is not None:
        screen.select_next = neighbour.id


def archive(screen: PipelineScreen, row: ApplicationRow) -> None:
    """Archive ROW, or restore it when it is archived."""
    restore = row.archived
    keep_the_cursor_in_place(screen, row.id)
    screen.pursuit.run_write(
        lambda store: store.applications.archive(row.id, not restore),
        success=f"{'Restored' if restore else 'Archived'} {row.company} · {row.role}"
        + ("" if restore else " (z shows the archive)"),
    )


def delete(screen: PipelineScreen, row: ApplicationRow) -> None:
    """Delete ROW and its history for good, once the user says yes."""
    from pursuit.tui.screens.confirm import Confirm

    def answered(yes: bool | None) -> None:
        if yes:
            keep_the_cursor_in_place(screen, row.id)
            screen.pursuit.run_write(
                lambda store: store.applications.delete_application(row.id),
                success=f"Deleted {row.company} · {row.role}",
            )

    screen.app.push_screen(
        Confirm(
            f"Delete {row.company} · {row.role} and all its history for good?\n"
            "(Archive with x keeps it out of the way instead.)",
            yes="Delete",
            danger=True,
        ),
        answered,
    )
