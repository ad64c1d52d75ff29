"""What a job page says: its JobPosting data, else its OpenGraph tags, else its title.

Each source fills only what the ones before it left blank, so a page whose JSON-LD names the
role but not the employer still gets the employer from `og:site_name`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pursuit.postings.addresses import kept_address
from pursuit.postings.jsonld import job_postings, posting_from
from pursuit.postings.posting import CaptureFailed, Posting
from pursuit.postings.text import html_text, node_text, one_line, plain_text

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

#: Files that are not pages, by how they start.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a zip archive (or a Word or OpenOffice document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
)
#: How an HTML document can begin (after blanks and a byte-order mark), in lower case.
_HTML_STARTS = (
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<!--",
    "<meta",
    "<title",
    "<div",
    "<p",
)


def binary_kind(data: bytes | str) -> str | None:
    """What DATA is when it is plainly not text ("a PNG image"), else None."""
    head = data[:1024].encode("latin-1", "replace") if isinstance(data, str) else data[:1024]
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


def looks_like_html(data: bytes | str) -> bool:
    head = data[:1024] if isinstance(data, str) else data[:1024].decode("utf-8", "replace")
    start = head.lstrip("\ufeff \t\r\n").lower()
    return start.startswith(_HTML_STARTS)


def parse(data: bytes | str, charset: str | None = None) -> LexborHTMLParser:
    """DATA as a document: in the CHARSET the site named, else as the page itself declares
    (byte-order mark, `<meta charset>`), else UTF-8."""
    from selectolax.lexbor import LexborHTMLParser

    if isinstance(data, bytes) and charset:
        try:
            codecs.lookup(charset)
            data = data.decode(charset, "replace")
        except (LookupError, ValueError):
            pass
    if isinstance(data, bytes):
        return LexborHTMLParser(data, encoding=True, scripting=True)
    return LexborHTMLParser(data, scripting=True)


def read_page(data: bytes | str, *, charset: str | None = None, address: str = "") -> Posting:
    """The posting in the page DATA, fetched from ADDRESS (after redirects) or saved ("")."""
    tree = parse(data, charset)
    posting = Posting()
    blocks = [
        node.text() for node in tree.css("script") if _is_json_ld(node.attributes.get("type"))
    ]
    for job in job_postings(blocks):
        found = posting_from(job)
        if found.role or found.company:
            posting = found
            break
    if not (posting.role or posting.company):
        _check_is_a_posting(tree)
    posting = _filled(posting, _from_tags(tree))
    if not posting.description:
        posting = replace(posting, description=_main_text(tree))
    return replace(posting, url=canonical(tree, address))


#: The title of a page that is not a posting: a sign-in wall, a page not found.
_SIGN_IN = re.compile(r"\b(sign[ -]?in|log[ -]?in|sign[ -]?up)\b", re.IGNORECASE)
_BLOCKED = re.compile(
    r"\b(access denied|forbidden|unauthori[sz]ed|just a moment|attention required"
    r"|are you a robot|captcha|security check|verify you are human)\b",
    re.IGNORECASE,
)
_NOT_FOUND = re.compile(
    r"\b(not found|404|no longer available|job has expired|has been filled)\b", re.IGNORECASE
)


def _check_is_a_posting(tree: LexborHTMLParser) -> None:
    """CaptureFailed when a page without posting data is titled as a sign-in wall or as a
    page not found: adding it would make an application named after the wall."""
    node = tree.css_first("title")
    title = one_line(node.text() if node is not None else "")
    if _SIGN_IN.search(title):
        raise CaptureFailed(
            f"the page is a sign-in page ({title!r}), not the posting: open the posting in "
            "your browser, save the page, and give its file (or paste it with --from -)"
        )
    if _BLOCKED.search(title):
        raise CaptureFailed(
            f"the site showed a check or a refusal ({title!r}) instead of the posting: open it "
            "in your browser, save the page, and give its file (or paste it with --from -)"
        )
    if _NOT_FOUND.search(title):
        raise CaptureFailed(f"the page says {title!r}: the posting is not there any more")


def _is_json_ld(kind: str | None) -> bool:
    return (kind or "").split(";")[0].strip().lower() == "application/ld+json"


def _meta(tree: LexborHTMLParser, name: str) -> str:
    for node in tree.css("meta"):
        attrs = node.attributes
        if (attrs.get("property") or attrs.get("name") or "").strip().lower() == name:
            return attrs.get("content") or ""
    return ""


def _from_tags(tree: LexborHTMLParser) -> Posting:
    site = one_line(_meta(tree, "og:site_name"))
    og_title = one_line(_meta(tree, "og:title"))
    title_node = tree.css_first("title")
    title = one_line(title_node.text() if title_node is not None else "")
    description = plain_text(html_text(_meta(tree, "og:description")))
    for text, found_by in ((og_title, "opengraph"), (title, "title")):
        if text:
            company, role = role_and_company(text, site)
            if role:
                return Posting(
                    company=company, role=role, description=description, found_by=found_by
                )
    return Posting(company=site, description=description, found_by="opengraph" if site else "")


def _filled(first: Posting, then: Posting) -> Posting:
    """FIRST, with what it left blank taken from THEN."""
    return replace(
        first,
        company=first.company or then.company,
        role=first.role or then.role,
        description=first.description or then.description,
        found_by=first.found_by or then.found_by,
    )


def _main_text(tree: LexborHTMLParser) -> str:
    """A page without a description anywhere else: its main content's text, if it has one."""
    for selector in ("main", "article", "[role=main]"):
        node = tree.css_first(selector)
        if node is not None:
            return node_text(node)
    return ""


