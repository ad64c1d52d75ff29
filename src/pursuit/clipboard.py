"""Putting text on the system clipboard, and saying honestly whether it worked."""

from __future__ import annotations


def copy_to_system(text: str) -> bool:
    """Copy TEXT with pyperclip; True only when reading the clipboard back gives TEXT.

    pyperclip needs a clipboard tool (xclip, xsel, wl-copy, pbcopy...); without one it raises,
    and over SSH it may copy to a clipboard the user cannot see, so we check by reading back.
    """
    try:
        import pyperclip

        pyperclip.copy(text)
        return bool(pyperclip.paste() == text)
    except Exception:  # pyperclip raises its own errors and OS errors alike; none may escape
        return False
