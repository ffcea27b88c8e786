"""click's own words (usage lines, help pages, usage errors) in the active language.

typer carries its own copy of click with these texts written in English in
the code, so gettext cannot reach them. Two public hooks remain, and this
module uses both: a Context's `formatter_class` writes every help page and
usage line, and running the command with `standalone_mode=False` hands the
usage errors back to us to say. The English texts are matched as they are
written in click; one that does not match stays English, never lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from intervisie_tui.i18n import t

HEADINGS = {
    "Options": "cli.word.options",
    "Arguments": "cli.word.arguments",
    "Commands": "cli.word.commands",
}
HELP_OPTION = "Show this message and exit."
_EXTRAS = re.compile(r"\s*\[([^\[\]]*)\]\s*$")
_EXTRA_PARTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^default: (?P<value>.*)$"), "cli.word.default"),
    (re.compile(r"^env var: (?P<value>.*)$"), "cli.word.env_var"),
    (re.compile(r"^required$"), "cli.word.required"),
    (re.compile(r"^x>=(?P<value>\S+)$"), "cli.word.at_least"),
    (re.compile(r"^x<=(?P<value>\S+)$"), "cli.word.at_most"),
)

#: click's usage errors as written in typer's copy of it, and how we say them.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Missing argument (?P<name>.+?)\.$"), "cli.word.missing_argument"),
    (re.compile(r"^Missing option (?P<name>.+?)\.$"), "cli.word.missing_option"),
    (
        re.compile(r"^No such option: (?P<name>\S+) \(Possible options: (?P<more>.*)\)$"),
        "cli.word.no_such_option_like",
    ),
    (re.compile(r"^No such option: (?P<name>\S+)$"), "cli.word.no_such_option"),
    (
        re.compile(r"^No such command '(?P<name>.+?)'\. Did you mean (?P<more>.*)\?$"),
        "cli.word.no_such_command_like",
    ),
    (re.compile(r"^No such command '(?P<name>.+?)'\.$"), "cli.word.no_such_command"),
    (re.compile(r"^Got unexpected extra argument\(s\) \((?P<name>.*)\)$"), "cli.word.extra"),
    (re.compile(r"^Option '(?P<name>.+)' requires an argument\.$"), "cli.word.needs_value"),
    (re.compile(r"^Option '(?P<name>.+)' does not take a value\.$"), "cli.word.no_value"),
    (re.compile(r"^Missing command\.$"), "cli.word.missing_command"),
)
_INVALID = re.compile(r"^Invalid value for (?P<name>.+?): (?P<more>.*)$")
#: Why a value was refused, as typer's coercion (pydantic) says it.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Input should be a valid integer.*$"), "cli.word.want_integer"),
    (re.compile(r"^Input should be greater than or equal to (?P<value>\S+)$"), "cli.word.at_least"),
    (re.compile(r"^Input should be less than or equal to (?P<value>\S+)$"), "cli.word.at_most"),
)


def _said(patterns: Iterable[tuple[re.Pattern[str], str]], text: str) -> str | None:
    for pattern, key in patterns:
        found = pattern.match(text)
        if found:
            values = {name: value or "" for name, value in found.groupdict().items()}
            return t(key, **values).strip()
    return None


def error_text(message: str) -> str:
    """One usage error of click's in the active language (as it was when unknown)."""
    found = _INVALID.match(message)
    if found:  # the reason too, unless it was ours (then it is in the catalog's words)
        reason = _said(_REASONS, found["more"]) or found["more"]
        return t("cli.word.invalid_value", name=found["name"], more=reason)
    return _said(_ERRORS, message) or message


def help_text(text: str) -> str:
    """An option's help column: click's own help option and the [default: ...] extras."""
    if text == HELP_OPTION:
        return t("cli.word.help")
    found = _EXTRAS.search(text)
    if not found:
        return text
    parts = [_said(_EXTRA_PARTS, part) or part for part in found[1].split("; ")]
    return f"{text[: found.start()]}  [{'; '.join(parts)}]"


def formatter_for(base: type[Any]) -> type[Any]:
    """A subclass of click's HelpFormatter that writes our words."""

    class CatalogFormatter(base):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, t("cli.word.usage") + " " if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            key = HEADINGS.get(heading)
            super().write_heading(t(key) if key else heading)

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            super().write_dl([(term, help_text(text)) for term, text in rows], *args, **kwargs)

    return CatalogFormatter


def context_for(base: type[Any], formatters: dict[type[Any], type[Any]]) -> type[Any]:
    """A subclass of a command's Context class whose help pages use our words."""
    if base not in formatters:
        formatter = formatter_for(base.formatter_class)
        formatters[base] = type(f"Catalog{base.__name__}", (base,), {"formatter_class": formatter})
    return formatters[base]


def use_catalog_words(command: Any) -> None:
    """Make every help page and usage line of the command tree use the catalog (in place)."""
    contexts: dict[type[Any], type[Any]] = {}

    def walk(node: Any) -> None:
        base = node.context_class
        if getattr(base, "formatter_class", None) is not None and base not in contexts.values():
            node.context_class = context_for(base, contexts)
        node.options_metavar = t("cli.word.options_metavar")
        if hasattr(node, "subcommand_metavar"):
            node.subcommand_metavar = t("cli.word.subcommand_metavar")
        for sub in getattr(node, "commands", {}).values():
            walk(sub)

    walk(command)


def usage_error_lines(error: Any, prefix: Callable[[], str]) -> list[str]:
    """What to print for a click UsageError: the usage line, where help is, the error."""
    lines: list[str] = []
    ctx = error.ctx
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            lines.append(t("cli.word.try_help", command=ctx.command_path, option=option))
        lines.append("")
    lines.append(f"{prefix()}: {error_text(error.format_message())}")
    return lines
