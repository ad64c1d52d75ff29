"""Each rule is said once: the setting defaults are the follow-up defaults, one list of
interview kinds, the history in words of its own."""

from __future__ import annotations

import pytest

from pursuit.domain import checklists, settings
from pursuit.domain import followups as fu
from pursuit.domain import timeline as words
from pursuit.domain.interviews import INTERVIEW_KINDS


def test_the_rules_a_user_can_change_are_the_settings_of_those_names() -> None:
    assert {
        "thank_you_hours",
        "check_in_days",
        "second_check_in_days",
        "move_on_days",
        "application_check_in",
        "application_check_in_days",
    } == fu.RULE_KEYS


def test_unset_settings_give_the_default_rules() -> None:
    assert fu.rules_from({}) == fu.Rules()
    for key in fu.RULE_KEYS:
        value = getattr(fu.Rules(), key)
        shown = ("on" if value else "off") if isinstance(value, bool) else str(value)
        assert shown == settings.BY_KEY[key].default, key


@pytest.mark.parametrize(
    ("stored", "on"), [("on", True), (" Yes ", True), ("1", True), ("off", False), ("no", False)]
)
def test_on_and_off_read_as_the_settings_screen_writes_them(stored: str, on: bool) -> None:
    assert fu.rules_from({"application_check_in": stored}).application_check_in is on
    assert settings.check("application_check_in", stored) == ("on" if on else "off")


def test_stored_timings_are_used() -> None:
    rules = fu.rules_from({"check_in_days": " 10 ", "thank_you_hours": "48", "theme": "x"})
    assert (rules.check_in_days, rules.thank_you_hours) == (10, 48)
    assert rules.move_on_days == fu.Rules().move_on_days


def test_every_interview_kind_has_its_checklist_and_the_form_offers_each() -> None:
    from pursuit.domain.interview_input import KINDS

    assert set(INTERVIEW_KINDS) <= set(checklists.FORMATS)
    assert KINDS == INTERVIEW_KINDS


def test_history_lines() -> None:
    assert words.stage_change(None, "applied", "") == "Added as Applied"
    assert words.stage_change("applied", "screening", "call") == "Applied → Screening · call"
    assert words.event("sent-check-in", "Dana", "") == "Sent a check-in (Dana)"
    assert words.event("note", None, "liked them") == "Note: liked them"
    assert words.says_itself("rejected") and not words.says_itself("heard")


def test_an_interview_round_named_as_an_interview_is_not_said_twice() -> None:
    assert words.interview("Video · Panel interview") == "Video · Panel interview"
    assert words.interview("Video · Panel") == "Video · Panel interview"