def canonical(tree: LexborHTMLParser, address: str) -> str:
    """`<link rel=canonical>`, else `og:url`, else ADDRESS; as kept (addresses.kept_address)."""
    for node in tree.css("link"):
        rel = (node.attributes.get("rel") or "").lower().split()
        href = node.attributes.get("href")
        if "canonical" in rel and href:
            found = kept_address(href, address)
            if found:
                return found
    og = _meta(tree, "og:url")
    return (kept_address(og, address) if og else "") or kept_address(address)


#: Words that separate the parts of a page's title.
_SEPARATORS = (" | ", " – ", " — ", " - ", " · ", " :: ", " • ")
#: What some sites put before the role ("Job Application for Data Engineer at Acme").
_PREFIXES = ("job application for ", "apply for ", "job: ", "careers: ")
#: Titles that name a site, not a job.
_NOT_ROLES = frozenset({"careers", "jobs", "job", "home", "apply", "job board", "open positions"})


#: Job boards that end a posting's title with their own name: never the company.
_BOARDS = frozenset(
    {
        "linkedin", "indeed", "indeed.com", "glassdoor", "monster", "ziprecruiter",
        "wellfound", "angellist", "otta", "welcome to the jungle", "stepstone", "xing",
        "reed.co.uk", "totaljobs", "simplyhired", "dice", "built in", "workable",
        "smartrecruiters", "jobvite", "bamboohr", "personio", "recruitee", "teamtailor",
        "jobs.ch", "seek", "naukri", "hired", "talent.com",
    }
)  # fmt: skip


def role_and_company(title: str, site: str = "") -> tuple[str, str]:
    """(company, role) from a page title: "Role at Company", "Company - Role", "Role |
    Company", "Company is hiring a Role"; SITE (og:site_name) tells which part is the company.
    A job board's name at the end is dropped: on a board the title runs Role, Company, place.
    """
    from pursuit.domain.companies import company_key

    text = " ".join(title.split())
    board = _board_named_last(text)
    if board is not None:
        return _on_a_board(text[: -len(board)].rstrip(" |-–—·"))
    lower = text.lower()
    for marker in (
        " is hiring for a ",
        " is hiring for an ",
        " is hiring for ",
        " is hiring an ",
        " is hiring a ",
        " is hiring ",
    ):
        if marker in lower:
            at = lower.index(marker)
            return _tidy(text[:at]), _role(text[at + len(marker) :])
    for prefix in _PREFIXES:
        if lower.startswith(prefix):
            text = text[len(prefix) :]
            break
    parts = [text]
    for separator in _SEPARATORS:
        if separator in text:
            parts = [p.strip() for p in text.split(separator) if p.strip()]
            break
    site_key = company_key(site) if site else ""
    if len(parts) > 1 and site_key:
        for i, part in enumerate(parts):
            if company_key(part) == site_key:
                others = [p for j, p in enumerate(parts) if j != i]
                company, role = _at(others[0])
                return _tidy(part), role
    first = parts[0]
    if " at " in first:
        role, company = _at(first)[1], _at(first)[0]
        return company, role
    if len(parts) > 1:
        last_at = _at(parts[1])
        if last_at[0]:
            return last_at[0], last_at[1]
        if " | " in text:
            return _tidy(parts[-1]), _role(parts[0])
        return _tidy(parts[0]), _role(parts[1])
    return _tidy(site), _role(first)


def _board_named_last(text: str) -> str | None:
    """The job board's name ending TEXT ("… | LinkedIn"), as written there, or None."""
    for separator in (" | ", " - ", " – ", " — ", " · "):
        rest, sep, last = text.rpartition(separator)
        if sep and rest.strip() and last.strip().lower() in _BOARDS:
            return sep + last
    return None


def _on_a_board(text: str) -> tuple[str, str]:
    """(company, role) of a board's title without the board: "Acme hiring Data Engineer in
    Berlin" (LinkedIn), "Data Engineer - Acme - Berlin" (Indeed), "Data Engineer | Acme"."""
    lower = text.lower()
    if " hiring " in lower:
        at = lower.index(" hiring ")
        after = text[at + len(" hiring ") :]
        role, sep, _place = after.rpartition(" in ")
        return _tidy(text[:at]), _role(role if sep and role.strip() else after)
    if " at " in text:
        return _at(text)
    for separator in _SEPARATORS:
        if separator in text:
            parts = [p.strip() for p in text.split(separator) if p.strip()]
            return _tidy(parts[1]) if len(parts) > 1 else "", _role(parts[0])
    return "", _role(text)


def _at(text: str) -> tuple[str, str]:
    """(company, role) of "Role at Company", or ("", TEXT)."""
    role, sep, company = text.rpartition(" at ")
    if sep and role.strip() and company.strip():
        return _tidy(company), _role(role)
    return "", _role(text)


def _role(text: str) -> str:
    value = text.strip(" .!:-|")
    return "" if value.lower() in _NOT_ROLES else value


#: What a company's careers site adds to its name in a title ("Acme Careers").
_CAREERS_WORDS = (" careers", " jobs", " job board", " careers site", " recruiting")


def _tidy(text: str) -> str:
    value = text.strip(" .!:-|")
    lower = value.lower()
    for words in _CAREERS_WORDS:
        if lower.endswith(words) and len(value) > len(words):
            return value[: -len(words)].strip(" .!:-|")
    return value
