"""The events of a session and how each one changes the state.

Every command of the runner becomes one event: journaled first, then applied
here. Replaying a journal is applying its events in order, so a resumed session
is the live one, to the float. Events carry the session time `t` (seconds on
the session clock, from monotonic time) and the wall time; time arithmetic uses
`t` only, the wall time is for people.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from intervisie_tui.core.plan import Plan
from intervisie_tui.core.state import (
    Attendance,
    AttendanceMark,
    Downtime,
    Entry,
    FollowUp,
    FollowUpDecision,
    Interruption,
    SessionState,
    StepRecord,
)
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t as translate


class SessionError(IntervisieError):
    """A command that cannot be done now; `key`/`values` name the catalog message."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(translate(key, **values))


class _Event(BaseModel):
    # Built on first use, not at import: no event exists before the run screen is painted.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    t: float
    """Session time in seconds (monotonic); replay does its arithmetic on this."""
    wall: datetime
    """Wall-clock time, timezone-aware."""


class Start(_Event):
    type: Literal["start"] = "start"


class Pause(_Event):
    type: Literal["pause"] = "pause"


class Resume(_Event):
    """The pause ends (not to be confused with `Reopen`, a resume after a crash)."""

    type: Literal["resume"] = "resume"


class Move(_Event):
    type: Literal["next", "previous", "jump"]
    index: int
    """The step that becomes current."""


class Adjust(_Event):
    type: Literal["adjust"] = "adjust"
    seconds: int
    """Added to (or, negative, taken from) the current step."""


class Add(_Event):
    type: Literal["add"] = "add"
    entry: Entry


class Edit(_Event):
    type: Literal["edit"] = "edit"
    id: str
    changes: dict[str, Any]


class Delete(_Event):
    type: Literal["delete"] = "delete"
    id: str


class Decide(_Event):
    type: Literal["followup"] = "followup"
    key: str
    decision: FollowUpDecision
    note: str = ""


class Pass(_Event):
    """In a go-around, `participant` passed (said nothing, or did not want to)."""

    type: Literal["pass"] = "pass"
    participant: str


class Sharpen(_Event):
    """The help question, sharpened in a step that asks for it (empty: back to the first)."""

    type: Literal["sharpen"] = "sharpen"
    text: str


class Attend(_Event):
    """`name` came in late, left early, or (`none`) is as the setup says after all."""

    type: Literal["attend"] = "attend"
    name: str
    mark: AttendanceMark


class TurnUp(_Event):
    """In a go-around with time per person, `participant`'s time ran out: the next one's turn."""

    type: Literal["turn_up"] = "turn_up"
    participant: str


class Finish(_Event):
    type: Literal["finish"] = "finish"


class Reopen(_Event):
    """The session was opened again after the app was gone for `gap` seconds."""

    type: Literal["resumed"] = "resumed"
    gap: float
    downtime: Downtime


class Alive(_Event):
    """Heartbeat: the app was still there at `t` (bounds the gap of a later resume)."""

    type: Literal["alive"] = "alive"


Event = Annotated[
    Start
    | Pause
    | Resume
    | Move
    | Adjust
    | Add
    | Edit
    | Delete
    | Pass
    | Sharpen
    | Attend
    | TurnUp
    | Decide
    | Finish
    | Reopen
    | Alive,
    Field(discriminator="type"),
]
EVENT: TypeAdapter[Event] = TypeAdapter(Event, config=ConfigDict(defer_build=True))


def initial_state(plan: Plan, session_id: str, created: datetime | None = None) -> SessionState:
    """A session before its start: one empty record per step."""
    records = [StepRecord(index=step.index) for step in plan.steps]
    return SessionState(session_id=session_id, plan=plan, steps=records, created_at=created)


def replay(
    plan: Plan, session_id: str, events: Iterable[Event], created: datetime | None = None
) -> SessionState:
    """The state after `events`: what a resumed session continues from."""
    state = initial_state(plan, session_id, created)
    for event in events:
        apply(state, event)
    return state


def step_elapsed(state: SessionState, index: int, t: float) -> float:
    """Seconds the clock ran on step `index`, up to session time `t`."""
    elapsed = state.steps[index].elapsed
    if index == state.current and state.clock_since is not None:
        elapsed += t - state.clock_since
    return elapsed


