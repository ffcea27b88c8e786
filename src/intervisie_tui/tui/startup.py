"""Which screen opens first, and how a session is begun or resumed.

On start the app offers an interrupted session before anything else (nothing
typed in a meeting may get lost); a complete `intervisie run ...` goes straight
to the run screen; anything else opens the setup screen, pre-filled.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from intervisie_tui import paths
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.setup import SessionSetup, validate_setup
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t
from intervisie_tui.tui.screens.dialogs import Choice, Confirm
from intervisie_tui.tui.session_view import SessionView

if TYPE_CHECKING:
    from intervisie_tui.core.store import SessionInfo
    from intervisie_tui.tui.app import IntervisieApp


def open_first_screen(app: IntervisieApp) -> None:
    config = app.config
    if config.resume_id:
        app.call_later(resume_session, app, config.resume_id, config.downtime)
        return
    if config.check_interrupted and paths.has_journals():
        from intervisie_tui.core import store  # only when there is a journal to look at

        waiting = [s for s in store.interrupted_sessions() if not s.in_use and not s.problem]
        if config.request.group:  # `run --group X`: only that group's session is in the way
            waiting = [s for s in waiting if s.group == config.request.group]
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
        entries=info.entries,
    )
    choices = [
        ("meeting", t("resume.meeting")),
        ("pause", t("resume.pause")),
        ("new", t("resume.new")),
        ("discard", t("resume.discard")),
    ]

    def answered(choice: str | None) -> None:
        # after the dialog has gone, so the next screen gets the focus
        app.call_after_refresh(follow_choice, app, info, choice)

    app.push_screen(Choice(question, choices), answered)


async def follow_choice(app: IntervisieApp, info: SessionInfo, choice: str | None) -> None:
    if choice in ("meeting", "pause"):
        await resume_session(app, info.session_id, choice)
        return
    if choice == "discard" and info.entries:
        question = t("resume.discard_confirm", entries=info.entries)

        def confirmed(yes: bool | None) -> None:
            if yes:
                discard_session(app, info)
                open_setup_or_run(app)
            else:
                offer_resume(app, info)

        app.push_screen(Confirm(question, t("resume.discard")), confirmed)
        return
    if choice == "discard":
        discard_session(app, info)
    open_setup_or_run(app)


def resume_log_root(app: IntervisieApp, setup: SessionSetup) -> Path:
    """`--log-dir` on resume wins; otherwise the folder the session began with."""
    if app.config.log_dir is not None or not setup.log_root:
        return app.log_root()
    return Path(setup.log_root)


def discard_session(app: IntervisieApp, info: SessionInfo) -> None:
    """Throw an interrupted session away: its journal and its half-written log."""
    from intervisie_tui.core import store
    from intervisie_tui.core.logbook.naming import group_dir
    from intervisie_tui.core.logbook.writer import remove_session_log

    try:
        state, _ = store.load(info.session_id)
        store.discard(info.session_id)
    except IntervisieError as problem:
        app.notify(str(problem), severity="error", timeout=8)
        return
    root = resume_log_root(app, state.plan.setup)
    remove_session_log(group_dir(root, state.plan.setup.group), info.session_id)
    app.notify(t("resume.discarded"))


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
        roles = {**context.suggest(method, request.participants), **request.roles}
        setup = context.make_setup(
            method=method,
            group=group,
            participants=request.participants,
            roles=roles,
            case_title=request.case_title,
            question=request.question,
        )
        if not validate_setup(setup, method):
            app.call_later(app.start_session, method, setup)
            return
    from intervisie_tui.tui.screens.setup import SetupScreen  # not imported on a direct `run`

    app.push_screen(SetupScreen(context, request))


def begin_session(app: IntervisieApp, method: Method, setup: SessionSetup) -> SessionView:
    """Plan and runner for a new session: enough to draw the run screen.

    Journal, lock and log follow in `store_session`, which the run screen calls
    right after its first frame and before it takes a command, so that
    `intervisie run ...` shows the clock without waiting for the disk.
    """
    from intervisie_tui.core.runner import SessionRunner

    root = app.log_root()
    plan = build_plan(method, setup.model_copy(update={"log_root": str(root)}))
    view = SessionView(SessionRunner(plan, app.clock), app.alerter())
    view.pending_store = lambda: store_session(app, view, root)
    return view


def store_session(app: IntervisieApp, view: SessionView, root: Path) -> None:
    """Lock, journal and log of a new session; raises IntervisieError when it cannot."""
    from intervisie_tui.core import store
    from intervisie_tui.core.logbook.live import LiveLog

    store.store_on_disk(view.runner)
    view.log = LiveLog.attach(view.runner, root)
    setup = view.runner.plan.setup
    if setup.case_title:
        mark_topic(app, setup)


def mark_topic(app: IntervisieApp, setup: SessionSetup) -> None:
    """A case taken from the group's topic list gets today's date there (deepening a theme)."""
    from intervisie_tui.core.group import mark_topic_chosen  # only when a case is named

    try:
        mark_topic_chosen(setup.group, setup.case_title, app.clock.now().date(), app.log_root())
    except IntervisieError as problem:  # a broken group file must not stop the meeting
        app.notify(str(problem), severity="warning", timeout=8)


async def resume_session(app: IntervisieApp, session_id: str, downtime: str) -> None:
    from intervisie_tui.core import store
    from intervisie_tui.core.logbook.live import LiveLog

    try:
        runner, warnings = store.resume(session_id, app.clock, downtime=downtime)
    except IntervisieError as problem:
        app.exit(message=str(problem), return_code=1)
        return
    for warning in warnings:
        app.notify(str(warning), severity="warning", timeout=8)
    log = LiveLog.attach(runner, resume_log_root(app, runner.plan.setup))
    view = SessionView(runner, app.alerter(), log)
    if runner.is_finished:
        view.show_summary(app)
        return
    await app.show_run(view)
