"""Text from outside, made safe for each place it goes: the terminal, markup, JSON, CSV, iCalendar.

What pursuit stores comes from outside (typed, imported, restored, pasted) and is kept exactly
as given. It is made harmless where it is shown instead: a control character never reaches a
terminal as a control sequence, a bracket is never read as markup, a cell never runs as a
spreadsheet formula. Every way out goes through this module, so there is one place to get it
right. No Textual or Rich here: the layers below the app use it too.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: C0 controls, DEL and C1 controls: each one can start or be part of a terminal sequence
#: (U+009B is CSI on its own; U+009D is OSC).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (ESC shows as ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    # A C1 control is ESC and a letter in 8 bits: show it as that pair, ␛[ for CSI.
    return "\u241b" + chr(code - 0x40)


#: Bidirectional overrides and isolates: they reorder what a terminal shows ("Trojan source").
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: object, *, multiline: bool = False) -> str:
    """TEXT with every control character shown as a visible picture, never sent.

    Newlines and tabs are kept only where the field may hold them (MULTILINE); on one line
    they show as pictures too, so a name cannot break a table's layout.
    """
    value = text if isinstance(text, str) else str(text)
    pattern = _CONTROLS_BUT_LAYOUT if multiline else _CONTROLS
    value = pattern.sub(_visible, value)
    if _BIDI.search(value):
        value = _BIDI.sub("\ufffd", value)  # shown as a replacement mark, never obeyed
    return value


#: What Rich (and so Textual) reads as a markup tag: `[` then a tag-like word, up to `]`.
_MARKUP_TAG = re.compile(r"(\\*)(\[[a-zA-Z#/@].*?\])")


def for_markup(text: object, *, multiline: bool = False) -> str:
    """TEXT for a place that reads Rich markup: shown as typed, brackets and all.

    The same escaping as `rich.markup.escape` (kept here so that the store and the command
    line, which never import Rich, share the one module): a backslash before each tag.
    """
    value = for_terminal(text, multiline=multiline)

    def escape_tag(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    value = _MARKUP_TAG.sub(escape_tag, value)
    if value.endswith("\\") and not value.endswith("\\\\"):
        value += "\\"
    return value


#: Characters a JSON string may hold raw but a terminal or a JavaScript reader would act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(value: Any, **options: Any) -> str:
    """VALUE as JSON with C1 controls, line separators and bidi overrides escaped as well as C0.

    The encoder already escapes C0; these can only stand inside strings, so escaping them in
    the encoder's output keeps it valid JSON that decodes to exactly the same text.
    """
    options.setdefault("ensure_ascii", False)
    return _json_safe(json.dumps(value, **options))


def _json_safe(encoded: str) -> str:
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


#: One encoder for every record: `json.dumps` with options makes a new one per call.
_RECORD = json.JSONEncoder(ensure_ascii=False)


def json_records(values: list[Any]) -> str:
    """VALUES as a JSON list, a record a line, escaped as `json_text` escapes (in one pass)."""
    records = ",\n  ".join(map(_RECORD.encode, values))
    return _json_safe(f"[\n  {records}\n]")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)?|\.\d+)([eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP's advice).

    A text that starts like a formula gets a leading apostrophe, which spreadsheets hide;
    numbers (and texts that are plain numbers, such as "-5") stay numbers; dates are written
    ISO, which never starts with a sign. Control characters show as pictures: a report may be
    printed to a terminal. Newlines stay, inside the quoted cell.
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        text = "'" + text
    return for_terminal(text, multiline=True)


def ics_text(text: object) -> str:
    """A TEXT value for iCalendar (RFC 5545, 3.3.11), with no control characters left.

    TEXT may hold no control character but the newline, so the others show as pictures. The
    escaping of backslash, semicolon, comma and newline, and the folding of long lines at 75
    octets without splitting a character, are the icalendar writer's (vText), which every
    value passes through: doing it here as well would escape twice.
    """
    value = str(text).replace("\r\n", "\n").replace("\t", " ")
    return for_terminal(value, multiline=True)


#: Bytes that were not UTF-8 arrive in Python's text as lone surrogates; SQLite cannot store them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def outside_text(text: str, *, multiline: bool = False, limit: int = 20_000) -> str:
    """Text someone else wrote (an invitation's description, a name in it) as pursuit keeps it.

    What the job seeker types is kept exactly; what arrives from outside is cleaned on the way
    in instead: control characters, bidi overrides, lone surrogates and NULs are dropped (not
    pictured: they were never meant to be read), a tab is a space, and spacing is tidied
    (one line: single spaces; MULTILINE: lines kept, at most one blank line in a row). At most
    LIMIT characters are kept.
    """
    value = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    keep = _CONTROLS_BUT_LAYOUT if multiline else _CONTROLS
    value = _SURROGATE.sub("", _BIDI.sub("", keep.sub(" " if not multiline else "", value)))
    if not multiline:
        return " ".join(value.split())[:limit]
    lines = [" ".join(line.split()) for line in value.split("\n")]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip()[:limit]


class TextNotAllowed(ValueError):
    """A field was given a character no field may hold."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field


def check_stored_text(field: str, value: str | None) -> None:
    """Refuse at the door what no field may hold: a NUL cuts text short in SQLite and C."""
    if value is None:
        return
    if "\x00" in value:
        raise TextNotAllowed(field, "contains a NUL character, which no field may hold")
    if _SURROGATE.search(value):
        raise TextNotAllowed(field, "contains bytes that are not UTF-8 text")


class TerminalStream:
    """A text stream that shows control characters as pictures: the command line's stdout.

    Everything the command line prints goes through one of these, so no message, table or
    draft can carry a control sequence to the terminal, whichever command printed it. Data
    formats (an export or a calendar written to stdout) go to `buffer` as bytes, escaped by
    their own rules above.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(for_terminal(text, multiline=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        # flush, fileno, buffer, isatty, encoding...: the stream's own.
        return getattr(self.inner, name)
