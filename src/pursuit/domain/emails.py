"""A person's email address, checked loosely: enough to catch a slip, never a real address."""

from __future__ import annotations


def email_problem(text: str) -> str | None:
    """Why TEXT cannot be an email address (None if it can, or if it is empty)."""
    text = text.strip()
    if not text:
        return None
    if any(c.isspace() for c in text):
        return "An email address has no spaces."
    if text.count("@") != 1:
        return "An email address has one @, as in ann@example.com."
    local, domain = text.split("@")
    if not local or "." not in domain.strip(".") or ".." in domain:
        return "That does not look like an email address; for example ann@example.com."
    return None
