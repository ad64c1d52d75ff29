"""Fetching a page or a job API's answer: httpx, within one deadline for the whole capture.

A deadline per read would let a site that trickles a byte every few seconds hold the user for
ever; so the whole capture (redirects, the API, the page) runs under one `asyncio.timeout`,
and a cancel from the user ends it at once, even in the middle of a read. The body is counted
while it streams and the read stops past MAX_BYTES: a huge or endless page is never held.
Proxy settings come from the environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), as curl's do.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from pursuit import __version__
from pursuit.postings.posting import CaptureCancelled, CaptureFailed

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")

MAX_BYTES = 5 * 1024 * 1024
#: Names pursuit and its version; no address, as the project publishes none yet.
USER_AGENT = f"pursuit/{__version__} (+a job-search tracker for the terminal)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Types a server gives when it does not know: the content itself is looked at.
UNSURE_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})
_NAMED_TYPES = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "application/zip": "a zip archive",
    "application/msword": "a Word document",
    "text/css": "a style sheet",
    "text/javascript": "a script",
    "application/javascript": "a script",
}


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # lower case, without parameters
    charset: str | None
    body: bytes


def host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def type_name(content_type: str) -> str:
    if content_type in _NAMED_TYPES:
        return _NAMED_TYPES[content_type]
    major = content_type.split("/", 1)[0]
    if major in ("image", "audio", "video"):
        return f"{'an' if major == 'image' or major == 'audio' else 'a'} {major} ({content_type})"
    return content_type


class Session:
    """One client and one deadline for every request a capture makes."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        cancelled: Callable[[], bool] | None,
        progress: Callable[[str], None] | None,
    ) -> None:
        self.client = client
        self.cancelled = cancelled
        self.progress = progress or (lambda _message: None)
        #: The host being asked, for the message when the deadline passes.
        self.host = ""
        #: What the host was still sending when the deadline passed ("the page", "its
        #: answer"); "" while it has not begun to answer.
        self.sending = ""

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise CaptureCancelled()

    async def get(self, url: str, *, page: bool) -> Fetched:
        """URL's body: a web page when PAGE (refused when it is something else), else JSON."""
        import httpx

        self.check()
        self.host = host_of(url)
        self.sending = ""
        self.progress(f"Asking {self.host}…")
        accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" if page else "application/json"
        try:
            async with self.client.stream("GET", url, headers={"Accept": accept}) as response:
                self.host = response.url.host or self.host
                self.sending = "the page" if page else "its answer"
                _check_status(response)
                content_type, charset = _content_type(response.headers.get("content-type", ""))
                if page and content_type not in HTML_TYPES | UNSURE_TYPES:
                    raise CaptureFailed(
                        f"{response.url} is not a web page: the site sends "
                        f"{type_name(content_type)}"
                    )
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > MAX_BYTES:
                    raise CaptureFailed(_too_large(str(response.url)))
                body = await self._body(response)
                return Fetched(str(response.url), content_type, charset, body)
        except CaptureFailed:
            raise
        except httpx.TooManyRedirects:
            raise CaptureFailed(f"{url} redirects too many times to reach a page") from None
        except httpx.UnsupportedProtocol as exc:
            raise CaptureFailed(
                f"{url} leads to {exc.request.url}, which is not an http or https address"
            ) from None
        except httpx.TimeoutException:
            raise Deadline() from None
        except httpx.ProxyError as exc:
            raise CaptureFailed(
                f"the proxy set in the environment (HTTP_PROXY, HTTPS_PROXY) refused {url}: {exc}"
            ) from None
        except httpx.ConnectError as exc:
            raise CaptureFailed(_connect_problem(exc, self.host)) from None
        except httpx.HTTPError as exc:
            raise CaptureFailed(
                f"the connection to {self.host} broke off before the page was read ({exc})"
            ) from None

    async def _body(self, response: httpx.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_BYTES:
                raise CaptureFailed(_too_large(str(response.url)))
            chunks.append(chunk)
            self.progress(f"Reading {self.host}… {size // 1024:,} kB")
            self.check()
        return b"".join(chunks)


class Deadline(Exception):
    """A request of the capture ran past its deadline."""


def _too_large(url: str) -> str:
    return f"{url} is larger than {MAX_BYTES // 1024 // 1024} MB, too large to be a posting"


def _check_status(response: httpx.Response) -> None:
    code = response.status_code
    if code < 400:
        return
    reason = f"HTTP {code} {response.reason_phrase}".strip()
    url = response.url
    if code in (404, 410):
        raise CaptureFailed(f"{url} is missing ({reason}): the posting may have been taken down")
    if code in (401, 403):
        raise CaptureFailed(
            f"{url} refused to show the page ({reason}); save it from your browser and give "
            "the file instead"
        )
    if code == 429:
        raise CaptureFailed(f"{url} asks to be left alone for now ({reason}); try again later")
    if code >= 500:
        raise CaptureFailed(f"{url} failed on the site's side ({reason}); try again later")
    raise CaptureFailed(f"{url} could not be read ({reason})")


def _content_type(header: str) -> tuple[str, str | None]:
    kind, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


def _connect_problem(exc: BaseException, host: str) -> str:
    causes: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(causes) < 10:
        causes.append(cause)
        cause = cause.__cause__ or cause.__context__
    text = " ".join(str(c) for c in causes).lower()
    if any(isinstance(c, socket.gaierror) for c in causes) or any(
        words in text
        for words in ("name or service not known", "nodename nor servname", "name resolution")
    ):
        return f"{host} could not be found (no such host, or no network)"
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in text:
        return f"{host} refused the connection: nothing answers at that address"
    if any(isinstance(c, ssl.SSLError) for c in causes) or "certificate" in text:
        return f"{host}'s certificate could not be verified, so the page was not read"
    return f"{host} could not be reached ({exc})"


def run(
    work: Callable[[Session], Awaitable[T]],
    *,
    timeout: float,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[str], None] | None,
) -> T:
    """WORK's result, with a session that fetches; all of it within TIMEOUT seconds.

    Runs its own event loop: called from the command line, or from the app's thread worker.
    """
    return asyncio.run(_within(work, timeout, cancelled, progress))


