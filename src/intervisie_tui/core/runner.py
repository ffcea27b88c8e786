"""SessionRunner: the state machine of a running session.

Each command is checked, turned into an event, handed to the journal and
then applied to the state. The applied event is the one read back from the
journal line, which makes the live state and a replay of the journal equal by
construction. A plain `Journal` is on disk (fsync) before the event applies; in
the app the controller's DiskQueue writes it in order off the screen's thread,
and the screen says "saved" only when it is.

Time is a deadline: remaining time is computed from the session clock on every
call, never counted down, so a late refresh cannot make the timer drift.

The runner knows the rules and the time of one session; of files it knows only
its journal. `core/session.py` owns the rest (lock, log, alerts for the UI).
Captured text is kept exactly as typed, attached to the step that is current
when it is typed; entry ids (`e1`, `e2`, ...) are never reused, not even after
a delete.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, get_args

from pydantic import ValidationError

from intervisie_tui.core.alerts import Alert, AlertWatch, crossed, turn_warning_at
from intervisie_tui.core.clock import Clock
from intervisie_tui.core.commands import (
    EVENT,
    Add,
    Adjust,
    Alive,
    Attend,
    Decide,
    Delete,
    Edit,
    Event,
    Finish,
    Move,
    Pass,
    Pause,
    Reopen,
    Resume,
    SessionError,
    Sharpen,
    Start,
    TurnUp,
    apply,
    initial_state,
    session_elapsed,
    step_elapsed,
)
from intervisie_tui.core.plan import Plan, Step
from intervisie_tui.core.state import (
    AttendanceMark,
    Downtime,
    Entry,
    EntryKind,
    FollowUpDecision,
    SessionState,
)
from intervisie_tui.core.timing import Timesheet, timesheet

if TYPE_CHECKING:
    from intervisie_tui.core.lock import SessionLock

__all__ = ["Alert", "SessionError", "SessionRunner", "new_session_id"]

HEARTBEAT_SECONDS = 30.0
"""While running, `poll_alerts` journals a heartbeat this often, so that a resume after
a crash knows when the meeting was last seen (for `downtime="pause"`)."""

_EDITABLE: dict[str, set[str]] = {
    "note": {"text"},
    "insight": {"text"},
    "action": {"text", "owner", "due"},
    "statement": {"text", "participant"},
}


class JournalLike(Protocol):
    def append(self, line: str) -> None: ...
    def close(self) -> None: ...


def new_session_id(now: datetime) -> str:
    """`20250314-140502-a3f9`: sorts by start time, unique enough for one laptop."""
    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


class SessionRunner:
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
        self._journal = journal
        self._lock = lock
        self._closed = False
        self._base = clock.monotonic()
        self._alerts = AlertWatch()
        self._turn_warned: tuple[int, str] | None = None

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

    def next(self) -> None:
        self._require_active()
        if self.is_last_step:
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

    def account_gap(self, gap: float, downtime: Downtime) -> None:
        """The app stood still for `gap` seconds (the laptop slept) while the clock counted it.

        Recorded like a resume after a crash: as meeting time the clock stays as it is,
        as a pause the gap is taken off the current step.
        """
        self._require_active()
        self._record(Reopen, gap=max(0.0, gap), downtime=downtime)

    # Capture commands: every one journals one event, or raises and writes nothing --

    def add_note(self, text: str) -> Entry:
        return self._add("note", text)

    def add_insight(self, text: str) -> Entry:
        return self._add("insight", text)

    def add_action(self, text: str, owner: str | None = None, due: date | None = None) -> Entry:
        return self._add("action", text, owner=owner or None, due=due)

    def add_statement(self, participant: str, text: str) -> Entry:
        self._check_participant(participant)
        return self._add("statement", text, participant=participant)

    def pass_turn(self, participant: str) -> None:
        """In a go-around, `participant` passes: journaled, so a resume and the log know."""
        if self.is_finished:
            raise SessionError("session.finished")
        if participant not in self.step.go_around:
            raise SessionError("session.unknown_participant", name=participant)
        passes = self.state.steps[self.state.current].passed.count(participant)
        if passes < 2 and participant not in self.state.said(self.state.current):
            self._record(Pass, participant=participant)  # once, and once more when asked again

    def edit_entry(self, entry_id: str, **changes: Any) -> Entry:
        """Change text (all), owner/due (actions) or participant (statements)."""
        old = self._entry(entry_id)
        for name in changes:
            if name not in _EDITABLE[old.kind]:
                raise SessionError("session.bad_change", field=name)
        if "text" in changes:
            self._check_text(changes["text"])
        if "participant" in changes:
            self._check_participant(changes["participant"])
        if changes.get("owner") == "":
            changes["owner"] = None
        new = self._validated(old.model_dump() | changes)
        if new == old:
            return old
        self._record(Edit, id=entry_id, changes=changes)
        return self._entry(entry_id)

    def delete_entry(self, entry_id: str) -> None:
        self._entry(entry_id)
        self._record(Delete, id=entry_id)

    def sharpen_question(self, text: str) -> None:
        """The help question as the inbrenger sharpened it, in a step whose method asks it."""
        if self.is_finished:
            raise SessionError("session.finished")
        if "question" not in self.step.capture:
            raise SessionError("session.no_question_here")
        text = text.strip()
        if text:
            self._check_text(text)
        if text == self.plan.setup.question.strip():
            text = ""  # the question as it was: nothing sharpened
        if text != self.state.sharpened:
            self._record(Sharpen, text=text)

    def mark_attendance(self, name: str, mark: AttendanceMark) -> None:
        """`name` (a member of the setup) came in late, left early, or (`none`) neither."""
        if self.is_finished:
            raise SessionError("session.finished")
        if name not in self.plan.setup.members:
            raise SessionError("session.unknown_participant", name=name)
        if mark not in get_args(AttendanceMark):
            raise SessionError("session.bad_mark", mark=mark)
        marked = self.state.attendance.get(name)
        if (marked.mark if marked else "none") != mark:
            self._record(Attend, name=name, mark=mark)

    def decide_followup(self, key: str, decision: FollowUpDecision, note: str = "") -> None:
        """Record what the group decided about an open action item of an earlier session."""
        if key not in {item.key for item in self.plan.setup.open_items}:
            raise SessionError("session.unknown_followup", key=key)
        if decision not in get_args(FollowUpDecision):
            raise SessionError("session.bad_decision", decision=decision)
        self._record(Decide, key=key, decision=decision, note=note)

    # Readings: nothing below changes the state ------------------------------------

    @property
    def step(self) -> Step:
        return self.plan.steps[self.state.current]

    @property
    def is_running(self) -> bool:
        return self.state.status == "running"

    @property
    def is_paused(self) -> bool:
        return self.state.status == "paused"

    @property
    def is_finished(self) -> bool:
        return self.state.status == "finished"

    @property
    def is_last_step(self) -> bool:
        """At the last step `next` is refused: what comes after it is the finish."""
        return self.plan.is_last(self.state.current)

    def session_time(self) -> float:
        """Seconds on the session clock now (the `t` of an event made now)."""
        return self._t()

    def planned(self, index: int | None = None) -> int:
        """Planned seconds of a step including time added or taken away."""
        return self.state.planned(self.state.current if index is None else index)

    def elapsed_in_step(self, index: int | None = None) -> float:
        """Seconds the clock ran on a step (default: the current one), pauses excluded."""
        index = self.state.current if index is None else index
        return step_elapsed(self.state, index, self._t())

    def remaining(self) -> float:
        """Time left on the current step; negative in overtime (never clamped)."""
        return self.planned() - self.elapsed_in_step()

    def turn_remaining(self) -> float | None:
        """Go-around with time per person: what is left of the current speaker's time."""
        per_person = self.step.per_person
        if per_person is None or self.state.next_speaker() is None:
            return None
        record = self.state.steps[self.state.current]
        return per_person - (self.elapsed_in_step() - record.turn_from)

    def session_elapsed(self) -> float:
        """Running time of the session so far, pauses excluded."""
        return session_elapsed(self.state, self._t())

    def projected_end(self) -> datetime:
        """Wall-clock end: now + what is left of this step + planned time of the rest."""
        if self.state.finished_at is not None:
            return self.state.finished_at
        later = sum(self.planned(i) for i in range(self.state.current + 1, len(self.plan.steps)))
        return self.clock.now() + timedelta(seconds=max(0.0, self.remaining()) + later)

    def timesheet(self) -> Timesheet:
        """Planned (incl. +/-), actual and paused seconds of every step, up to now."""
        return timesheet(self.state, self._t())

    # Alerts and lifetime ----------------------------------------------------------

    def poll_alerts(self, remind_every: int = 0) -> list[Alert]:
        """Thresholds of the current step crossed since the last poll (call on every refresh).

        Each threshold fires once per crossing; when one poll finds several newly
        crossed, only the lowest is returned. Nothing fires while not running, and
        thresholds already crossed when a step becomes current stay silent. In
        overtime a reminder fires every `remind_every` seconds (0: none).
        """
        if not self.is_running:
            return []
        self._heartbeat()
        crossed_now = self._crossed(remind_every)
        return self._alerts.poll(self.state.current, crossed_now) + self._poll_turn()

    def _poll_turn(self) -> list[Alert]:
        """A speaker's time nearly up (once per speaker), or up: then the turn goes on."""
        left = self.turn_remaining()
        speaker = self.state.next_speaker()
        per_person = self.step.per_person
        if left is None or speaker is None or per_person is None:
            return []
        here = self.state.current
        if left <= 0:
            self._record(TurnUp, participant=speaker)
            return [Alert(here, 0, "turn_up", speaker)]
        threshold = turn_warning_at(per_person)
        if threshold > 0 and left <= threshold and self._turn_warned != (here, speaker):
            self._turn_warned = (here, speaker)
            return [Alert(here, threshold, "turn_warning", speaker)]
        return []

    @property
    def on_disk(self) -> bool:
        """Is every command journaled (False in tests and before `keep_on_disk`)?"""
        return self._journal is not None

    @property
    def closed(self) -> bool:
        return self._closed

    def keep_on_disk(self, journal: JournalLike, lock: SessionLock | None = None) -> None:
        """Journal every command from now on: for a session drawn before its files existed."""
        if self.events or self._journal is not None:
            raise SessionError("session.closed")  # a bug: events would be missing on disk
        self._journal, self._lock = journal, lock

    def write_through(
        self, wrap: Callable[[JournalLike, SessionLock | None], JournalLike]
    ) -> JournalLike:
        """Put journal and lock behind `wrap` (the controller's DiskQueue) from now on."""
        if self._journal is None or self._closed:
            raise SessionError("session.closed")
        self._journal, self._lock = wrap(self._journal, self._lock), None
        return self._journal

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

    def _commit(self, event: Event) -> Event:
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
        return stored

    def _heartbeat(self) -> None:
        if self._journal is None or self._closed:
            return
        t = self._t()
        if self.events and t - self.events[-1].t >= HEARTBEAT_SECONDS:
            # best effort: the next real command reports a broken disk
            with contextlib.suppress(SessionError):
                self._commit(Alive(t=t, wall=self.clock.now()))

    def _crossed(self, remind_every: int = 0) -> set[int]:
        return crossed(self.step.warn_at, self.remaining(), remind_every)

    def _add(self, kind: EntryKind, text: str, **fields: Any) -> Entry:
        self._check_text(text)
        t, wall = self._t(), self.clock.now()
        entry = self._validated(
            {
                "id": f"e{self.state.entry_count + 1}",
                "kind": kind,
                "step": self.state.current,
                "text": text,
                "created": wall,
                **fields,
            }
        )
        stored = self._commit(Add(t=t, wall=wall, entry=entry))
        assert isinstance(stored, Add)
        return stored.entry

    def _validated(self, data: dict[str, Any]) -> Entry:
        try:
            return Entry.model_validate(data)
        except ValidationError as problem:
            error = problem.errors()[0]
            field = ".".join(str(part) for part in error["loc"])
            raise SessionError("session.bad_value", field=field) from None

    def _entry(self, entry_id: str) -> Entry:
        for entry in self.state.entries:
            if entry.id == entry_id:
                return entry
        raise SessionError("session.unknown_entry", id=entry_id)

    @staticmethod
    def _check_text(text: object) -> None:
        if not isinstance(text, str) or not text.strip():
            raise SessionError("session.empty_text")

    def _check_participant(self, name: object) -> None:
        if name not in self.plan.setup.participants:
            raise SessionError("session.unknown_participant", name=name)
