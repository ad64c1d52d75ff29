"""Capturing a posting from a web address, a saved page, or text pasted on standard input.

Where it looks, in order: the job API of the applicant tracking system when the address is
Greenhouse's, Lever's or Ashby's; the page's schema.org JobPosting (JSON-LD); its OpenGraph
tags and title. Pages are parsed with selectolax (lexbor): a real HTML5 parser written in C,
fast on a 5 MB page, and a small wheel with no dependencies, where lxml is large and
BeautifulSoup slow in pure Python. Both it and httpx are imported only here, when something
is captured, so that pursuit starts as fast without them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pursuit.postings.addresses import web_address
from pursuit.postings.boards import (
    BoardJob,
    Boards,
    ashby_posting,
    board_job,
    greenhouse_board_in,
    greenhouse_posting,
    lever_posting,
)
from pursuit.postings.fetching import MAX_BYTES, Session, run
from pursuit.postings.page import binary_kind, looks_like_html, parse, read_page
from pursuit.postings.posting import CaptureCancelled, CaptureFailed, Posting
from pursuit.postings.text import one_line, plain_text

__all__ = ["Boards", "CaptureCancelled", "CaptureFailed", "Posting", "capture"]

#: The whole capture's deadline, in seconds: every request, redirect and read within it.
TIMEOUT = 20.0


def capture(
    source: str,
    *,
    text: str | None = None,
    boards: Boards | None = None,
    timeout: float = TIMEOUT,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[str], None] | None = None,
    refused: Callable[[Path], str | None] | None = None,
) -> Posting:
    """The posting at SOURCE: an http(s) address, the path of a saved page, or "-" for TEXT
    (a pasted page, a pasted address, or the posting's plain text).

    REFUSED says why a saved page may not be read (None: it may): a process holding the
    database open must never open that file itself, since closing it would drop SQLite's locks.

    Raises CaptureFailed, its message for the user, for every source that cannot be read;
    CaptureCancelled (a CaptureFailed) as soon as CANCELLED returns True.
    """
    boards = boards or Boards.from_environment()
    _check(cancelled)
    if source == "-":
        return _pasted(text or "", boards, timeout, cancelled, progress)
    if not source.strip():
        # Path("") is the folder here: never read as one.
        raise CaptureFailed("no posting was given: give its address, a saved page, or paste it")
    if _has_scheme(source):
        return _fetched(source.strip(), boards, timeout, cancelled, progress)
    if _is_an_address_without_scheme(source) and not os.path.lexists(source.strip().split("/")[0]):
        # Copied from a browser's address bar, which hides the https://; a folder or file
        # of the host's name here means a path was meant.
        return _fetched(f"https://{source.strip()}", boards, timeout, cancelled, progress)
    path = Path(source)
    refusal = refused(path) if refused is not None else None
    if refusal:
        raise CaptureFailed(refusal)
    return _saved(path, cancelled, progress)


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise CaptureCancelled()


def _has_scheme(source: str) -> bool:
    """Whether SOURCE is written as an address (`scheme://...`), whatever the scheme."""
    scheme, sep, _ = source.strip().partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.isascii() and scheme.isalpha()


def _pasted(
    text: str,
    boards: Boards,
    timeout: float,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[str], None] | None,
) -> Posting:
    given = text.strip()
    if not given:
        raise CaptureFailed("nothing was given to read: paste a posting, a page or its address")
    kind = binary_kind(given)
    if kind is not None:
        raise CaptureFailed(f"what was given is {kind}, not a posting")
    if len(given.split()) == 1 and _has_scheme(given):
        return _fetched(given, boards, timeout, cancelled, progress)
    if _is_an_address_without_scheme(given):
        return _fetched(f"https://{given}", boards, timeout, cancelled, progress)
    if looks_like_html(given):
        return read_page(given)
    return Posting(description=plain_text(given))


def _saved(
    path: Path, cancelled: Callable[[], bool] | None, progress: Callable[[str], None] | None
) -> Posting:
    if progress is not None:
        progress(f"Reading {path}…")
    data = read_saved(path)
    kind = binary_kind(data)
    if kind is not None:
        raise CaptureFailed(f"{path} is {kind}, not a saved web page")
    _check(cancelled)
    if looks_like_html(data):
        return read_page(data)
    return Posting(description=plain_text(data.decode("utf-8", "replace")))


def read_saved(path: Path) -> bytes:
    """The bytes of the saved page at PATH: a plain file of at most 5 MB, or CaptureFailed.

    Opened without blocking and checked on the descriptor, so that a named pipe cannot hang
    the capture nor a device feed it for ever.
    """
    try:
        before = os.stat(path)
    except FileNotFoundError:
        hint = ""
        if _looks_like_a_host(str(path)):
            hint = f"; to fetch a web address, give it whole: https://{path}"
        raise CaptureFailed(f"no file named {path}{hint}") from None
    except OSError as exc:
        raise CaptureFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(before.st_mode):
        raise CaptureFailed(f"{path} is a folder; give the saved page's file")
    if not stat.S_ISREG(before.st_mode):
        raise CaptureFailed(f"{path} is not a regular file; give a saved page")
    if before.st_size > MAX_BYTES:
        raise CaptureFailed(
            f"{path} is larger than {MAX_BYTES // 1024 // 1024} MB, too large to be a posting"
        )
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise CaptureFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CaptureFailed(f"{path} is not a regular file; give a saved page")
        try:
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CaptureFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise CaptureFailed(
            f"{path} is larger than {MAX_BYTES // 1024 // 1024} MB, too large to be a posting"
        )
    return data


def _is_an_address_without_scheme(text: str) -> bool:
    """Whether TEXT is a web address without its https:// (`jobs.lever.co/acme/42`,
    `www.acme.com`): one word whose first part is a host name, with a path or a www."""
    given = text.strip()
    if not given or len(given.split()) != 1 or not _looks_like_a_host(given):
        return False
    host, slash, _ = given.partition("/")
    top = host.rsplit(".", 1)[-1]
    names_a_host = len(top) >= 2 and top.isascii() and top.isalpha()
    return names_a_host and (bool(slash) or host.lower().startswith("www."))


def _looks_like_a_host(text: str) -> bool:
    """Whether TEXT, which names no file, reads as an address without its https://."""
    first = text.split("/", 1)[0]
    return (
        not text.startswith((".", "/", "~"))
        and "." in first
        and " " not in text
        and not first.lower().endswith((".html", ".htm", ".txt"))
    )


