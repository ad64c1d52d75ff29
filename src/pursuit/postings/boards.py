"""The applicant tracking systems' public job APIs: Greenhouse, Lever and Ashby.

Their pages are built by scripts, but each publishes the posting itself as JSON, with the
description, the place and often the pay: read when the address is theirs, before the page.
Their base addresses are settings (`Boards`) so that tests can serve them locally.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from pursuit.postings.addresses import kept_address
from pursuit.postings.posting import CaptureFailed, Posting
from pursuit.postings.text import html_text, one_line
from pursuit.postings.values import day, name_from_slug, salary

GREENHOUSE_HOSTS = frozenset({"boards.greenhouse.io", "job-boards.greenhouse.io"})
LEVER_HOSTS = frozenset({"jobs.lever.co"})
#: The boards of companies whose data Greenhouse and Lever keep in the EU, answered by an EU API.
GREENHOUSE_EU_HOSTS = frozenset({"boards.eu.greenhouse.io", "job-boards.eu.greenhouse.io"})
LEVER_EU_HOSTS = frozenset({"jobs.eu.lever.co"})
ASHBY_HOSTS = frozenset({"jobs.ashbyhq.com"})


@dataclass(frozen=True)
class Boards:
    """Base addresses of the job APIs (configurable)."""

    greenhouse: str = "https://boards-api.greenhouse.io"
    lever: str = "https://api.lever.co"
    ashby: str = "https://api.ashbyhq.com"
    greenhouse_eu: str = "https://boards-api.eu.greenhouse.io"
    lever_eu: str = "https://api.eu.lever.co"

    @classmethod
    def from_environment(cls) -> Boards:
        """The defaults, or PURSUIT_GREENHOUSE_API, PURSUIT_LEVER_API, PURSUIT_ASHBY_API,
        PURSUIT_GREENHOUSE_EU_API, PURSUIT_LEVER_EU_API."""
        default = cls()
        given = os.environ.get
        return cls(
            greenhouse=given("PURSUIT_GREENHOUSE_API") or default.greenhouse,
            lever=given("PURSUIT_LEVER_API") or default.lever,
            ashby=given("PURSUIT_ASHBY_API") or default.ashby,
            greenhouse_eu=given("PURSUIT_GREENHOUSE_EU_API") or default.greenhouse_eu,
            lever_eu=given("PURSUIT_LEVER_EU_API") or default.lever_eu,
        )


@dataclass(frozen=True)
class BoardJob:
    """A job on one of the systems: which system, whose board (None when the page must say:
    a company's own site with `?gh_jid=`) and the job's id."""

    system: str
    board: str | None
    job: str
    eu: bool = False

    def api(self, boards: Boards) -> str:
        board, job = quote(self.board or "", safe=""), quote(self.job, safe="")
        if self.system == "greenhouse":
            base = self._greenhouse(boards)
            return f"{base}/v1/boards/{board}/jobs/{job}?content=true&pay_transparency=true"
        if self.system == "lever":
            base = (boards.lever_eu if self.eu else boards.lever).rstrip("/")
            return f"{base}/v0/postings/{board}/{job}"
        return f"{boards.ashby.rstrip('/')}/posting-api/job-board/{board}?includeCompensation=true"

    def board_api(self, boards: Boards) -> str:
        """Greenhouse's board itself, for the company's name when the job does not give it."""
        return f"{self._greenhouse(boards)}/v1/boards/{quote(self.board or '', safe='')}"

    def _greenhouse(self, boards: Boards) -> str:
        return (boards.greenhouse_eu if self.eu else boards.greenhouse).rstrip("/")


def board_job(url: str) -> BoardJob | None:
    """The job URL is for, when it is on Greenhouse, Lever or Ashby (or names a Greenhouse
    job with `gh_jid`)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = [p for p in parts.path.split("/") if p]
    query = dict(parse_qsl(parts.query))
    if host in GREENHOUSE_HOSTS or host in GREENHOUSE_EU_HOSTS:
        eu = host in GREENHOUSE_EU_HOSTS
        if len(path) >= 3 and path[1] == "jobs" and path[2].isdigit():
            return BoardJob("greenhouse", path[0], path[2], eu)
        if path[:2] == ["embed", "job_app"] and query.get("for") and query.get("token"):
            return BoardJob("greenhouse", query["for"], query["token"], eu)
        if len(path) == 1 and query.get("gh_jid", "").isdigit():
            return BoardJob("greenhouse", path[0], query["gh_jid"], eu)
        return None
    if (host in LEVER_HOSTS or host in LEVER_EU_HOSTS) and len(path) >= 2:
        return BoardJob("lever", path[0], path[1], host in LEVER_EU_HOSTS)
    if host in ASHBY_HOSTS and len(path) >= 2:
        return BoardJob("ashby", path[0], path[1])
    if query.get("gh_jid", "").isdigit():
        return BoardJob("greenhouse", None, query["gh_jid"])
    return None


def greenhouse_board_in(sources: list[str]) -> str | None:
    """The Greenhouse board a company's page embeds (its script or frame names it `for=`)."""
    for source in sources:
        try:
            parts = urlsplit(source)
            host = (parts.hostname or "").lower()
        except ValueError:
            continue
        if host.endswith("greenhouse.io"):
            board = dict(parse_qsl(parts.query)).get("for")
            if board:
                return board
    return None


def _object(data: object, system: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise CaptureFailed(f"{system} answered with something other than a job")
    return data


def greenhouse_posting(data: object, given: str) -> Posting:
    job = _object(data, "Greenhouse")
    pay = job.get("pay_input_ranges")
    first = pay[0] if isinstance(pay, list) and pay and isinstance(pay[0], dict) else {}
    lo, hi, code = salary(
        _cents(first.get("min_cents")), _cents(first.get("max_cents")), first.get("currency_type")
    )
    location = job.get("location")
    return Posting(
        company=one_line(job.get("company_name")),
        role=one_line(job.get("title")),
        location=one_line(location.get("name")) if isinstance(location, dict) else "",
        salary_min=lo,
        salary_max=hi,
        salary_currency=code,
        description=html_text(str(job.get("content") or "")),
        posted_on=day(job.get("first_published")),
        url=_address(job.get("absolute_url"), given),
        found_by="greenhouse",
    )


def _cents(value: object) -> float | None:
    return value / 100 if isinstance(value, int | float) and not isinstance(value, bool) else None


def lever_posting(data: object, job: BoardJob, given: str) -> Posting:
    found = _object(data, "Lever")
    categories = found.get("categories") if isinstance(found.get("categories"), dict) else {}
    assert isinstance(categories, dict)
    place = one_line(categories.get("location"))
    if str(found.get("workplaceType", "")).lower() == "remote":
        place = f"Remote ({place})" if place and "remote" not in place.lower() else "Remote"
    parts = [str(found.get("description") or "")]
    for item in found.get("lists") or []:
        if isinstance(item, dict):
            heading = one_line(item.get("text"))
            parts.append(f"<h3>{_escaped(heading)}</h3><ul>{item.get('content') or ''}</ul>")
    parts.append(str(found.get("additional") or ""))
    pay = found.get("salaryRange") if isinstance(found.get("salaryRange"), dict) else {}
    assert isinstance(pay, dict)
    yearly = str(pay.get("interval") or "per-year-salary") == "per-year-salary"
    lo, hi, code = salary(pay.get("min"), pay.get("max"), pay.get("currency"))
    return Posting(
        company=name_from_slug(job.board or ""),
        role=one_line(found.get("text")),
        location=place,
        salary_min=lo if yearly else None,
        salary_max=hi if yearly else None,
        salary_currency=code if yearly else "",
        description=html_text("".join(parts)),
        posted_on=day(found.get("createdAt")),
        url=_address(found.get("hostedUrl"), given),
        found_by="lever",
    )


def ashby_posting(data: object, job: BoardJob, given: str) -> Posting:
    board = _object(data, "Ashby")
    jobs = board.get("jobs") if isinstance(board.get("jobs"), list) else []
    assert isinstance(jobs, list)
    found = next(
        (
            j
            for j in jobs
            if isinstance(j, dict) and str(j.get("id", "")).lower() == job.job.lower()
        ),
        None,
    )
    if found is None:
        raise CaptureFailed(f"Ashby's board {job.board} has no job {job.job}")
    place = one_line(found.get("location"))
    if found.get("isRemote") is True or str(found.get("workplaceType", "")).lower() == "remote":
        place = f"Remote ({place})" if place and "remote" not in place.lower() else "Remote"
    lo, hi, code = None, None, ""
    compensation = found.get("compensation")
    if isinstance(compensation, dict):
        for part in compensation.get("summaryComponents") or []:
            if (
                isinstance(part, dict)
                and part.get("compensationType") == "Salary"
                and str(part.get("interval", "1 YEAR")).upper() == "1 YEAR"
            ):
                lo, hi, code = salary(
                    part.get("minValue"), part.get("maxValue"), part.get("currencyCode")
                )
                break
    return Posting(
        company=name_from_slug(job.board or ""),
        role=one_line(found.get("title")),
        location=place,
        salary_min=lo,
        salary_max=hi,
        salary_currency=code,
        description=html_text(str(found.get("descriptionHtml") or "")),
        posted_on=day(found.get("publishedAt")),
        url=_address(found.get("jobUrl"), given),
        found_by="ashby",
    )


def _escaped(text: str) -> str:
    import html

    return html.escape(text)


def _address(found: object, given: str) -> str:
    """The system's own address for the job, else the one given; as kept."""
    return (kept_address(found) if isinstance(found, str) else "") or kept_address(given)
