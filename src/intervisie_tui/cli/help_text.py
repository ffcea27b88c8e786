"""Help texts in the active language, whatever language the commands were built in.

The sub-command modules put t("cli.help...") texts into their typer decorators
when they are first imported. The `intervisie` command imports them after it
chose the language, but a process that runs main() more than once (the tests,
anything embedding the CLI) may switch languages later. So each run walks the
built click command and replaces every help text of another language by its
translation. The other catalogs load only when such a text turns up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from intervisie_tui.i18n import LANGUAGES, catalog, get_language, t

PREFIX = "cli.help."


def keys_by_text() -> dict[str, str]:
    """Every help text, in every language, mapped back to its catalog key."""
    found: dict[str, str] = {}
    for lang in LANGUAGES:
        for key, text in catalog(lang).items():
            if key.startswith(PREFIX):
                found.setdefault(text, key)
    return found


def retranslate(command: Any) -> None:
    """Put the command tree's help texts into the active language (in place)."""
    lang = get_language()
    current = {text for key, text in catalog(lang).items() if key.startswith(PREFIX)}
    keys: dict[str, str] = {}

    def translated(text: str | None) -> str | None:
        if not text or text in current:
            return text
        if not keys:
            keys.update(keys_by_text())
        key = keys.get(text)
        return t(key) if key else text

    _walk(command, translated)


def _walk(command: Any, translated: Callable[[str | None], str | None]) -> None:
    command.help = translated(command.help)
    command.short_help = translated(command.short_help)
    for param in command.params:
        param.help = translated(getattr(param, "help", None))
    for sub in getattr(command, "commands", {}).values():
        _walk(sub, translated)
