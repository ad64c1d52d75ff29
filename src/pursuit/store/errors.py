"""Errors the store raises; each message is a sentence the user can act on."""

from __future__ import annotations

from pursuit.store.db import StoreError


class NotFound(StoreError):
    pass


class InvalidValue(StoreError):
    pass


def clean_text(value: str, name: str, *, required: bool = False, limit: int = 10_000) -> str:
    """VALUE without surrounding blanks, or InvalidValue naming the field."""
    text = value.strip()
    if required and not text:
        raise InvalidValue(f"{name} is required")
    if len(text) > limit:
        raise InvalidValue(f"{name} is too long ({len(text)} characters; at most {limit:,})")
    return text
