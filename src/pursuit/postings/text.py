"""A page's HTML as readable text: paragraphs, list items and headings, nothing that runs.

Lists keep their shape: "- item" for a bulleted list, "1. item" for a numbered one, and two
spaces more before the items of a list inside a list. A link keeps its address after its text
("our site (https://example.com)"), unless the text already says it.

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
#: The longest address kept after a link's text; a longer one is left out.
_LONGEST_LINK = 2_000

_PARAGRAPH, _LINE = 2, 1


class _List:
    """A list being read: numbered ("ol") or not, and how many items it has had."""

    def __init__(self, numbered: bool, start: int) -> None:
        self.numbered = numbered
        self.next = start

    def marker(self) -> str:
        if not self.numbered:
            return "- "
        number, self.next = self.next, self.next + 1
        return f"{number}. "


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


def node_text(node: LexborNode, *, links: bool = True) -> str:
    """The readable text of NODE and everything in it; with each link's address after its
    text when LINKS."""
    writer = _Writer()
    # Depth first, by hand: a page nested ten thousand deep must not exhaust the stack.
    # Each entry: the node, what to write on leaving it (None: it is being entered), the
    # depth of lists it is in, and the list its items belong to.
    stack: list[tuple[LexborNode, str | None, int, _List | None]] = [(node, None, 0, None)]
    while stack:
        current, leaving, depth, within = stack.pop()
        tag = current.tag or ""
        # Inside a list, a paragraph is a line of its item: the list stays together.
        block = _LINE if depth > 0 else _PARAGRAPH
        if leaving is not None:
            if leaving:
                writer.text(leaving)
            if tag in LINES:
                writer.brk(_LINE)
            elif tag in BLOCKS or tag in HEADINGS:
                writer.brk(block)
            continue
        if tag == "-text":
            writer.text(without_controls(current.text_content or ""))
            continue
        attributes = _attributes(current)
        if tag in DROPPED or "hidden" in attributes:
            continue
        if tag == "br":
            writer.newline()
            continue
        if tag in LINES:
            writer.brk(_LINE)
            if tag == "li":
                marker = within.marker() if within is not None else "- "
                writer.prefix = "  " * max(depth - 1, 0) + marker
        elif tag in HEADINGS or tag in BLOCKS:
            writer.brk(block)
        elif tag in CELLS:
            writer.text(" ")
        after = ""
        if tag == "a" and links:
            address = _link_address(attributes.get("href"))
            if address and not _says(current.text(deep=True), address):
                after = f" ({address})"
        stack.append((current, after, depth, within))
        # The list depth counts lists inside list items, for the indent of nested items.
        inner, items = depth, within
        if tag in ("ul", "ol"):
            inner, items = depth + 1, _List(tag == "ol", _start(attributes))
        children = []
        child = current.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, None, inner, items) for c in reversed(children))
    return writer.result()


def _start(attributes: dict[str, str | None]) -> int:
    """The first number of a numbered list (`<ol start=3>`), 1 when it does not say."""
    given = (attributes.get("start") or "").strip()
    return int(given) if given.isdigit() and len(given) < 7 else 1


def _link_address(href: str | None) -> str:
    """The address a link leads to, as the text shows it: an http or https address, or the
    mail address of a mailto: link; "" for anything else (a script, a page of the same
    site)."""
    given = without_controls(href or "").strip()
    if not given or len(given) > _LONGEST_LINK or any(c.isspace() for c in given):
        return ""
    scheme = given.partition(":")[0].lower()
    if scheme in ("http", "https") and given[len(scheme) :].startswith("://") and len(given) > 8:
        return given
    if scheme == "mailto":
        from urllib.parse import unquote

        mail = without_controls(unquote(given[len("mailto:") :].split("?", 1)[0])).strip()
        return mail if "@" in mail and not any(c.isspace() for c in mail) else ""
    return ""


def _says(text: str, address: str) -> bool:
    """Whether a link's TEXT already shows its ADDRESS (or says nothing to add it to)."""

    def bare(value: str) -> str:
        value = value.strip().lower()
        for scheme in ("https://", "http://", "mailto:"):
            value = value.removeprefix(scheme)
        return value.removeprefix("www.").rstrip("/")

    shown = bare(" ".join(text.split()))
    return not shown or bare(address) in shown


def _attributes(node: LexborNode) -> dict[str, str | None]:
    try:
        return node.attributes
    except Exception:  # a node kind without attributes
        return {}


def html_text(markup: str, *, links: bool = True) -> str:
    """The readable text of an HTML fragment (a posting's description).

    Some sites encode the HTML once more ("&lt;p&gt;..."): the text of such a fragment is
    itself HTML, read again (twice at most). A fragment with no element in it is plain text,
    and keeps its lines as plain text does.
    """
    from selectolax.lexbor import LexborHTMLParser

    text = markup
    for _ in range(3):
        body = LexborHTMLParser(text).body
        if body is None:
            return ""
        if not _holds_markup(body):
            if _holds_markup(_body(html.unescape(text))):
                text = html.unescape(text)
                continue
            return plain_text(_texts_in(body))
        return node_text(body, links=links)
    return plain_text(html.unescape(text))


def _texts_in(body: LexborNode) -> str:
    """The text of BODY, which holds no element: its text nodes (entities decoded), without
    its comments."""
    parts: list[str] = []
    child = body.child
    while child is not None:
        if child.tag == "-text":
            parts.append(child.text_content or "")
        child = child.next
    return "".join(parts)


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
    """Pasted or plain TEXT tidied: lines kept, runs of spaces and blank lines collapsed; a
    list item keeps its indent (a tab as two spaces), which says how deep it is nested."""
    lines = [_tidy_line(line) for line in without_controls(text).splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


#: How a list item begins: a bullet, or a number or letter and a dot or parenthesis.
_ITEM_MARKS = ("-", "*", "•", "–", "·", "+")


def _tidy_line(line: str) -> str:
    words = " ".join(line.split())
    if not words or not line[:1].isspace() or not _is_item(words):
        return words
    indent = line[: len(line) - len(line.lstrip())]
    return " " * sum(2 if c == "\t" else 1 for c in indent) + words


def _is_item(words: str) -> bool:
    first = words.split(" ", 1)[0]
    if first in _ITEM_MARKS:
        return True
    mark = first[:-1]
    return (
        len(first) > 1
        and first[-1] in ".)"
        and (mark.isdigit() or (len(mark) == 1 and mark.isalpha()))
    )


def one_line(text: object) -> str:
    """A name or a place from a page: one line, no controls, entities decoded, no tags."""
    if not isinstance(text, str | int | float):
        return ""
    value = str(text)
    if "<" in value or "&" in value:
        value = html_text(value, links=False)
    return " ".join(without_controls(value).split())[:200]