def _fetched(
    url: str,
    boards: Boards,
    timeout: float,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[str], None] | None,
) -> Posting:
    scheme = url.partition(":")[0].lower()
    if scheme == "file":
        raise CaptureFailed(
            f"pursuit does not read file: addresses ({url}); give the saved page's path instead"
        )
    if not web_address(url):
        raise CaptureFailed(f"pursuit fetches only http and https addresses, not {scheme}: ({url})")

    async def work(session: Session) -> Posting:
        job = board_job(url)
        if job is not None and job.board is not None:
            try:
                return await _from_board(session, job, boards, url)
            except CaptureCancelled:
                raise
            except CaptureFailed:
                pass  # the page itself may still say what the API did not
        fetched = await session.get(url, page=True)
        kind = binary_kind(fetched.body)
        if kind is not None:
            raise CaptureFailed(
                f"{fetched.url} is not a web page: it holds {kind}"
                + (
                    f", though the site calls it {fetched.content_type}"
                    if fetched.content_type
                    else ""
                )
            )
        if fetched.content_type not in (
            "text/html",
            "application/xhtml+xml",
        ) and not looks_like_html(fetched.body):
            raise CaptureFailed(
                f"{fetched.url} is not a web page: the site sends "
                f"{fetched.content_type or 'no type'} and it does not read as HTML"
            )
        session.check()
        if job is not None and job.board is None:
            # A company's own careers page showing a Greenhouse job (`?gh_jid=`): the board
            # is named in the script or frame it embeds.
            tree = parse(fetched.body, fetched.charset)
            sources = [n.attributes.get("src") or "" for n in tree.css("script[src], iframe[src]")]
            board = greenhouse_board_in(sources)
            if board is not None:
                try:
                    found = await _from_board(
                        session, BoardJob("greenhouse", board, job.job), boards, url
                    )
                    page = read_page(fetched.body, charset=fetched.charset, address=fetched.url)
                    return replace(found, url=page.url or found.url)
                except CaptureCancelled:
                    raise
                except CaptureFailed:
                    pass
        return read_page(fetched.body, charset=fetched.charset, address=fetched.url)

    return run(work, timeout=timeout, cancelled=cancelled, progress=progress)


async def _from_board(session: Session, job: BoardJob, boards: Boards, given: str) -> Posting:
    import json

    fetched = await session.get(job.api(boards), page=False)
    try:
        data = json.loads(fetched.body)
    except ValueError:
        raise CaptureFailed(f"{job.system}'s answer is not JSON") from None
    if job.system == "lever":
        return lever_posting(data, job, given)
    if job.system == "ashby":
        return ashby_posting(data, job, given)
    posting = greenhouse_posting(data, given)
    if not posting.company:
        try:
            board = json.loads((await session.get(job.board_api(boards), page=False)).body)
        except (CaptureFailed, ValueError):
            board = None
        name = board.get("name") if isinstance(board, dict) else None
        posting = replace(posting, company=one_line(name))
    if not posting.role:
        raise CaptureFailed("Greenhouse's answer names no job")
    return posting
