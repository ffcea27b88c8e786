"""SessionController: the one owner of a running session.

Every screen talks to a running session through this class and nothing else:
it holds the runner, the journal and lock (through the runner), the live
Markdown log and the alerts. Each command returns one `Result`: done, refused
with a message (nothing changed), or done but the log could not be written.
Each beat of the clock and each command yield a `Snapshot`: everything a screen
draws, as plain values, so screens compute nothing.

A new session can be drawn before its files exist (`begin`): the first command,
or `open_on_disk` right after the first frame, creates lock, journal and log.
If the disk refuses them the result is refused and `fatal`, and nothing was taken.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, TypeVar

from intervisie_tui.core.alerts import Alert
from intervisie_tui.core.clock import Clock
from intervisie_tui.core.commands import SessionError
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import Plan, Step, build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.core.state import Downtime, Entry, FollowUp, FollowUpDecision, Status
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t

if TYPE_CHECKING:  # the log's code is loaded with the session's files, after the first frame
    from intervisie_tui.core.logbook.live import LiveLog
    from intervisie_tui.core.store import SessionInfo

ResultKind = Literal["done", "refused", "log_failed"]
_T = TypeVar("_T")


@dataclass(frozen=True)
class Result:
    """What became of one command."""

    kind: ResultKind
    message: str = ""
    """Why it was refused, what went wrong with the log, or what was done (translated)."""
    warnings: tuple[str, ...] = ()
    """Done, but something to tell (a due date that was not understood)."""
    fatal: bool = False
    """Refused because the session could not be put on disk: it cannot go on."""

    @property
    def ok(self) -> bool:
        """The command was done (and is on disk), whatever became of the log."""
        return self.kind != "refused"


DONE = Result("done")


@dataclass(frozen=True)
class StepTimes:
    """One agenda row: a step with its planned (incl. +/-) and actual seconds."""

    step: Step
    planned: int
    actual: float


@dataclass(frozen=True)
class Snapshot:
    """A running session at one moment, as the screens draw it. Immutable."""

    plan: Plan
    status: Status
    index: int
    """The current step."""
    remaining: float
    """Of the current step; negative in overtime."""
    session_elapsed: float
    projected_end: datetime
    planned_end: datetime | None
    """Start + the planned total without +/-; None before the start."""
    agenda: tuple[StepTimes, ...]
    entries: tuple[Entry, ...]
    """Every live entry, in the order typed."""
    followups: Mapping[str, FollowUp]
    passed: tuple[str, ...]
    """Go-around of the current step: who passed."""
    spoken: frozenset[str]
    """Go-around of the current step: who had their turn (spoke or passed)."""
    next_speaker: str | None
    alerts: tuple[Alert, ...] = ()
    """Thresholds crossed since the previous beat (only beats carry alerts)."""
    log_path: Path | None = None
    log_folder: Path | None = None
    log_error: str | None = None
    session_id: str = ""

    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    @property
    def count(self) -> int:
        return len(self.plan.steps)

    @property
    def is_last_step(self) -> bool:
        return self.plan.is_last(self.index)

    @property
    def planned(self) -> int:
        """Planned seconds of the current step, +/- included."""
        return self.agenda[self.index].planned

    @property
    def elapsed(self) -> float:
        return self.agenda[self.index].actual

    @property
    def planned_total(self) -> int:
        return sum(row.planned for row in self.agenda)

    @property
    def warn_from(self) -> int:
        return max(self.step.warn_at, default=0)

    @property
    def running(self) -> bool:
        return self.status == "running"

    @property
    def paused(self) -> bool:
        return self.status == "paused"

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    def entries_of(self, step: int) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.step == step)

    @property
    def step_entries(self) -> tuple[Entry, ...]:
        return self.entries_of(self.index)


@dataclass
class _Disk:
    """What a new session needs to make its files (once, before its first command)."""

    root: Path
    mark_topic: bool


@dataclass
class SessionController:
    """One running session, end to end. Build with `begin`, `resume` or, in tests, directly."""

    runner: SessionRunner
    log: LiveLog | None = None
    _pending: _Disk | None = None
    _reported_log_error: str | None = field(default=None, repr=False)

    # -- making one -------------------------------------------------------------------

    @classmethod
    def begin(
        cls, method: Method, setup: SessionSetup, clock: Clock, log_root: Path
    ) -> SessionController:
        """A new session in memory: enough to draw it; `open_on_disk` makes its files."""
        plan = build_plan(method, setup.model_copy(update={"log_root": str(log_root)}))
        return cls(SessionRunner(plan, clock), _pending=_Disk(log_root, bool(setup.case_title)))

    @classmethod
    def resume(
        cls,
        session_id: str,
        clock: Clock,
        downtime: Downtime = "meeting",
        log_root: Path | None = None,
    ) -> tuple[SessionController, list[str]]:
        """Continue an interrupted session; raises IntervisieError when it cannot.

        The log goes where the session began unless `log_root` says otherwise.
        """
        from intervisie_tui.core import store
        from intervisie_tui.core.logbook.live import LiveLog

        runner, warnings = store.resume(session_id, clock, downtime=downtime)
        root = session_log_root(runner.plan.setup, log_root)
        return cls(runner, LiveLog.open(runner.state, root)), warnings

    @property
    def closed(self) -> bool:
        """Journal and lock let go (finished, stopped, or the app ends): nothing more to beat."""
        return self.runner.closed

    @property
    def pending(self) -> bool:
        """A new session whose files do not exist yet."""
        return self._pending is not None

    def open_on_disk(self) -> Result:
        """Lock, journal and log of a new session (once); refused and fatal if the disk says no."""
        pending = self._pending
        if pending is None:
            return DONE
        from intervisie_tui.core import store
        from intervisie_tui.core.logbook.live import LiveLog

        try:
            store.store_on_disk(self.runner)
        except IntervisieError as problem:
            return Result("refused", str(problem), fatal=True)
        self._pending = None
        self.log = LiveLog.open(self.runner.state, pending.root)
        warnings = self._mark_topic(pending.root) if pending.mark_topic else ()
        return self._after(warnings)

    def _mark_topic(self, root: Path) -> tuple[str, ...]:
        """A case from the group's topic list gets today's date there; a broken file only warns."""
        from intervisie_tui.core.group import mark_topic_chosen

        setup = self.runner.plan.setup
        try:
            mark_topic_chosen(setup.group, setup.case_title, self.runner.clock.now().date(), root)
        except IntervisieError as problem:
            return (str(problem),)
        return ()

    # -- commands ---------------------------------------------------------------------

    def start(self) -> Result:
        return self._do(self.runner.start)

    def pause(self) -> Result:
        return self._do(self.runner.pause)

    def resume_clock(self) -> Result:
        return self._do(self.runner.resume)

    def toggle(self) -> Result:
        """Space: start, pause or go on, whichever applies now."""
        status = self.runner.state.status
        if status == "ready":
            return self.start()
        return self.pause() if status == "running" else self.resume_clock()

    def next(self) -> Result:
        return self._do(self.runner.next)

    def previous(self) -> Result:
        return self._do(self.runner.previous)

    def jump(self, index: int) -> Result:
        return self._do(lambda: self.runner.jump(index))

    def adjust(self, seconds: int) -> Result:
        return self._do(lambda: self.runner.adjust(seconds))

    def finish(self) -> Result:
        """End the session: on disk first; only then are journal and lock let go."""
        result = self._do(self.runner.finish)
        if result.ok:
            self._close()
        return result

    def stop(self) -> Result:
        """The timekeeper quits: the clock stops, and `intervisie resume` can take it."""
        warnings: tuple[str, ...] = ()
        if self.runner.is_running:
            paused = self.pause()
            warnings = () if paused.ok else (paused.message,)
        self._close()
        return Result("done", warnings=warnings)

    def add_note(self, text: str) -> Result:
        return self._do(lambda: self.runner.add_note(text))

    def add_insight(self, text: str) -> Result:
        return self._do(lambda: self.runner.add_insight(text))

    def add_action(self, text: str, owner: str = "", due: str = "") -> Result:
        """An action item as typed: the owner matched to a participant, the due date parsed."""
        from intervisie_tui.core.dates import parse_due

        warnings: tuple[str, ...] = ()
        try:
            when: date | None = parse_due(due, self.runner.clock.now().date())
        except ValueError:
            when, warnings = None, (t("capture.bad_due", text=due),)
        who = self.participant_name(owner)
        return self._do(lambda: self.runner.add_action(text, who, when), warnings)

    def speak(self, name: str, text: str) -> Result:
        """Go-around: what `name` said, or, with nothing typed, that they passed."""
        if text.strip():
            return self._do(lambda: self.runner.add_statement(name, text))
        return self._do(lambda: self.runner.pass_turn(name))

    def edit_entry(self, entry_id: str, **changes: object) -> Result:
        return self._do(lambda: self.runner.edit_entry(entry_id, **changes))

    def delete_entry(self, entry_id: str) -> Result:
        return self._do(lambda: self.runner.delete_entry(entry_id))

    def decide_followup(self, key: str, decision: FollowUpDecision) -> Result:
        return self._do(lambda: self.runner.decide_followup(key, decision))

    def relocate_log(self, folder: str) -> Result:
        """Write the log in another folder from now on."""
        from intervisie_tui.core.logbook.writer import LogWriteError

        if self.log is None:
            return Result("refused", t("summary.no_log"))
        try:
            path = self.log.relocate(Path(folder).expanduser())
        except LogWriteError as problem:
            self._reported_log_error = str(problem)
            return Result("refused", str(problem))
        self._reported_log_error = None
        return Result("done", t("run.log_relocated", path=str(path or folder)))

    # -- what the screens draw ----------------------------------------------------------

    def snapshot(self, alerts: tuple[Alert, ...] = ()) -> Snapshot:
        runner, state = self.runner, self.runner.state
        started = state.started_at
        log = self.log
        return Snapshot(
            plan=runner.plan,
            status=state.status,
            index=state.current,
            remaining=runner.remaining(),
            session_elapsed=runner.session_elapsed(),
            projected_end=runner.projected_end(),
            planned_end=started + timedelta(seconds=runner.plan.total) if started else None,
            agenda=tuple(StepTimes(*row) for row in runner.planned_vs_actual()),
            entries=tuple(state.entries),
            followups=MappingProxyType(dict(state.followups)),
            passed=tuple(state.steps[state.current].passed),
            spoken=frozenset(state.spoken(state.current)),
            next_speaker=state.next_speaker(),
            alerts=alerts,
            log_path=log.path if log else None,
            log_folder=log.folder if log else None,
            log_error=str(log.error) if log and log.error else None,
            session_id=state.session_id,
        )

    def beat(self) -> Snapshot:
        """The clock's beat: thresholds crossed since the last one, and the state now."""
        return self.snapshot(tuple(self.runner.poll_alerts()))

    def seconds_to_next_change(self) -> float:
        """Delay until the shown second changes (countdown rounds up, overtime down)."""
        runner = self.runner
        if not runner.is_running:
            return 1.0
        remaining = runner.remaining()
        if remaining > 0:
            delay = remaining % 1.0 or 1.0  # shown rounded up: changes at the whole second
        else:
            delay = 1.0 - (-remaining % 1.0)  # overtime shown rounded down
        return max(0.02, delay) + 0.005  # just after the change, never before it

    def participant_name(self, typed: str) -> str | None:
        """`fleur` -> `Fleur` when she is in the room; anyone else as typed; blank: None."""
        name = " ".join(typed.split())
        folded = name.casefold()
        found = (p for p in self.runner.plan.setup.participants if p.casefold() == folded)
        return next(found, name) or None

    # -- internals ----------------------------------------------------------------------

    def _do(self, work: Callable[[], _T], warnings: tuple[str, ...] = ()) -> Result:
        opened = self.open_on_disk()
        if not opened.ok:
            return opened
        try:
            work()
        except SessionError as problem:
            return Result("refused", str(problem))
        return self._after(opened.warnings + warnings)

    def _after(self, warnings: tuple[str, ...] = ()) -> Result:
        """The command is on disk: bring the log along; its trouble is said once."""
        log = self.log
        if log is None:
            return Result("done", warnings=warnings)
        log.update(self.runner.state)
        problem = str(log.error) if log.error else None
        if problem is None or problem == self._reported_log_error:
            self._reported_log_error = problem
            return Result("done", warnings=warnings)
        self._reported_log_error = problem
        return Result("log_failed", problem, warnings)

    def _close(self) -> None:
        """Let go of journal and lock; a finished session's journal moves out of the way.

        Not while its log is behind (the last write failed): then the journal stays
        where the next start looks, and that start writes the log from it.
        """
        runner = self.runner
        if runner.closed:
            return
        runner.close()
        log_current = self.log is None or self.log.error is None
        if runner.is_finished and runner.on_disk and log_current:
            from intervisie_tui.core import store

            with contextlib.suppress(IntervisieError, OSError):
                store.archive(runner.session_id)

    def close(self) -> None:
        """Release the session without a command (the app ends)."""
        self._close()