def session_elapsed(state: SessionState, t: float) -> float:
    """Running time of the session up to `t`: from the start, minus every standstill."""
    if state.started_t is None:
        return 0.0
    end = state.finished_t if state.finished_t is not None else t
    stood = state.paused_total
    if state.paused_since is not None:
        stood += end - state.paused_since
    return end - state.started_t - stood


def apply(state: SessionState, event: Event) -> None:
    """Change `state` as `event` says. Events are trusted: the runner checked them."""
    match event:
        case Start():
            state.status = "running"
            state.started_at, state.started_t = event.wall, event.t
            _run_clock(state, event)
        case Pause():
            _stop_clock(state, event.t)
            state.status = "paused"
            state.paused_since = state.step_pause_from = event.t
        case Resume():
            _end_pause(state, event.t)
            state.status = "running"
            _run_clock(state, event)
        case Move():
            running = state.clock_since is not None
            _stop_clock(state, event.t)
            _count_pause(state, event.t)
            state.steps[state.current].last_left = event.wall
            state.current = event.index
            if running:
                _run_clock(state, event)
        case Adjust():
            state.steps[state.current].extra += event.seconds
        case Add():
            entry = event.entry
            statement = entry.kind == "statement" and entry.step == state.current
            if statement and entry.participant == state.next_speaker():
                _next_turn(state, event.t)  # typed for the one whose turn it was
            state.entries.append(entry)
            state.entry_count += 1
        case Edit():
            at = _entry_index(state, event.id)
            old = state.entries[at]
            state.entries[at] = Entry.model_validate({**old.model_dump(), **event.changes})
        case Delete():
            del state.entries[_entry_index(state, event.id)]
        case Pass():
            if event.participant == state.next_speaker():
                _next_turn(state, event.t)
            state.steps[state.current].passed.append(event.participant)
        case Sharpen():
            state.sharpened = event.text
        case Attend():
            state.attendance[event.name] = Attendance(mark=event.mark, at=event.wall)
        case TurnUp():
            _next_turn(state, event.t)
            state.steps[state.current].timed_out.append(event.participant)
        case Decide():
            state.followups[event.key] = FollowUp(
                key=event.key, decision=event.decision, note=event.note
            )
        case Finish():
            _stop_clock(state, event.t)
            _end_pause(state, event.t)
            state.steps[state.current].last_left = event.wall
            state.status = "finished"
            state.finished_at, state.finished_t = event.wall, event.t
        case Reopen():
            state.interruptions.append(
                Interruption(resumed_at=event.wall, gap=event.gap, downtime=event.downtime)
            )
            if event.downtime == "pause" and state.clock_since is not None:
                state.clock_since += event.gap
                state.paused_total += event.gap
                state.steps[state.current].paused += event.gap
        case Alive():
            pass


def _next_turn(state: SessionState, t: float) -> None:
    """The current speaker is done: the next one's time starts now."""
    state.steps[state.current].turn_from = step_elapsed(state, state.current, t)


def _run_clock(state: SessionState, event: _Event) -> None:
    record = state.steps[state.current]
    if record.first_started is None:
        record.first_started = event.wall
    state.clock_since = event.t


def _stop_clock(state: SessionState, t: float) -> None:
    if state.clock_since is not None:
        state.steps[state.current].elapsed += t - state.clock_since
        state.clock_since = None


def _end_pause(state: SessionState, t: float) -> None:
    _count_pause(state, t)
    state.step_pause_from = None
    if state.paused_since is not None:
        state.paused_total += t - state.paused_since
        state.paused_since = None


def _count_pause(state: SessionState, t: float) -> None:
    """The running pause so far goes to the current step (before it changes or ends)."""
    if state.step_pause_from is not None:
        state.steps[state.current].paused += t - state.step_pause_from
        state.step_pause_from = t


def _entry_index(state: SessionState, entry_id: str) -> int:
    for index, entry in enumerate(state.entries):
        if entry.id == entry_id:
            return index
    raise SessionError("session.unknown_entry", id=entry_id)
