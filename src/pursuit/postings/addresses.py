"""A posting's address as kept: one address per posting, whoever linked to it.

The same posting is linked with a campaign's tags, a job board's referral code or a fragment
to jump to the form; kept with them, the same posting would be two applications. So the
fragment and the tracking parameters go, and the rest of the query stays in its order (a job
id such as `gh_jid` is part of the address).
"""

from __future__ import annotations

from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

#: Query parameters that say who linked to a posting, never which posting it is.
TRACKING_PARAMETERS = frozenset(
    {
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "fbclid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "_hsenc",
        "_hsmi",
        "_ga",
        "_gl",
        "trk",
        "trkinfo",
        "refid",
        "ref",
        "referer",
        "referrer",
        "source",
        "src_tracking",
        "gh_src",
        "lever-source",
        "lever-source[]",
        "lever-origin",
        "lever-via",
        "ashby_source",
        "utm",
    }
)
#: Prefixes of whole families of them (utm_source, utm_medium, hsa_cam...).
TRACKING_PREFIXES = ("utm_", "hsa_", "pk_", "mtm_")


def is_tracking(name: str) -> bool:
    key = name.lower()
    return key in TRACKING_PARAMETERS or key.startswith(TRACKING_PREFIXES)


def web_address(text: str) -> bool:
    """Whether TEXT is an http or https address (with a host)."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def kept_address(url: str, base: str = "") -> str:
    """URL (relative to BASE if it is relative) as kept: no fragment, no tracking, host in
    lower case. "" when it is not an http(s) address."""
    absolute = urljoin(base, url.strip()) if base else url.strip()
    try:
        parts = urlsplit(absolute)
        host = parts.hostname
    except ValueError:  # a bracketed host that is no IPv6 address
        return ""
    if parts.scheme.lower() not in ("http", "https") or not host:
        return ""
    # The raw pieces are kept as they were written: decoding and encoding again would
    # change an address the site may compare byte for byte.
    query = "&".join(
        piece
        for piece in parts.query.split("&")
        if piece and not is_tracking(unquote_plus(piece.split("=", 1)[0]))
    )
    netloc = parts.netloc.rsplit("@", 1)[-1].lower()  # never a user name or password
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))
