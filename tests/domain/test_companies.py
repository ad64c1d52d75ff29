"""Company memory: one employer under the names people and postings give it."""

from __future__ import annotations

from datetime import date

import pytest

from pursuit.domain.companies import EarlierApplication, company_key, earlier_sentence


@pytest.mark.parametrize(
    "name",
    [
        "Northwind Analytics",
        "northwind analytics",
        "Northwind Analytics, Inc.",
        "NORTHWIND ANALYTICS LLC",
        "Northwind Analytics GmbH",
        "Northwind Analytics Ltd.",
        "Northwind-Analytics S.A.",
        "Northwind Analytics plc",
        "  Northwind   Analytics AG ",
        "Northwind Analytics Pty. Ltd.",
    ],
)
def test_the_same_company_under_its_names(name: str) -> None:
    assert company_key(name) == "northwind analytics"


def test_accents_and_ampersands() -> None:
    assert company_key("Café Zürich SA") == company_key("Cafe Zurich")
    assert company_key("Procter & Gamble Co.") == company_key("Procter and Gamble")
    assert company_key("AT&T Inc.") == company_key("AT and T")


def test_different_companies_stay_apart() -> None:
    assert company_key("Northwind") != company_key("Northwind Analytics")
    assert company_key("Acme") != company_key("Acme Robotics")
    # A legal form alone is a name, not a suffix to drop; and only trailing forms go.
    assert company_key("Inc") == "inc"
    assert company_key("AG Insurance") == "ag insurance"
    assert company_key("Coca Cola") == "coca cola"


def test_the_sentence_names_each_earlier_role_and_its_outcome() -> None:
    today = date(2026, 11, 18)
    earlier = [
        EarlierApplication(7, "Northwind Analytics", "Data Engineer", "rejected", date(2026, 3, 9)),
        EarlierApplication(3, "Northwind Analytics", "Analyst", "ghosted", date(2025, 10, 1)),
    ]
    assert earlier_sentence("northwind analytics inc", earlier, today) == (
        "You applied to Northwind Analytics before: Data Engineer, rejected in March (#7); "
        "Analyst, no answer in October 2025 (#3)."
    )
    recent = [EarlierApplication(9, "Acme", "SRE", "applied", date(2026, 11, 16))]
    assert earlier_sentence("Acme", recent, today) == (
        "You applied to Acme before: SRE, applied on Mon 16 Nov (#9)."
    )
