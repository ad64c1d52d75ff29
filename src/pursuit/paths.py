"""Where pursuit keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "PURSUIT_DB"


class BadPath(ValueError):
    """A file name that no file can have."""


def user_path(text: str | Path) -> Path:
    """TEXT as a path, with `~` expanded where it names a home folder (`~nobody` stays as is)."""
    if "\x00" in str(text):
        raise BadPath(f"{str(text)!r} cannot be a file name (it holds a NUL character)")
    try:
        return Path(text).expanduser()
    except RuntimeError:  # no such user, or no home folder to expand to
        return Path(text)


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("pursuit") / "pursuit.db"


def resolve_db_path(cli_value: str | None) -> Path:
    """`--db` wins, then $PURSUIT_DB, then the platform's data folder."""
    if cli_value:
        return user_path(cli_value)
    env = os.environ.get(ENV_DB)
    if env:
        return user_path(env)
    return default_db_path()


def styles_dir() -> Path:
    """The .tcss files: inside the installed package, or the checkout's styles/ folder."""
    here = Path(__file__).resolve().parent
    packaged = here / "styles"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "styles"
