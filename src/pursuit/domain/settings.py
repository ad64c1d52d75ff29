"""The settings a user can change, what they mean, and how their values are checked."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    kind: str  # "text", "int", "bool", "choice" (one of names the caller knows: themes)
    default: str
    low: int = 0
    high: int = 0
    help: str = ""


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("my_name", "Your name", "text", "", help="Signs your messages"),
    # Also who you are in an invitation: everyone invited but you is an interviewer.
    SettingSpec("my_email", "Your email", "text", ""),
    SettingSpec("my_phone", "Your phone", "text", ""),
    SettingSpec("my_linkedin", "Your LinkedIn", "text", ""),
    SettingSpec(
        "signature",
        "Signature",
        "text",
        "",
        help="Leave empty to sign with your name and the lines above",
    ),
    SettingSpec("thank_you_hours", "Thank-you window (hours)", "int", "24", 1, 168),
    SettingSpec(
        "check_in_days",
        "First check-in after (days)",
        "int",
        "7",
        1,
        60,
        help="When they gave no decision date",
    ),
    SettingSpec("second_check_in_days", "Second check-in after (days)", "int", "7", 1, 60),
    SettingSpec("move_on_days", "Suggest moving on after (days)", "int", "7", 1, 90),
    SettingSpec("application_check_in", "Check in on silent applications", "bool", "on"),
    SettingSpec("application_check_in_days", "… after (days)", "int", "14", 1, 90),
    SettingSpec(
        "ticker_seconds",
        "Ticker interval (seconds)",
        "int",
        "30",
        5,
        3600,
        help="How often the open app looks for follow-ups coming due",
    ),
    SettingSpec("theme", "Theme", "choice", "textual-dark"),
)
BY_KEY = {s.key: s for s in SETTINGS}
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


class BadSetting(ValueError):
    pass


def check(key: str, value: str, choices: Collection[str] = ()) -> str:
    """The value as stored, or BadSetting saying what is wrong.

    CHOICES are the names a "choice" setting may take (the themes are the app's to know).
    """
    spec = BY_KEY.get(key)
    if spec is None:
        raise BadSetting(f"unknown setting {key!r}; settings: {', '.join(BY_KEY)}")
    text = value.strip()
    if spec.kind == "choice":
        if text not in choices:
            raise BadSetting(
                f"{spec.label}: {text!r} is not a known {spec.label.lower()}; choose from "
                f"{', '.join(sorted(choices))}"
            )
        return text
    if spec.kind == "int":
        if not text.lstrip("-").isdigit():
            raise BadSetting(f"{spec.label}: {value!r} is not a whole number")
        number = int(text)
        if not spec.low <= number <= spec.high:
            raise BadSetting(f"{spec.label}: choose between {spec.low} and {spec.high}")
        return str(number)
    if spec.kind == "bool":
        if text.lower() in TRUE_WORDS:
            return "on"
        if text.lower() in FALSE_WORDS:
            return "off"
        raise BadSetting(f"{spec.label}: say on or off")
    if len(text) > 2_000:
        raise BadSetting(f"{spec.label}: too long (at most 2,000 characters)")
    if key == "my_email":
        from pursuit.domain.emails import email_problem

        problem = email_problem(text)
        if problem:
            raise BadSetting(f"{spec.label}: {problem}")
    return value if key == "signature" else text


def number(stored: Mapping[str, str], key: str) -> int:
    """A whole-number setting as stored, or its default."""
    return int(stored.get(key, BY_KEY[key].default))


def is_on(stored: Mapping[str, str], key: str) -> bool:
    """An on/off setting as stored (any of the words for on), or its default."""
    return stored.get(key, BY_KEY[key].default).strip().lower() in TRUE_WORDS


def effective(stored: dict[str, str]) -> dict[str, str]:
    """Every setting, stored or default."""
    return {s.key: stored.get(s.key, s.default) for s in SETTINGS}
