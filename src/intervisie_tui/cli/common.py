"""The root typer app and the options every command shares.

`--lang`, `--methods`, `--log-dir`, `--sound` and `--quiet` may come before the
sub-command (`intervisie --quiet run ...`); the root callback records them in
`state`, and a sub-command option with `callback=or_root` takes the recorded
value unless it was typed after the sub-command itself.

Imported by cli.register() after main() chose the language, so the help texts
below (t() at decoration time) come out in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

from intervisie_tui import __version__
from intervisie_tui.i18n import get_language, set_language, t


@dataclass
class CliState:
    """Options given before the sub-command, shared with every command."""

    lang: str | None = None
    methods_dirs: list[Path] = field(default_factory=list)
    log_dir: Path | None = None
    """`--log-dir` before the sub-command, else INTERVISIE_LOG_DIR, else None."""
    sound: str = "chime"
    remind: int = 5
    """Minutes between overtime reminders (0: none)."""
    quiet: bool = False


state = CliState()


def or_root(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
    """Option callback: the value typed after the sub-command, else the root's.

    Used by the sub-command options that the root also takes (`--log-dir`,
    `--sound`, `--quiet`), so `intervisie --log-dir X log list` and
    `intervisie log list --log-dir X` mean the same, and the sub-command's own
    option wins when both are given. A value from the environment or the
    default counts as not typed: the root already read the environment.
    """
    if param.name is None:
        return value
    # by name: typer may bring its own copy of click, with its own ParameterSource
    source = ctx.get_parameter_source(param.name)
    if source is not None and source.name == "COMMANDLINE":
        return value
    root = getattr(state, param.name)
    return value if root is None else root


def more_methods_dirs(value: list[Path] | None) -> list[Path] | None:
    """Option callback: `--methods DIR` after a sub-command adds to the root's folders."""
    state.methods_dirs = [*state.methods_dirs, *(value or [])]
    return value


#: `--methods DIR` for every sub-command that reads methods (the root takes it too).
MethodsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--methods", metavar="DIR", help=t("cli.help.methods_dir"), callback=more_methods_dirs
    ),
]


app = typer.Typer(
    name="intervisie",
    add_completion=False,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help=t("cli.help.app"),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"intervisie {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    lang: Annotated[str | None, typer.Option("--lang", help=t("cli.help.lang"))] = None,
    methods: Annotated[
        list[Path] | None,
        typer.Option("--methods", metavar="DIR", help=t("cli.help.methods_dir")),
    ] = None,
    log_dir: Annotated[
        Path | None,
        typer.Option(
            "--log-dir", metavar="DIR", envvar="INTERVISIE_LOG_DIR", help=t("cli.help.log_dir")
        ),
    ] = None,
    sound: Annotated[str, typer.Option("--sound", help=t("cli.help.sound"))] = "chime",
    remind: Annotated[
        int, typer.Option("--remind", metavar="MIN", min=0, help=t("cli.help.remind"))
    ] = 5,
    quiet: Annotated[bool, typer.Option("--quiet", help=t("cli.help.quiet"))] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("cli.help.version")),
    ] = False,
) -> None:
    """Without a sub-command: open the app at the setup screen."""
    if lang is not None and lang not in ("nl", "en"):
        raise typer.BadParameter(t("cli.bad_lang", lang=lang), param_hint="--lang")
    # main() already chose the language (a --lang anywhere, else the environment)
    state.lang = set_language(lang) if lang is not None else get_language()
    state.methods_dirs = list(methods or [])
    state.log_dir = log_dir
    state.sound = sound
    state.remind = remind
    state.quiet = quiet
    if ctx.invoked_subcommand is None:
        from intervisie_tui.cli.launch import open_app
        from intervisie_tui.cli.session import make_config

        open_app(make_config(None, log_dir, sound, quiet))
