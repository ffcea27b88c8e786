"""SessionController: the one owner of a running session.

Every screen talks to a running session through this class and nothing else:
it holds the runner, the session's files (journal, lock and live Markdown log,
written in order by a DiskQueue off the screen's thread) and the alerts. Each
command returns one `Result`: done, or refused with a message (nothing
changed). A command that is done may not be on disk yet: `Result.line` and
`news()` say when it is, so the screen says "saved" only then, and a disk that
refuses keeps it waiting, never lost. Each beat of the clock and each command
yield a `Snapshot`: everything a screen draws, as plain values.

A new session can be drawn before its files exist (`begin`): the first command,
or `open_on_disk` right after the first frame, creates lock, journal and log.
If the disk refuses them the result is refused and `fatal`, and nothing was taken.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from intervisie_tui.core.alerts import Alert
from intervisie_tui.core.clock import Clock
from intervisie_tui.core.commands import Add, Edit, SessionError
from intervisie_tui.core.disk_queue import RETRY_SECONDS, DiskQueue
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import Plan, Step, build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.core.state import (
    AttendanceMark,
    Downtime,
    Entry,
    FollowUp,
    FollowUpDecision,
    Status,
)
from intervisie_tui.core.timing import StepTimes, Timesheet
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t
from intervisie_tui.safe_text import one_line, visible

if TYPE_CHECKING:  # the log's code is loaded with the session's files, after the first frame
    from intervisie_tui.core.logbook.live import LiveLog
    from intervisie_tui.core.store import SessionInfo

ResultKind = Literal["done", "refused"]
_T = TypeVar("_T")

STILL_SECONDS = 60.0
"""A suspend this long while the clock ran is asked about; a shorter one counts as it ran."""

SLOW_SAVE_SECONDS = 0.5
REMIND_SECONDS = 5 * 60
"""In overtime, a soft reminder this often (`--remind`; 0: none)."""
"""A save that takes longer than this shows on screen (a USB stick, a network drive)."""


@dataclass(frozen=True)
class Result:
    """What became of one command."""

    kind: ResultKind
    message: str = ""
    """Why it was refused, or what was done (translated)."""
    warnings: tuple[str, ...] = ()
    """Done, but something to tell (a due date that was not understood)."""
    fatal: bool = False
    """Refused because the session could not be put on disk: it cannot go on."""
    line: int | None = None
    """The journal line that holds it: saved once `DiskNews.saved` reaches it (None: nothing
    to save, or no disk)."""
    field: str | None = None
    """Refused because this typed field was not understood (`due`): ask it again, filled in,
    with `message` at the field."""

    @property
    def ok(self) -> bool:
        """The command was done (it may still be on its way to disk: see `line`)."""
        return self.kind != "refused"


@dataclass(frozen=True)
class DiskNews:
    """What the disk did since the last `news()`: each thing is told once."""

    saved: int = 0
    """Journal lines on disk: every command whose `Result.line` is at most this is saved."""
    refused: str | None = None
    """A write was just refused (the disk is full, say); it is kept and tried again."""
    recovered: bool = False
    """Everything that waited is on disk again after a refusal."""
    log_failed: str | None = None
    """The log could not be written (the journal holds everything)."""


DONE = Result("done")


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
    times: Timesheet
    """Per step: planned (incl. +/-), actual, paused; the summary and the log agree on it."""
    entries: tuple[Entry, ...]
    """Every live entry, in the order typed."""
    followups: Mapping[str, FollowUp]
    passed: tuple[str, ...]
    """Go-around of the current step: who passed."""
    sharpened: str
    """The sharpened help question; empty while it is not sharpened."""
    presence: Mapping[str, tuple[str, datetime | None]]
    """Every member -> present, absent, late or left (with when it was marked)."""
    spoken: frozenset[str]
    """Go-around of the current step: who had their turn (spoke or passed)."""
    next_speaker: str | None
    turn_remaining: float | None = None
    """Go-around with time per person: what is left of the next speaker's time."""
    alerts: tuple[Alert, ...] = ()
    """Thresholds crossed since the previous beat (only beats carry alerts)."""
    log_path: Path | None = None
    log_folder: Path | None = None
    log_error: str | None = None
    session_id: str = ""
    unsaved: int = 0
    """Commands done but not on disk yet."""
    unsaved_ids: frozenset[str] = frozenset()
    """Entries whose latest text is not on disk yet."""
    save_error: str | None = None
    """Why the disk refuses the waiting commands (they are tried again)."""
    saving_slowly: bool = False
    """Something waits for the disk longer than a moment, or the disk refuses: show it."""
    still: float | None = None
    """Seconds the app stood still while the clock ran (a suspend): meeting time or a pause?"""

    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    @property
    def agenda(self) -> tuple[StepTimes, ...]:
        return self.times.rows

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
    """One running session, end to end. Build with `begin`, `resume` or, in tests, directly.

    Given a runner with its files and a `log`, the controller writes them through
    a DiskQueue: on a worker thread, or with `background=False` on the caller's.
    """

    runner: SessionRunner
    log: LiveLog | None = None
    _pending: _Disk | None = None
    background: bool = True
    retry_seconds: float = RETRY_SECONDS
    """How long a write the disk refused waits before it is tried again."""
    remind_every: int = REMIND_SECONDS
    """Seconds between reminders while a step runs over (0: none)."""
    queue: DiskQueue | None = field(default=None, repr=False)
    _watcher: Callable[[], None] | None = field(default=None, repr=False)
    _told: DiskNews = field(default_factory=DiskNews, repr=False)
    _unsaved_since: float | None = field(default=None, repr=False)
    _last_slept: float | None = field(default=None, repr=False)
    _still: float | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.runner.on_disk and self.queue is None:
            self._write_through(self.log)

    # -- making one -------------------------------------------------------------------

    @classmethod
    def begin(
        cls,
        method: Method,
        setup: SessionSetup,
        clock: Clock,
        log_root: Path,
        *,
        background: bool = True,
    ) -> SessionController:
        """A new session in memory: enough to draw it; `open_on_disk` makes its files."""
        plan = build_plan(method, setup.model_copy(update={"log_root": str(log_root)}))
        pending = _Disk(log_root, bool(setup.case_title))
        return cls(SessionRunner(plan, clock), _pending=pending, background=background)

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
        A damaged journal is refused: `journal_damage`, then `repair_session`.
        """
        from intervisie_tui.core import store
        from intervisie_tui.core.logbook.live import LiveLog

        runner, warnings = store.resume(session_id, clock, downtime=downtime, log_root=log_root)
        root = session_log_root(runner.plan.setup, log_root)
        controller = cls(runner, LiveLog.later(runner.state, root))
        controller._after()  # the disk worker writes the log: a slow log folder holds no screen
        return controller, warnings

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
        self._write_through(LiveLog.open(self.runner.state, pending.root))
        warnings = self._mark_topic(pending.root) if pending.mark_topic else ()
        return self._after(warnings)

    def _write_through(self, log: LiveLog | None) -> None:
        """From now on the runner's lines, the log and the final close go through a DiskQueue."""

        def queue_for(journal: Any, lock: Any) -> DiskQueue:
            queue = DiskQueue(
                journal, lock, log, background=self.background, retry_seconds=self.retry_seconds
            )
            queue.on_change = self._disk_changed
            queue.on_closed = self._archive
            self.queue = queue
            return queue

        self.log = log
        self.runner.write_through(queue_for)

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
        """End the session; journal and lock are let go once everything is on disk."""
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
        return self._do(lambda: self.runner.add_note(visible(text)))

    def add_insight(self, text: str) -> Result:
        return self._do(lambda: self.runner.add_insight(visible(text)))

    def add_action(self, text: str, owner: str = "", due: str = "") -> Result:
        """An action item as typed: the owner matched to a participant, the due date parsed.

        A due date that is not understood refuses the whole item (`field="due"`), so
        the screen asks for the date again with everything typed still there.
        """
        try:
            when = self._due(due)
        except SessionError as problem:
            return Result("refused", str(problem), field="due")
        who = self.participant_name(owner)
        return self._do(lambda: self.runner.add_action(visible(text), who, when))

    def speak(self, name: str, text: str) -> Result:
        """Go-around: what `name` said, or, with nothing typed, that they passed."""
        if text.strip():
            return self._do(lambda: self.runner.add_statement(name, visible(text)))
        return self._do(lambda: self.runner.pass_turn(name))

    def edit_entry(self, entry_id: str, **changes: object) -> Result:
        """Change an entry; an owner and a due date as typed, read as `add_action` reads them."""
        if isinstance(changes.get("text"), str):
            changes["text"] = visible(str(changes["text"]))
        if isinstance(changes.get("owner"), str):
            changes["owner"] = self.participant_name(str(changes["owner"]))
        if isinstance(changes.get("due"), str):
            try:
                changes["due"] = self._due(str(changes["due"]))
            except SessionError as problem:
                return Result("refused", str(problem), field="due")
        return self._do(lambda: self.runner.edit_entry(entry_id, **changes))

    def delete_entry(self, entry_id: str) -> Result:
        return self._do(lambda: self.runner.delete_entry(entry_id))

    def decide_followup(self, key: str, decision: FollowUpDecision) -> Result:
        return self._do(lambda: self.runner.decide_followup(key, decision))

    def sharpen_question(self, text: str) -> Result:
        """The sharpened help question ("aangescherpte hulpvraag"), beside the first one."""
        return self._do(lambda: self.runner.sharpen_question(text))

    def mark_attendance(self, name: str, mark: AttendanceMark) -> Result:
        """`name` came in late, left early, or (`none`) neither: journaled and in the log."""
        return self._do(lambda: self.runner.mark_attendance(name, mark))

    def count_stillness(self, downtime: Downtime) -> Result:
        """Answer the question of `Snapshot.still`: the gap was meeting time, or a pause."""
        gap, self._still = self._still, None
        if gap is None:
            return Result("refused")
        return self._do(lambda: self.runner.account_gap(gap, downtime))

    def relocate_log(self, folder: str) -> Result:
        """Write the log in another folder from now on."""
        from intervisie_tui.core.logbook.writer import LogWriteError

        queue = self.queue
        if queue is None or queue.log is None:
            return Result("refused", t("summary.no_log"))
        target = Path(folder).expanduser()
        try:
            path = queue.with_log(lambda log: log.relocate(target))
        except LogWriteError as problem:
            self._told = replace(self._told, log_failed=str(problem))
            return Result("refused", str(problem))
        self._told = replace(self._told, log_failed=None)
        return Result("done", t("run.log_relocated", path=str(path or folder)))

    # -- the disk -------------------------------------------------------------------------

    def watch_disk(self, callback: Callable[[], None]) -> None:
        """`callback` (from any thread) whenever the disk wrote or refused something."""
        self._watcher = callback

    def _disk_changed(self) -> None:
        if self._watcher is not None:
            self._watcher()

    def news(self) -> DiskNews:
        """What the disk did since the last call; a refusal or log trouble is told once."""
        queue, told = self.queue, self._told
        if queue is None:
            return DiskNews()
        error = queue.error
        log_error = str(queue.log.error) if queue.log and queue.log.error else None
        news = DiskNews(
            saved=queue.saved,
            refused=error if error and error != told.refused else None,
            recovered=bool(told.refused) and error is None and queue.unsaved == 0,
            log_failed=log_error if log_error and log_error != told.log_failed else None,
        )
        still_refused = error if error else (told.refused if queue.unsaved else None)
        self._told = DiskNews(queue.saved, still_refused, log_failed=log_error)
        return news

    def retry_disk(self) -> None:
        """Try what the disk refused again, now."""
        if self.queue is not None:
            self.queue.retry()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every command is on disk; False if not within `timeout` seconds."""
        return self.queue is None or self.queue.flush(timeout)

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
            times=runner.timesheet(),
            entries=tuple(state.entries),
            followups=MappingProxyType(dict(state.followups)),
            passed=tuple(state.steps[state.current].passed),
            sharpened=state.sharpened,
            presence=MappingProxyType(state.presence()),
            spoken=frozenset(state.spoken(state.current)),
            next_speaker=state.next_speaker(),
            turn_remaining=runner.turn_remaining(),
            alerts=alerts,
            log_path=log.path if log else None,
            log_folder=log.folder if log else None,
            log_error=str(log.error) if log and log.error else None,
            session_id=state.session_id,
            still=self._still,
            **self._saving(),
        )

    def _saving(self) -> dict[str, Any]:
        """The snapshot's part about the disk: what waits, and since when."""
        queue = self.queue
        unsaved = queue.unsaved if queue is not None else 0
        if not unsaved or queue is None:
            self._unsaved_since = None
            return {}
        now = self.runner.clock.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        waiting = self.runner.events[-unsaved:]
        ids = {e.entry.id for e in waiting if isinstance(e, Add)}
        ids |= {e.id for e in waiting if isinstance(e, Edit)}
        slow = queue.error is not None or now - self._unsaved_since >= SLOW_SAVE_SECONDS
        return {
            "unsaved": unsaved,
            "unsaved_ids": frozenset(ids),
            "save_error": queue.error,
            "saving_slowly": slow,
        }

    def beat(self) -> Snapshot:
        """The clock's beat: thresholds crossed since the last one, and the state now.

        The computer slept since the last beat (a closed lid) while the clock ran:
        the snapshot asks whether that was meeting time or a pause.
        """
        slept = self.runner.clock.slept()
        last, self._last_slept = self._last_slept, slept
        running = self.runner.is_running and not self.runner.closed
        if running and last is not None and self._still is None and slept - last >= STILL_SECONDS:
            self._still = slept - last
        return self.snapshot(tuple(self.runner.poll_alerts(self.remind_every)))

    def seconds_to_next_change(self) -> float:
        """Delay until the shown second changes (countdown rounds up, overtime down)."""
        runner = self.runner
        if not runner.is_running:
            return 1.0
        delay = _to_next_second(runner.remaining())
        turn = runner.turn_remaining()
        if turn is not None:  # the speaker's own countdown, and their turn ending on time
            delay = min(delay, _to_next_second(turn))
        return max(0.02, delay) + 0.005  # just after the change, never before it

    def participant_name(self, typed: str) -> str | None:
        """`fleur` -> `Fleur` when she is in the room; anyone else as typed; blank: None."""
        name = one_line(" ".join(typed.split()))
        folded = name.casefold()
        found = (p for p in self.runner.plan.setup.participants if p.casefold() == folded)
        return next(found, name) or None

    # -- internals ----------------------------------------------------------------------

    def _due(self, typed: str) -> date | None:
        """A due date as people type it (`vr`, `+7`, `1-12`); blank: none.

        Not understood: a SessionError that says what is understood.
        """
        from intervisie_tui.core.dates import parse_due

        try:
            return parse_due(typed, self.runner.clock.now().date())
        except ValueError:
            raise SessionError("capture.bad_due", text=one_line(typed.strip())) from None

    def _do(self, work: Callable[[], _T], warnings: tuple[str, ...] = ()) -> Result:
        opened = self.open_on_disk()
        if not opened.ok:
            return opened
        before = self.queue.appended if self.queue is not None else 0
        try:
            work()
        except SessionError as problem:
            return Result("refused", str(problem))
        result = self._after(opened.warnings + warnings)
        if self.queue is not None and self.queue.appended > before:
            return replace(result, line=self.queue.appended)
        return result

    def _after(self, warnings: tuple[str, ...] = ()) -> Result:
        """The command is done: the log follows once the journal holds it."""
        if self.queue is not None:
            self.queue.update_log(self.runner.state)
        return Result("done", warnings=warnings)

    def _close(self) -> None:
        """Let go of journal and lock, once everything is on disk (see `_archive`)."""
        if not self.runner.closed:
            self.runner.close()

    def _archive(self) -> None:
        """Journal and lock are let go: a finished session's journal moves out of the way.

        Not while its log is behind (the last write failed): then the journal stays
        where the next start looks, and that start writes the log from it.
        """
        runner = self.runner
        log_current = self.log is None or self.log.error is None
        if runner.is_finished and log_current:
            from intervisie_tui.core import store

            with contextlib.suppress(IntervisieError, OSError):
                store.archive(runner.session_id)
        if runner.is_finished and self.log is not None:
            # the next start of this group then finds its history index current
            from intervisie_tui.core.logbook.history import load_folder

            load_folder(self.log.folder)

    def close(self) -> None:
        """Release the session without a command (the app ends); the disk finishes its work."""
        self._close()


