"""The keys of the three busiest screens, each with the tooltip its footer shows.

Kept apart from the screens so that each reads as what it does; `f1` lists them.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from pursuit.domain.stages import STAGE_KEYS, label

#: PipelineScreen's keys.
PIPELINE_KEYS: list[BindingType] = [
    Binding("a", "add", "Add", id="pipeline.add", tooltip="Add an application"),
    Binding("e", "edit", "Edit", id="pipeline.edit", tooltip="Edit the selected application"),
    Binding(
        "i",
        "app.insights",
        "Insights",
        id="pipeline.insights",
        show=False,  # in F1 and the palette: the footer keeps t, q and f1 at 80 columns
        tooltip="How the search is going: funnel, answers, waiting times",
    ),
    Binding(
        "comma",
        "app.settings",
        "Settings",
        id="pipeline.settings",
        show=False,
        tooltip="Your details, follow-up timings, ticker interval, theme",
    ),
    Binding(
        "n",
        "advance",
        "Next stage",
        id="pipeline.advance",
        tooltip="Move the selected application to the next stage",
    ),
    # The same key in the archive, out of its footer: there z says how to get back, and the
    # footer has no room at 80 columns for both.
    Binding(
        "n",
        "advance_archived",
        "Next stage",
        id="pipeline.advance-archived",
        show=False,
        tooltip="Move the selected application to the next stage",
    ),
    Binding(
        "m",
        "move",
        "Stage…",
        id="pipeline.move",
        show=False,
        tooltip="Move the selected application to any stage",
    ),
    Binding(
        "slash",
        "filter",
        "Filter",
        id="pipeline.filter",
        tooltip="Filter by company, role, location or notes",
    ),
    Binding("o", "sort", "Sort", id="pipeline.sort", show=False, tooltip="Sort by the next column"),
    Binding(
        "r",
        "reverse",
        "Reverse",
        id="pipeline.reverse",
        show=False,
        tooltip="Reverse the sort order",
    ),
    Binding(
        "x",
        "archive",
        "Archive",
        id="pipeline.archive",
        show=False,  # room in the footer for z, which says where archived ones go
        tooltip="Archive the selected application (z shows the archive)",
    ),
    # The same key in the archive: the footer says what it does there.
    Binding(
        "x",
        "restore",
        "Restore",
        id="pipeline.restore",
        tooltip="Take the selected application out of the archive",
    ),
    Binding(
        "z",
        "show_archived",
        "Archive",
        id="pipeline.show-archived",
        tooltip="Show the archive instead of the active applications",
    ),
    Binding(
        "z",
        "leave_archive",
        "Pipeline",
        id="pipeline.leave-archive",
        tooltip="Back from the archive to the active applications",
    ),
    Binding(
        "escape",
        "clear_filter",
        "Clear filter",
        id="pipeline.clear-filter",
        show=False,
        tooltip="Clear the text filter and go back to the rows",
    ),
    Binding(
        "delete",
        "delete",
        "Delete",
        id="pipeline.delete",
        show=False,
        tooltip="Delete the selected application for good (asks first)",
    ),
    *[
        Binding(
            k,
            f"stage_filter('{s}')",
            label(s),
            id=f"pipeline.stage-{s}",
            show=False,
            tooltip=f"Show only {label(s).lower()} applications",
        )
        for k, s in STAGE_KEYS.items()
    ],
    Binding(
        "0",
        "stage_filter('')",
        "All stages",
        id="pipeline.stage-all",
        show=False,
        tooltip="Show every stage",
    ),
]


#: ApplicationScreen's keys. The footer shows those that fit at 80 columns with f1, t and q;
#: i, c and r are in the titles of their lists, and every key is in F1 and the palette.
APPLICATION_KEYS: list[BindingType] = [
    Binding(
        "escape",
        "app.pop_screen",
        "Back",
        id="application.back",
        tooltip="Back to where you were",
    ),
    Binding("e", "edit", "Edit", id="application.edit", tooltip="Edit this application"),
    # What enter does in each list (the list's own "Select"), said here for F1.
    Binding(
        "enter",
        "choose",
        "Open",
        id="application.choose",
        show=False,
        tooltip="On a follow-up: write it; a draft: reopen it; an interview: open it; "
        "a person: edit them",
    ),
    Binding(
        "i",
        "add_interview",
        "Interview",
        id="application.add-interview",
        show=False,
        tooltip="Record an interview",
    ),
    Binding(
        "I",
        "import_invitation",
        "Invitation",
        id="application.import-invitation",
        show=False,
        tooltip="Import an interview invitation (a calendar file, an e-mail, or pasted)",
    ),
    Binding(
        "c",
        "add_contact",
        "Person",
        id="application.add-contact",
        show=False,
        tooltip="Add a recruiter, hiring manager, interviewer or referral",
    ),
    Binding(
        "l",
        "log",
        "Log",
        id="application.log",
        tooltip="Log a message sent, a reply heard, an offer or a rejection",
    ),
    Binding("w", "note", "Note", id="application.note", show=False, tooltip="Write a note"),
    Binding(
        "n", "advance", "Next stage", id="application.advance", tooltip="Move to the next stage"
    ),
    Binding("m", "move", "Stage…", id="application.move", show=False, tooltip="Move to any stage"),
    Binding(
        "d",
        "dismiss_action",
        "Dismiss",
        id="application.dismiss",
        show=False,
        tooltip="Dismiss the selected follow-up",
    ),
    Binding(
        "u",
        "undo_dismiss",
        "Undo dismiss",
        id="application.undo-dismiss",
        show=False,
        tooltip="Bring back the follow-up dismissed last",
    ),
    Binding(
        "k",
        "checklist",
        "Prepare",
        id="application.checklist",
        tooltip="Prepare: the next interview's checklist, or the offer review",
    ),
    Binding(
        "j",
        "description",
        "Description",
        id="application.description",
        show=False,
        tooltip="Read the job description kept with the application, whole",
    ),
    Binding(
        "r",
        "write",
        "Message",
        id="application.write",
        show=False,
        tooltip="Write a message from a template, filled in",
    ),
    Binding(
        "s",
        "mark_sent",
        "Mark sent",
        id="application.mark-sent",
        show=False,
        tooltip="Log the selected follow-up as sent (sent outside pursuit)",
    ),
]


#: DraftEditor's keys.
DRAFT_KEYS: list[BindingType] = [
    Binding("escape", "leave", "Back", id="draft.back", tooltip="Save the draft and go back"),
    Binding(
        "ctrl+s",
        "save",
        "Save",
        id="draft.save",
        tooltip="Save now (it also saves by itself as you type)",
    ),
    Binding(
        "ctrl+y",
        "copy",
        "Copy",
        id="draft.copy",
        tooltip="Copy the subject and message to the clipboard",
        # The text area would take ctrl+y as "redo"; copying matters more here.
        priority=True,
    ),
    Binding(
        "c",
        "copy",
        "Copy",
        id="draft.copy-key",
        show=False,
        tooltip="Copy the subject and message (when not typing)",
    ),
    Binding(
        "ctrl+t,ctrl+enter",
        "mark_sent",
        "Mark sent",
        id="draft.sent",
        tooltip="Log this message as sent, so the follow-ups move on",
        priority=True,
    ),
    Binding(
        "ctrl+r",
        "recipient",
        "To…",
        id="draft.recipient",
        tooltip="Write it to someone else from the interview: a note of their own",
    ),
    Binding(
        "f2",
        "profile",
        "Your details",
        id="draft.profile",
        tooltip="Your name, email, phone, LinkedIn and signature",
    ),
]
