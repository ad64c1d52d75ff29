"""Text as a terminal pastes it, with its line ends made LF.

A terminal sends each line feed of a paste as a carriage return (xterm does, and so does
tmux's paste-buffer -p): a text whose lines end LF arrives with a lone CR ending each line, and
a CRLF one (an e-mail saved as .eml) with CR CR. Read as they arrive, a CR CR would be a blank
line after every line, and an e-mail's headers would end at its first line.
"""

from __future__ import annotations

import re


def pasted_text(text: str) -> str:
    """TEXT with every line ending LF.

    Without an LF, a text whose every run of CRs is of even length came from a CRLF file: each
    CR CR ends one line. Any other CR ends a line alone, and a CRLF is one line end.
    """
    if "\r" not in text:
        return text
    if "\n" not in text and all(len(run) % 2 == 0 for run in re.findall(r"\r+", text)):
        return text.replace("\r\r", "\n")
    return text.replace("\r\n", "\n").replace("\r", "\n")