def waiting_sessions(group: str | None = None) -> list[SessionInfo]:
    """Interrupted sessions this app can take now, most recent first (of `group`, if given).

    Not one that is open elsewhere (its lock is held) or whose journal cannot be read.
    """
    from intervisie_tui import paths

    if not paths.has_journals():  # the journal code is loaded only when there is one
        return []
    from intervisie_tui.core import store

    waiting = [s for s in store.interrupted_sessions() if not s.in_use and not s.problem]
    return [s for s in waiting if group is None or s.group == group]


def discard_session(session_id: str, log_root: Path | None = None) -> None:
    """Throw an interrupted session away: its journal and its half-written log.

    Raises IntervisieError when it cannot (open elsewhere, unreadable).
    """
    from intervisie_tui.core import store
    from intervisie_tui.core.logbook.naming import group_dir
    from intervisie_tui.core.logbook.writer import remove_session_log

    state, _ = store.load(session_id)
    store.discard(session_id)
    setup = state.plan.setup
    remove_session_log(group_dir(session_log_root(setup, log_root), setup.group), session_id)


def session_log_root(setup: SessionSetup, chosen: Path | None) -> Path | None:
    """Where a session's log lives: a folder chosen now wins, else the one it began with."""
    if chosen is not None or not setup.log_root:
        return chosen
    return Path(setup.log_root)