async def _within(
    work: Callable[[Session], Awaitable[T]],
    timeout: float,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[str], None] | None,
) -> T:
    import httpx

    seconds = f"{timeout:g} second{'' if timeout == 1 else 's'}"
    async with httpx.AsyncClient(
        follow_redirects=True,
        trust_env=True,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT},
    ) as client:
        session = Session(client, cancelled, progress)
        task = asyncio.current_task()
        stopped = asyncio.Event()
        watcher = (
            asyncio.create_task(_watch(cancelled, task, stopped))
            if cancelled is not None and task is not None
            else None
        )
        try:
            async with asyncio.timeout(timeout):
                return await work(session)
        except (TimeoutError, Deadline):
            # A site that answered, then sent its page too slowly, did answer: say which.
            late = (
                f"{session.host} was still sending {session.sending} after {seconds}"
                if session.sending
                else f"no answer from {session.host or 'the site'} within {seconds}"
            )
            raise CaptureFailed(
                f"{late}; try again later, or save the page and give the file"
            ) from None
        except asyncio.CancelledError:
            if stopped.is_set():
                if task is not None:
                    task.uncancel()
                raise CaptureCancelled() from None
            raise
        finally:
            if watcher is not None:
                watcher.cancel()


async def _watch(
    cancelled: Callable[[], bool], task: asyncio.Task[object], stopped: asyncio.Event
) -> None:
    """Stop TASK as soon as the user cancels, even in the middle of a read."""
    while not cancelled():
        await asyncio.sleep(0.05)
    stopped.set()
    task.cancel()