def session_language(session_id: str) -> str | None:
    """The language a session began in: it is resumed in it (None: its journal says nothing)."""
    from intervisie_tui.core import store

    return store.session_language(session_id)


def _to_next_second(remaining: float) -> float:
    """Seconds until a countdown shows another second (rounded up; overtime rounded down)."""
    if remaining > 0:
        return remaining % 1.0 or 1.0
    return 1.0 - (-remaining % 1.0)


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


def journal_damage(session_id: str, log_root: Path | None = None) -> JournalDamage | None:
    """What a damaged or cut-off journal still holds and what its log brings back; None: whole.

    Read only: nothing changes before `repair_session`. Show `describe()` to the
    timekeeper and repair only after a yes. Raises IntervisieError when the
    journal cannot be read at all.
    """
    from intervisie_tui.core import store

    return store.damage(session_id, log_root)


def repair_session(session_id: str, accepted: JournalDamage, log_root: Path | None = None) -> Path:
    """The timekeeper said yes: recover as `accepted` says; returns the folder with the copies.

    Refused (IntervisieError, nothing changed) when the files changed since
    `accepted` was made or the disk says no. Then `resume` as usual.
    """
    from intervisie_tui.core import store

    return store.repair(session_id, accepted, log_root).parent


if TYPE_CHECKING:  # at the end, with the functions that name it
    from intervisie_tui.core.recovery import JournalDamage
