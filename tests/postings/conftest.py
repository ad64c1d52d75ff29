"""Captures against a local server only: no proxy from the machine's environment in the way."""

from __future__ import annotations

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def _no_proxy_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name in (
        "PURSUIT_GREENHOUSE_API",
        "PURSUIT_LEVER_API",
        "PURSUIT_ASHBY_API",
        "PURSUIT_GREENHOUSE_EU_API",
        "PURSUIT_LEVER_EU_API",
    ):
        monkeypatch.delenv(name, raising=False)
