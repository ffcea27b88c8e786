"""Which screen opens first, and how a session is begun or resumed.

On start the app offers an interrupted session before anything else (nothing
typed in a meeting may get lost); a complete `intervisie run ...` goes straight
to the run screen; anything else opens the setup screen, pre-filled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from intervisie_tui.core.method import Method
from intervisie_tui.core.session import (
    SessionController,
    journal_damage,
    repair_session,
    session_language,
    waiting_sessions,
)
from intervisie_tui.core.setup import SessionSetup, size_problem, validate_setup
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t

if TYPE_CHECKING:
    from intervisie_tui.core.session import JournalDamage, SessionInfo
    from intervisie_tui.tui.app import IntervisieApp

REPAIR_LIST_LINES = 6
"""Recovered entries named in the repair dialog (the rest as "and n more")."""


def open_first_screen(app: IntervisieApp) -> None:
    config = app.config
    if config.resume_id:
        session_id, downtime = config.resume_id, config.downtime
        app.call_later(resume_or_repair, app, session_id, downtime, lambda: leave_unchanged(app))
        return
    if config.check_interrupted:
        # `run --group X`: only that group's session is in the way
        waiting = waiting_sessions(config.request.group or None)
        if waiting:
            offer_resume(app, waiting[0])
            return
    open_setup_or_run(app)


def offer_resume(app: IntervisieApp, info: SessionInfo) -> None:
    question = t(
        "resume.question",
        group=info.group,
        method=info.method_name,
        started=f"{info.started:%d-%m %H:%M}" if info.started else "?",
        count=info.entries,
    )
    if info.damaged_line:
        question += "\n\n" + t("recovery.offer_note", line=info.damaged_line)
    # a paused session's clock stood still: there is no gap to count either way
    go_on = [("meeting", t("resume.meeting")), ("pause", t("resume.pause"))]
    if not info.clock_ran:
        go_on = [("meeting", t("resume.go_on"))]
    choices = [
        *go_on,
        ("new", t("resume.new")),
        ("discard", t("resume.discard")),
    ]

    def answered(choice: str | None) -> None:
        # after the dialog has gone, so the next screen gets the focus
        app.call_after_refresh(follow_choice, app, info, choice)

    from intervisie_tui.tui.screens.dialogs import Choice  # a direct start never needs it

    app.push_screen(Choice(question, choices), answered)


async def follow_choice(app: IntervisieApp, info: SessionInfo, choice: str | None) -> None:
    if choice in ("meeting", "pause"):
        await resume_or_repair(app, info.session_id, choice, lambda: offer_resume(app, info))
        return
    if choice == "discard" and info.entries:
        question = t("resume.discard_confirm", count=info.entries)

        def confirmed(yes: bool | None) -> None:
            if yes:
                discard_session(app, info)
                open_setup_or_run(app)
            else:
                offer_resume(app, info)

        from intervisie_tui.tui.screens.dialogs import Confirm

        app.push_screen(Confirm(question, t("resume.discard")), confirmed)
        return
    if choice == "discard":
        discard_session(app, info)
    open_setup_or_run(app)


def discard_session(app: IntervisieApp, info: SessionInfo) -> None:
    """Throw an interrupted session away: its journal and its half-written log."""
    from intervisie_tui.core.session import discard_session as discard

    try:
        discard(info.session_id, chosen_log_root(app))
    except IntervisieError as problem:
        app.notify(str(problem), severity="error", timeout=8)
        return
    app.notify(t("resume.discarded"))


def chosen_log_root(app: IntervisieApp) -> Path | None:
    """`--log-dir` given now (it wins over the folder a resumed session began with)."""
    return app.log_root() if app.config.log_dir is not None else None


def open_setup_or_run(app: IntervisieApp) -> None:
    from intervisie_tui.tui.setup_model import SetupContext

    context = SetupContext(app.log_root(), app.config.methods_dirs)
    request = app.config.request
    method = request.method
    if method is None and request.method_id:
        try:
            method = context.find(request.method_id)
        except IntervisieError as problem:
            app.notify(str(problem), severity="error", timeout=8)
    if method is not None and request.participants:
        group = request.group or t("setup.default_group")
        context.select_group(group)
        # roles not given on the command line get the fair-rotation suggestion
        roles = context.suggest(method, request.participants, request.roles)
        setup = context.make_setup(
            method=method,
            group=group,
            participants=request.participants,
            roles=roles,
            case_title=request.case_title,
            question=request.question,
            rounds=request.rounds,
        )
        # a group size the method is not made for: the setup screen asks first
        fits = request.force or size_problem(method, len(request.participants)) is None
        if fits and not validate_setup(setup, method):
            app.call_later(start_session, app, method, setup)
            return
    from intervisie_tui.tui.screens.setup import SetupScreen  # not imported on a direct `run`

    app.push_screen(SetupScreen(context, request))


async def start_session(app: IntervisieApp, method: Method, setup: SessionSetup) -> None:
    """A new session: the run screen first, its files right after the first frame.

    From the setup screen the files are made before the run screen opens, so a
    disk that refuses them keeps what was typed on the setup screen.
    """
    session = SessionController.begin(method, setup, app.clock, app.log_root())
    if len(app.screen_stack) > 1:
        opened = session.open_on_disk()
        if not opened.ok:
            app.notify(opened.message, severity="error", timeout=10)
            return
        for warning in opened.warnings:
            app.notify(warning, severity="warning", timeout=8)
    await app.show_run(session)


def leave_unchanged(app: IntervisieApp) -> None:
    """No repair of the session `intervisie resume` named: the app ends, every file as it was."""
    app.exit(message=t("recovery.cli.declined"), return_code=1)


async def resume_or_repair(
    app: IntervisieApp, session_id: str, downtime: str, declined: Callable[[], None]
) -> None:
    """Resume; a damaged or cut-off journal is first explained, and repaired only after a yes.

    After a no (`declined`), every file is as it was.
    """
    try:
        damage = journal_damage(session_id, chosen_log_root(app))
    except IntervisieError:
        damage = None  # resume_session says what is wrong
    if damage is None:
        await resume_session(app, session_id, downtime)
        return
    found = damage

    def answered(yes: bool | None) -> None:
        if yes:
            app.call_after_refresh(repair_and_resume, app, found, downtime, declined)
        else:
            app.call_after_refresh(declined)

    explanation = damage.describe(limit=REPAIR_LIST_LINES)
    question = t("recovery.question")
    from intervisie_tui.tui.screens.dialogs import Explain

    dialog = Explain(explanation, question, t("recovery.repair"), t("recovery.not_now"))
    app.push_screen(dialog, answered)


async def repair_and_resume(
    app: IntervisieApp, damage: JournalDamage, downtime: str, declined: Callable[[], None]
) -> None:
    try:
        folder = repair_session(damage.session_id, damage, chosen_log_root(app))
    except IntervisieError as problem:
        app.notify(str(problem), severity="error", timeout=10)
        declined()
        return
    done = t("recovery.repaired", count=damage.recovers, folder=str(folder))
    app.notify(done, timeout=10)
    await resume_session(app, damage.session_id, downtime)


async def resume_session(app: IntervisieApp, session_id: str, downtime: str) -> None:
    language = session_language(session_id)
    if language is not None:  # the language it began in, whatever the app started with
        app.speak(language)
    try:
        session, warnings = SessionController.resume(
            session_id,
            app.clock,
            "pause" if downtime == "pause" else "meeting",
            chosen_log_root(app),
        )
    except IntervisieError as problem:
        app.exit(message=str(problem), return_code=1)
        return
    for warning in warnings:
        app.notify(str(warning), severity="warning", timeout=8)
    if session.snapshot().finished:
        from intervisie_tui.tui.screens.summary import SummaryScreen

        session.close()
        app.session = session
        await app.push_screen(SummaryScreen(session.snapshot()))
        return
    await app.show_run(session)
