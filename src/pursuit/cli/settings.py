"""`config`: show the settings, or change one."""

from __future__ import annotations

import argparse

from pursuit.cli.common import Command, UserError, store_for_reading, writing
from pursuit.cli.output import print_json
from pursuit.domain.clock import Clock


def cmd_config(args: argparse.Namespace, clock: Clock) -> int:
    from pursuit.domain.settings import SETTINGS, BadSetting, check, effective

    if args.action == "set":
        if not args.key or args.value is None:
            raise UserError("usage: pursuit config set KEY VALUE")
        try:
            value = check(args.key, args.value, _choices(args.key))
        except BadSetting as exc:
            raise UserError(str(exc)) from exc
        from pursuit.store.settings import set_settings

        with writing(args, clock) as conn:
            set_settings(conn, clock.now(), {args.key: value})
        print(f"{args.key} = {value}")
        return 0
    with store_for_reading(args, clock) as store:
        values = effective(store.settings.values())
    if args.json:
        print_json(values)
        return 0
    width = max(len(s.key) for s in SETTINGS)
    for spec in SETTINGS:
        print(f"{spec.key:<{width}}  {values[spec.key]!s:<24}  {spec.label}")
    return 0


def _choices(key: str) -> tuple[str, ...]:
    """The names a choice setting may take: the themes are Textual's."""
    if key != "theme":
        return ()
    from textual.theme import BUILTIN_THEMES

    return tuple(BUILTIN_THEMES)


COMMANDS: dict[str, Command] = {"config": cmd_config}
