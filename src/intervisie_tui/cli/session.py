"""`intervisie run METHOD ...` and `intervisie resume`: the commands that open the app."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from intervisie_tui.cli.common import MethodsOption, app, or_root, state
from intervisie_tui.core.method import Method
from intervisie_tui.core.setup import (
    ROUND_PROBLEMS,
    SessionSetup,
    SetupProblem,
    clash_problem,
    has_case,
    role_clashes,
    size_problem,
    split_names,
    text_problems,
    validate_setup,
)
from intervisie_tui.errors import IntervisieError, UsageProblem
from intervisie_tui.i18n import set_language, t
from intervisie_tui.sound import SOUND_MODES

LangOption = Annotated[str | None, typer.Option("--lang", help=t("cli.help.lang"))]
LogDirOption = Annotated[
    Path | None,
    typer.Option(
        "--log-dir",
        metavar="DIR",
        envvar="INTERVISIE_LOG_DIR",
        help=t("cli.help.log_dir"),
        callback=or_root,
    ),
]
SoundOption = Annotated[str, typer.Option("--sound", help=t("cli.help.sound"), callback=or_root)]
QuietOption = Annotated[bool, typer.Option("--quiet", help=t("cli.help.quiet"), callback=or_root)]
RemindOption = Annotated[
    int,
    typer.Option("--remind", metavar="MIN", min=0, help=t("cli.help.remind"), callback=or_root),
]


def parse_roles(values: list[str]) -> dict[str, tuple[str, ...]]:
    """`--role inbrenger=An --role leden=Bo,Cor` -> {"inbrenger": ("An",), ...}."""
    roles: dict[str, tuple[str, ...]] = {}
    for value in values:
        role, sep, names = value.partition("=")
        if not sep or not role.strip() or not names.strip():
            raise typer.BadParameter(t("cli.bad_role", value=value), param_hint="--role")
        roles[role.strip()] = roles.get(role.strip(), ()) + split_names(names)
    return roles


def parse_rounds(values: list[str]) -> dict[str, int]:
    """`--rounds casusronde=4` -> {"casusronde": 4}."""
    rounds: dict[str, int] = {}
    for value in values:
        block, sep, count = value.partition("=")
        if not sep or not block.strip() or not count.strip().isdigit():
            raise typer.BadParameter(t("cli.bad_rounds", value=value), param_hint="--rounds")
        rounds[block.strip()] = int(count)
    return rounds


def make_config(lang, log_dir, sound, quiet, **extra):
    """Everything the app needs from the command line, with the global options merged in.

    `log_dir`, `sound` and `quiet` arrive merged already (the options' `or_root`
    callback), and so do the `--methods` folders (in `state`); `quiet` means no sound.
    """
    from intervisie_tui.tui.config import AppConfig

    if lang is not None:
        if lang not in ("nl", "en"):
            raise typer.BadParameter(t("cli.bad_lang", lang=lang), param_hint="--lang")
        state.lang = set_language(lang)
    if sound not in SOUND_MODES:
        raise typer.BadParameter(t("cli.bad_sound", sound=sound), param_hint="--sound")
    return AppConfig(
        lang=state.lang or "nl",
        methods_dirs=tuple(state.methods_dirs),
        log_dir=log_dir,
        sound="off" if quiet else sound,
        remind_every=state.remind * 60,
        **extra,
    )


@app.command("run", help=t("cli.help.run"))
def run(
    method: Annotated[str, typer.Argument(help=t("cli.help.method_id"))],
    group: Annotated[str | None, typer.Option("--group", help=t("cli.help.group_name"))] = None,
    participants: Annotated[
        str | None, typer.Option("--participants", help=t("cli.help.run.participants"))
    ] = None,
    role: Annotated[
        list[str] | None,
        typer.Option("--role", metavar="ROLE=NAME", help=t("cli.help.run.role")),
    ] = None,
    rounds: Annotated[
        list[str] | None,
        typer.Option("--rounds", metavar="BLOCK=N", help=t("cli.help.run.rounds")),
    ] = None,
    case: Annotated[str, typer.Option("--case", help=t("cli.help.run.case"))] = "",
    question: Annotated[str, typer.Option("--question", help=t("cli.help.run.question"))] = "",
    force: Annotated[bool, typer.Option("--force", help=t("cli.help.run.force"))] = False,
    log_dir: LogDirOption = None,
    methods: MethodsOption = None,
    lang: LangOption = None,
    sound: SoundOption = "chime",
    remind: RemindOption = 5,
    quiet: QuietOption = False,
) -> None:
    """Run a session; skips the setup screen when everything needed is given."""
    from intervisie_tui.cli.launch import open_app
    from intervisie_tui.core.library import find_method
    from intervisie_tui.tui.config import RunRequest

    state.remind = remind
    config = make_config(lang, log_dir, sound, quiet)
    entry = find_method(method, config.methods_dirs)  # a typo ends here, in one line
    names = split_names(participants or "")
    roles = parse_roles(role or [])
    for problem in given_problems(entry.method, group or "", names, roles, case, question, force):
        raise UsageProblem(t(problem.key, **problem.values))
    chosen = parse_rounds(rounds or [])
    probe = SessionSetup(method_id=method, group="-", participants=names, rounds=chosen)
    for problem in validate_setup(probe, entry.method):  # a round count is known before any screen
        if problem.key in ROUND_PROBLEMS:
            raise UsageProblem(t(problem.key, **problem.values))
    request = RunRequest(
        method_id=method,
        method=entry.method,
        group=group,
        participants=names,
        roles=roles,
        case_title=case,
        question=question,
        force=force,
        rounds=chosen,
    )
    open_app(replace(config, request=request))


def given_problems(
    method: Method,
    group: str,
    names: tuple[str, ...],
    roles: dict[str, tuple[str, ...]],
    case: str,
    question: str,
    force: bool,
) -> Iterator[SetupProblem]:
    """What `run` refuses in one line before any screen opens.

    Text that must not reach a terminal; a case or question for a method that
    has none; roles given that clash (the same rule as the setup screen's); a
    group size outside the method's range unless `--force` says it is meant.
    The rest (a name missing, a role left empty) the setup screen shows.
    """
    yield from text_problems(group, case, names, question)
    if not has_case(method) and (case.strip() or question.strip()):
        yield SetupProblem("setup.no_case", method=method.name)
    for name, role_ids in role_clashes(method, roles):
        yield clash_problem(method, name, role_ids)
    size = size_problem(method, len(names)) if names and not force else None
    if size is not None:
        yield SetupProblem("cli.size_force", problem=t(size.key, **size.values))


@app.command("resume", help=t("cli.help.resume"))
def resume(
    session_id: Annotated[str | None, typer.Argument(help=t("cli.help.resume.session_id"))] = None,
    as_pause: Annotated[
        bool, typer.Option("--as-pause", help=t("cli.help.resume.as_pause"))
    ] = False,
    accept_damage: Annotated[
        bool, typer.Option("--accept-damage", help=t("cli.help.resume.accept_damage"))
    ] = False,
    log_dir: LogDirOption = None,
    methods: MethodsOption = None,
    lang: LangOption = None,
    sound: SoundOption = "chime",
    remind: RemindOption = 5,
    quiet: QuietOption = False,
) -> None:
    """Continue an interrupted session exactly where it stopped."""
    state.remind = remind
    from intervisie_tui.cli.launch import open_app
    from intervisie_tui.core.session import waiting_sessions

    if session_id is None:  # the latest one this app can take (not one open elsewhere)
        waiting = waiting_sessions()
        if not waiting:
            raise IntervisieError(t("cli.nothing_to_resume"))
        session_id = waiting[0].session_id
    config = make_config(
        lang,
        log_dir,
        sound,
        quiet,
        resume_id=session_id,
        downtime="pause" if as_pause else "meeting",
    )
    config = replace(config, lang=spoken_in(session_id, config.lang))
    repair_if_accepted(session_id, config.log_dir, accept_damage)
    open_app(config)


def spoken_in(session_id: str, fallback: str) -> str:
    """A session is resumed in the language it began in, whatever `--lang` says now."""
    from intervisie_tui.core.session import session_language

    state.lang = set_language(session_language(session_id) or fallback)
    return state.lang


def repair_if_accepted(session_id: str, log_root: Path | None, accepted: bool) -> None:
    """A damaged or cut-off journal: say what a repair keeps and drops, repair only after a yes.

    The yes is `--accept-damage` or an answer typed in the terminal; without a
    terminal and without the flag, one line refuses and nothing changes.
    """
    from intervisie_tui.core.session import journal_damage, repair_session

    try:
        damage = journal_damage(session_id, log_root)
    except IntervisieError:
        return  # the app says what is wrong with this session
    if damage is None:
        return
    if not accepted and not sys.stdin.isatty():
        raise IntervisieError(t("recovery.cli.refused", id=session_id, line=damage.first_damaged))
    typer.echo(damage.describe())
    if not accepted and not typer.confirm(t("recovery.question"), default=False):
        typer.echo(t("recovery.cli.declined"))
        raise typer.Exit(1)
    folder = repair_session(session_id, damage, log_root)
    typer.echo(t("recovery.repaired", count=damage.recovers, folder=str(folder)))
