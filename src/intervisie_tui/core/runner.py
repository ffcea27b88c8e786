"""SessionRunner: the state machine of a running session.

Each command is checked, turned into an event, appended to the journal (flush
+ fsync) and only then applied to the state, so whatever the UI shows is on
disk. The applied event is the one read back from the journal line, which
makes the live state and a replay of the journal equal by construction.

Time is a deadline: remaining time is computed from the session clock on every
call, never counted down, so a late refresh cannot make the timer drift.

Listeners (`subscribe`) are called after every applied command. A listener that
raises does not undo anything (the command is already on disk) and does not
stop the other listeners: its exception is kept in `listener_errors` for the
caller to show or report.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from intervisie_tui.core.alerts import Alert, AlertWatch, crossed
from intervisie_tui.core.capture import CaptureCommands
from intervisie_tui.core.clock import Clock
from intervisie_tui.core.commands import (
    EVENT,
    Adjust,
    Alive,
    Event,
    Finish,
    Move,
    Pause,
    Reopen,
    Resume,
    SessionError,
    Start,
    apply,
    initial_state,
)
from intervisie_tui.core.plan import Plan
from intervisie_tui.core.readings import SessionReadings
from intervisie_tui.core.state import Downtime, SessionState

if TYPE_CHECKING:
    from intervisie_tui.core.lock import SessionLock

__all__ = ["Alert", "SessionError", "SessionRunner", "new_session_id"]

HEARTBEAT_SECONDS = 30.0
"""While running, `poll_alerts` journals a heartbeat this often, so that a resume after
a crash knows when the meeting was last seen (for `downtime="pause"`)."""
Listener = Callable[[SessionState], None]


class JournalLike(Protocol):
    def append(self, line: str) -> None: ...
    def close(self) -> None: ...


def new_session_id(now: datetime) -> str:
    """`20250314-140502-a3f9`: sorts by start time, unique enough for one laptop."""
    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


class SessionRunner(SessionReadings, CaptureCommands):
    """Runs a `Plan` against a `Clock`; every command is journaled before it applies."""

    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        journal: JournalLike | None = None,
        session_id: str | None = None,
        *,
        lock: SessionLock | None = None,
        created: datetime | None = None,
    ) -> None:
        self.plan = plan
        self.clock = clock
        self.session_id = session_id or new_session_id(clock.now())
        self.state: SessionState = initial_state(plan, self.session_id, created or clock.now())
        self.events: list[Event] = []
        """Every applied event, in order (the journal minus its header)."""
        self.listener_errors: list[Exception] = []
        self._journal = journal
        self._lock = lock
        self._closed = False
        self._base = clock.monotonic()
        self._listeners: list[Listener] = []
        self._alerts = AlertWatch()

    @classmethod
    def restore(
        cls,
        plan: Plan,
        clock: Clock,
        events: list[Event],
        *,
        session_id: str,
        gap: float,
        downtime: Downtime = "meeting",
        journal: JournalLike | None = None,
        lock: SessionLock | None = None,
        created: datetime | None = None,
    ) -> SessionRunner:
        """Continue a session from its events after `gap` seconds without the app.

        The session clock goes on from the last event plus the gap; a `resumed`
        event records the gap as meeting time or, with `downtime="pause"`, as a pause.
        """
        runner = cls(plan, clock, journal, session_id, lock=lock, created=created)
        for event in events:
            apply(runner.state, event)
        runner.events = list(events)
        last_t = events[-1].t if events else 0.0
        runner._base = clock.monotonic() - (last_t + gap)
        runner._commit(Reopen(t=runner._t(), wall=clock.now(), gap=gap, downtime=downtime))
        return runner

    # Time commands ---------------------------------------------------------------

    def start(self) -> None:
        if self.state.status != "ready":
            raise SessionError("session.already_started")
        self._record(Start)

    def pause(self) -> None:
        self._require_active()
        if not self.is_running:
            raise SessionError("session.not_running")
        self._record(Pause)

    def resume(self) -> None:
        self._require_active()
        if not self.is_paused:
            raise SessionError("session.not_paused")
        self._record(Resume)

    def toggle_pause(self) -> None:
        if self.is_paused:
            self.resume()
        else:
            self.pause()

    def next(self) -> None:
        self._require_active()
        if self.state.current >= len(self.plan.steps) - 1:
            raise SessionError("session.last_step")
        self._record(Move, type="next", index=self.state.current + 1)

    def previous(self) -> None:
        self._require_active()
        if self.state.current == 0:
            raise SessionError("session.first_step")
        self._record(Move, type="previous", index=self.state.current - 1)

    def jump(self, index: int) -> None:
        """Make step `index` current; jumping to the current step changes nothing."""
        self._require_active()
        if not 0 <= index < len(self.plan.steps):
            raise SessionError("session.bad_step", index=index + 1, count=len(self.plan.steps))
        if index != self.state.current:
            self._record(Move, type="jump", index=index)

    def adjust(self, seconds: int = 60) -> None:
        """Add (or, negative, take away) time on the current step; 0 changes nothing."""
        if self.is_finished:
            raise SessionError("session.finished")
        if self.planned() + seconds < 0:
            raise SessionError("session.adjust_too_much")
        if seconds:
            self._record(Adjust, seconds=int(seconds))

    def finish(self) -> None:
        self._require_active()
        self._record(Finish)

    # Alerts, listeners, lifetime -------------------------------------------------

    def poll_alerts(self) -> list[Alert]:
        """Thresholds of the current step crossed since the last poll (call on every refresh).

        Each threshold fires once per crossing; when one poll finds several newly
        crossed, only the lowest is returned. Nothing fires while not running, and
        thresholds already crossed when a step becomes current stay silent.
        """
        if not self.is_running:
            return []
        self._heartbeat()
        return self._alerts.poll(self.state.current, self._crossed())

    @property
    def on_disk(self) -> bool:
        """Is every command journaled (False in tests and before `keep_on_disk`)?"""
        return self._journal is not None

    def keep_on_disk(self, journal: JournalLike, lock: SessionLock | None = None) -> None:
        """Journal every command from now on: for a session drawn before its files existed."""
        if self.events or self._journal is not None:
            raise SessionError("session.closed")  # a bug: events would be missing on disk
        self._journal, self._lock = journal, lock

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call `callback(state)` after every applied command; returns an unsubscribe."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def close(self) -> None:
        """Close the journal and release the session lock (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._journal is not None:
                self._journal.close()
        finally:
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> SessionRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Internals -------------------------------------------------------------------

    def _t(self) -> float:
        return self.clock.monotonic() - self._base

    def _require_active(self) -> None:
        if self.state.status == "ready":
            raise SessionError("session.not_started")
        if self.state.status == "finished":
            raise SessionError("session.finished")

    def _record(self, kind: type[Any], **fields: Any) -> Event:
        return self._commit(kind(t=self._t(), wall=self.clock.now(), **fields))

    def _commit(self, event: Event, notify: bool = True) -> Event:
        if self._closed:
            raise SessionError("session.closed")
        line = event.model_dump_json()
        if self._journal is not None:
            try:
                self._journal.append(line)
            except OSError as problem:
                raise SessionError("session.save_failed", error=str(problem)) from problem
        stored: Event = EVENT.validate_json(line)
        apply(self.state, stored)
        self.events.append(stored)
        if isinstance(stored, Move | Start | Reopen):
            self._alerts.reset(self.state.current, self._crossed())
        if notify:
            self._notify()
        return stored

    def _notify(self) -> None:
        for listener in list(self._listeners):
            try:
                listener(self.state)
            except Exception as problem:  # the command is on disk: keep going
                self.listener_errors.append(problem)

    def _heartbeat(self) -> None:
        if self._journal is None or self._closed:
            return
        t = self._t()
        if self.events and t - self.events[-1].t >= HEARTBEAT_SECONDS:
            # best effort: the next real command reports a broken disk
            with contextlib.suppress(SessionError):
                self._commit(Alive(t=t, wall=self.clock.now()), notify=False)

    def _crossed(self) -> set[int]:
        return crossed(self.step.warn_at, self.remaining())
