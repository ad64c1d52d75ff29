"""A page's HTML as readable text: paragraphs, list items and headings, nothing that runs.

Parsed by selectolax (lexbor), the HTML5 parsing algorithm browsers use, so broken markup
reads as a browser would show it; never taken apart with regular expressions. What a page
hides or runs (scripts, styles, templates, noscript, forms) is dropped; control characters
and terminal sequences go (domain.safe_text.without_controls).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from pursuit.domain.safe_text import without_controls

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

#: Elements whose content is never the posting's text.
DROPPED = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "head",
        "title",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "dialog",
        "-comment",
    }
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that stand apart from what is around them, as paragraphs.
BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "address",
        "table",
        "ul",
        "ol",
        "dl",
        "details",
        "summary",
        "hr",
        "center",
    }
)
#: Elements that start a line of their own but no new paragraph.
LINES = frozenset({"li", "tr", "dt", "dd", "caption"})
CELLS = frozenset({"td", "th"})
#: Longest description kept (the application's field holds 100,000 characters).
LONGEST = 100_000

_PARAGRAPH, _LINE = 2, 1


class _Writer:
    """Text and breaks in, readable text out: a break is as strong as the strongest asked."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.pending = 0
        #: What the next line starts with (a list item's dash).
        self.prefix = ""

    def text(self, value: str) -> None:
        words = " ".join(value.split())
        if not words:
            # A space between two words still separates them ("a <b>b</b>").
            if value and self.current and not self.current[-1].endswith(" "):
                self.current.append(" ")
            return
        if self.pending:
            self._end_line()
            if self.pending == _PARAGRAPH and self.lines:
                self.lines.append("")
            self.pending = 0
        if not self.current:
            self.current.append(self.prefix)
            self.prefix = ""
        elif value[:1].isspace() and not self.current[-1].endswith(" "):
            self.current.append(" ")
        self.current.append(words)
        if value[-1:].isspace():
            self.current.append(" ")

    def brk(self, strength: int) -> None:
        if self.current or self.lines:
            self.pending = max(self.pending, strength)

    def newline(self) -> None:
        """<br>: a line ends here, even an empty one."""
        if self.current:
            self._end_line()
        elif self.lines and self.lines[-1] != "":
            self.lines.append("")

    def _end_line(self) -> None:
        line = "".join(self.current).rstrip()
        if line.strip():
            self.lines.append(line)
        self.current = []

    def result(self) -> str:
        self._end_line()
        out: list[str] = []
        for line in self.lines:
            if line == "" and (not out or out[-1] == ""):
                continue
            out.append(line)
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out)


def node_text(node: LexborNode) -> str:
    """The readable text of NODE and everything in it."""
    writer = _Writer()
    # Depth first, by hand: a page nested ten thousand deep must not exhaust the stack.
    stack: list[tuple[LexborNode, bool, int]] = [(node, False, 0)]
    while stack:
        current, leaving, depth = stack.pop()
        tag = current.tag or ""
        # Inside a list, a paragraph is a line of its item: the list stays together.
        block = _LINE if depth > 0 else _PARAGRAPH
        if leaving:
            if tag in LINES:
                writer.brk(_LINE)
            elif tag in BLOCKS or tag in HEADINGS:
                writer.brk(block)
            continue
        if tag == "-text":
            writer.text(without_controls(current.text_content or ""))
            continue
        if tag in DROPPED or "hidden" in _attributes(current):
            continue
        if tag == "br":
            writer.newline()
            continue
        if tag in LINES:
            writer.brk(_LINE)
            if tag == "li":
                writer.prefix = "  " * max(depth - 1, 0) + "- "
        elif tag in HEADINGS or tag in BLOCKS:
            writer.brk(block)
        elif tag in CELLS:
            writer.text(" ")
        stack.append((current, True, depth))
        # The list depth counts lists inside list items, for the indent of nested items.
        inner = depth + 1 if tag in ("ul", "ol") else depth
        children = []
        child = current.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False, inner) for c in reversed(children))
    return _shortened(writer.result())


def _attributes(node: LexborNode) -> dict[str, str | None]:
    try:
        return node.attributes
    except Exception:  # a node kind without attributes
        return {}


def html_text(markup: str) -> str:
    """The readable text of an HTML fragment (a posting's description).

    Some sites encode the HTML once more ("&lt;p&gt;..."): the text of such a fragment is
    itself HTML, read again (twice at most).
    """
    from selectolax.lexbor import LexborHTMLParser

    text = markup
    for _ in range(3):
        body = LexborHTMLParser(text).body
        if body is None:
            return ""
        if not _holds_markup(body) and _holds_markup(_body(html.unescape(text))):
            text = html.unescape(text)
            continue
        return node_text(body)
    return plain_text(html.unescape(text))


def _body(text: str) -> LexborNode | None:
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(text).body


def _holds_markup(body: LexborNode | None) -> bool:
    """Whether BODY has an element in it, not only text."""
    child = body.child if body is not None else None
    while child is not None:
        if child.tag and not child.tag.startswith("-"):
            return True
        child = child.next
    return False


def plain_text(text: str) -> str:
    """Pasted or plain TEXT tidied: lines kept, runs of spaces and blank lines collapsed."""
    lines = [" ".join(line.split()) for line in without_controls(text).splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return _shortened("\n".join(out))


def one_line(text: object) -> str:
    """A name or a place from a page: one line, no controls, entities decoded, no tags."""
    if not isinstance(text, str | int | float):
        return ""
    value = str(text)
    if "<" in value or "&" in value:
        value = html_text(value)
    return " ".join(without_controls(value).split())[:200]


def _shortened(text: str) -> str:
    if len(text) <= LONGEST:
        return text
    cut = text.rfind("\n\n", 0, LONGEST - 2)
    return text[: cut if cut > 0 else LONGEST - 2].rstrip() + "\n…"
