"""The `intervisie` command: a thin typer layer over the core.

`main()` picks the language first (a `--lang` anywhere in argv, else the
environment), then imports the sub-command modules, whose typer decorators
take their help texts from the catalog. Importing this package stays cheap:
no typer, no sub-commands, never Textual (that comes inside the commands that
open the TUI), so `intervisie methods list` stays fast. Every known problem
leaves as one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from intervisie_tui import collect
from intervisie_tui.crash import write_crash_report  # re-exported: tui/app.py imports it here
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import LANGUAGES, set_language, t
from intervisie_tui.safe_text import visible

if TYPE_CHECKING:
    import typer

SUBCOMMAND_MODULES = ("methods", "session", "log", "group", "doctor")
#: Which module defines each sub-command: `intervisie run ...` imports only `session`.
COMMAND_MODULE = {
    "methods": "methods", "run": "session", "resume": "session",
    "log": "log", "group": "group", "doctor": "doctor",
}  # fmt: skip
#: Root options that take a value (so their value is not mistaken for the command).
VALUE_OPTIONS = {"--lang", "--methods", "--log-dir", "--sound", "--remind"}
"""Imported in this order, which is the order of `intervisie --help`."""


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the CLI and turn every failure into one line."""
    collect.starting()  # the app says when its first frame is on screen
    set_language(requested_language(sys.argv[1:] if argv is None else argv))
    try:
        from typer.main import get_command

        from intervisie_tui.cli.click_words import use_catalog_words
        from intervisie_tui.cli.help_text import retranslate

        args = sys.argv[1:] if argv is None else argv
        command = get_command(register(requested_command(args)))
        retranslate(command)
        use_catalog_words(command)
        sys.exit(_run(command, args))
    except IntervisieError as problem:
        # the message may quote an argument or a file: written out, never raw
        print(f"{t('error.prefix')}: {visible(str(problem))}", file=sys.stderr)
        sys.exit(problem.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as problem:  # a bug: keep the traceback out of the user's face
        report = write_crash_report(problem)
        print(t("error.unexpected", error=type(problem).__name__, report=report), file=sys.stderr)
        sys.exit(70)


def _run(command: Any, args: list[str]) -> int:
    """Run the click command; its usage errors are said here, in the catalog's words."""
    import typer

    from intervisie_tui.cli.click_words import usage_error_lines

    try:
        code = command.main(args=args, prog_name="intervisie", standalone_mode=False)
    except typer.Abort:
        return 1
    except typer.TyperException as error:  # click's ClickException; a UsageError has a ctx
        exit_code = getattr(error, "exit_code", 1)
        if hasattr(error, "ctx"):
            lines = usage_error_lines(error, lambda: t("error.prefix"))
        else:
            lines = [f"{t('error.prefix')}: {error.format_message()}"]
        print(visible("\n".join(lines)), file=sys.stderr)
        return exit_code
    return code if isinstance(code, int) else 0


def requested_language(args: Sequence[str]) -> str | None:
    """The language of the last `--lang nl|en` (or `--lang=en`) in ARGS; None: not given.

    Read before typer parses anything, because the help texts are made in it. An
    unknown value counts as not given here; the --lang option itself refuses it.
    """
    wanted: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            wanted = args[index + 1]
        elif arg.startswith("--lang="):
            wanted = arg.partition("=")[2]
    return wanted if wanted in LANGUAGES else None


def requested_command(args: Sequence[str]) -> str | None:
    """The sub-command named in ARGS (`run`, `methods`, ...), or None."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMAND_MODULE else None
    return None


def register(command: str | None = None) -> typer.Typer:
    """Import sub-command modules (they register on import); return the root app.

    With a known `command` only its module is imported: starting a meeting with
    `intervisie run` should not pay for the log, group and doctor commands.
    Without one (root help, the setup screen) all are. Idempotent.
    """
    names = [COMMAND_MODULE[command]] if command in COMMAND_MODULE else SUBCOMMAND_MODULES
    for name in names:
        importlib.import_module(f"intervisie_tui.cli.{name}")
    from intervisie_tui.cli.common import app

    return app


__all__ = ["main", "register", "requested_language", "write_crash_report"]
