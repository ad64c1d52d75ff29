"""What kind of interview it is: the one list the forms, the command line and the store check."""

from __future__ import annotations

from typing import Final

INTERVIEW_KINDS: Final = ("phone", "video", "onsite", "panel", "group", "technical")
