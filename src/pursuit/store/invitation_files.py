"""Reading an invitation file through the one door every file read by name takes (files.py):
a plain file only, opened without blocking, never the database this process holds open."""

from __future__ import annotations

import sys
from pathlib import Path

from pursuit.domain.invitations import (
    MAX_INVITATION,
    Invitation,
    InvitationUnreadable,
    read_invitations,
)
from pursuit.store.errors import UnreadableFile
from pursuit.store.files import open_regular_file


def read_invitation_file(path: str) -> list[Invitation]:
    """The invitations in the file at PATH ("-": standard input), at most MAX_INVITATION bytes."""
    if path == "-":
        return read_invitations(sys.stdin.buffer.read(MAX_INVITATION + 1), "standard input")
    try:
        data = open_regular_file(Path(path), MAX_INVITATION)
    except UnreadableFile as exc:
        raise InvitationUnreadable(str(exc)) from None
    return read_invitations(data, path)
