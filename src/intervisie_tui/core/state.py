"""What a session holds while it runs: step records, captured entries, follow-ups.

These are the values the runner produces, the journal replays and the log
renders. Entries are pydantic models because they travel through the journal
as JSON and must come back exactly as typed (unicode, newlines, whitespace).
Each model is built on first use (`defer_build`): most are not needed before
the run screen's first frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from intervisie_tui.core.plan import Plan

EntryKind = Literal["note", "insight", "action", "statement"]
FollowUpDecision = Literal["done", "continued", "dropped"]
AttendanceMark = Literal["late", "left", "none"]
"""Came in late, left early, or (`none`, undoing either) as the setup says."""
Status = Literal["ready", "running", "paused", "finished"]
Downtime = Literal["meeting", "pause"]


class Entry(BaseModel):
    """Something typed during the meeting, attached to the step it was typed in."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True
    )

    id: str
    kind: EntryKind
    step: int
    text: str
    owner: str | None = None
    """Action items: who does it (optional)."""
    due: date | None = None
    """Action items: by when (optional)."""
    participant: str | None = None
    """Go-around statements: who said it."""
    created: datetime
    """Wall-clock time it was typed (timezone-aware)."""


class StepRecord(BaseModel):
    """Actual time spent on one step (a step can be visited more than once)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    index: int
    elapsed: float = 0.0
    """Seconds the clock ran while this step was current (pauses excluded)."""
    extra: int = 0
    """Seconds added (+) or taken away (-) by the timekeeper."""
    paused: float = 0.0
    """Seconds the session stood still while this step was current (pauses, downtime)."""
    first_started: datetime | None = None
    last_left: datetime | None = None
    passed: list[str] = Field(default_factory=list)
    """Go-around: who passed their turn, in order."""
    timed_out: list[str] = Field(default_factory=list)
    """Go-around with time per person: whose time ran out (the turn went on by itself)."""
    turn_from: float = 0.0
    """Go-around: seconds into the step (`elapsed`) at which the current speaker's turn began."""

    @property
    def visited(self) -> bool:
        return self.first_started is not None


class FollowUp(BaseModel):
    """What the group decided about an open action item of an earlier session."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    key: str
    """`OpenItem.key` of the item."""
    decision: FollowUpDecision
    note: str = ""


class Attendance(BaseModel):
    """A change in who is in the room, marked during the session."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    mark: AttendanceMark
    at: datetime
    """Wall-clock time it was marked: when they came in or left."""


class Interruption(BaseModel):
    """The app was gone for a while (crash, closed terminal) and the session was resumed."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    resumed_at: datetime
    """Wall-clock time the session was opened again."""
    gap: float
    """Seconds between the last journaled moment and the resume."""
    downtime: Downtime
    """`meeting`: the gap counted as meeting time; `pause`: as a pause."""


@dataclass
class SessionState:
    """The whole state of one session: what the runner maintains and the log renders.

    `entries` holds live entries only (edited entries replaced, deleted ones
    gone), in the order they were first typed.
    The runner fills `steps` with one record per plan step, in plan order.
    """

    session_id: str
    plan: Plan
    status: Status = "ready"
    current: int = 0
    started_at: datetime | None = None
    """Wall-clock start of the first step."""
    created_at: datetime | None = None
    """When the session was set up (journal header): names its log file, stable on resume."""
    finished_at: datetime | None = None
    steps: list[StepRecord] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    followups: dict[str, FollowUp] = field(default_factory=dict)
    interruptions: list[Interruption] = field(default_factory=list)
    sharpened: str = ""
    """The sharpened help question ("aangescherpte hulpvraag"); empty: not sharpened."""
    attendance: dict[str, Attendance] = field(default_factory=dict)
    """Name -> how they came or went (late, left early); not in it: as the setup says."""
    # Session-clock bookkeeping (session time `t` in seconds; see core/runner.py).
    started_t: float | None = None
    finished_t: float | None = None
    clock_since: float | None = None
    """Session time at which the current step's clock last started; None unless running."""
    paused_since: float | None = None
    paused_total: float = 0.0
    """Seconds the session stood still after its start (pauses, downtime taken as pause)."""
    step_pause_from: float | None = None
    """Session time from which the running pause is not yet counted to a step; None unless
    paused."""
    entry_count: int = 0
    """Entries ever added, deleted ones included: numbers new entry ids."""

    def copy_for_disk(self) -> SessionState:
        """A copy the disk worker can render while the runner goes on, cheap at any length.

        Entries, follow-ups and interruptions are immutable and the plan never
        changes, so they are shared; only the lists and the step records are new.
        """
        return replace(
            self,
            steps=[r.model_copy(update={"passed": list(r.passed)}) for r in self.steps],
            entries=list(self.entries),
            followups=dict(self.followups),
            interruptions=list(self.interruptions),
        )

    def planned(self, index: int) -> int:
        """Planned seconds of step `index`, time added or taken away included.

        The one rule for "planned": the clock, the agenda, the summary and the log all use it.
        """
        return self.plan.steps[index].duration + self.steps[index].extra

    def planned_total(self) -> int:
        return sum(self.planned(index) for index in range(len(self.steps)))

    @property
    def question(self) -> str:
        """The help question as it stands now: sharpened, else as set up."""
        return self.sharpened or self.plan.setup.question

    def presence(self) -> dict[str, tuple[str, datetime | None]]:
        """Every member -> ("present" | "absent" | "late" | "left", when marked)."""
        setup = self.plan.setup
        result: dict[str, tuple[str, datetime | None]] = {}
        for name in setup.members:
            marked = self.attendance.get(name)
            if marked is not None and marked.mark != "none":
                result[name] = (marked.mark, marked.at)
            else:
                result[name] = ("absent" if name not in setup.participants else "present", None)
        return result

    def said(self, step: int) -> set[str]:
        """Go-around: who said something in step `step`."""
        return {e.participant for e in self.entries_of(step, "statement") if e.participant}

    def spoken(self, step: int) -> set[str]:
        """Go-around: who has had their turn in step `step` (spoke or passed)."""
        return self.said(step) | set(self.steps[step].passed) | set(self.steps[step].timed_out)

    def next_speaker(self) -> str | None:
        """Go-around: the first name who has not had a turn yet; then who passed once.

        As a chair does it: whoever passed is asked once more at the end of the
        round. A second pass ends their turn (and a bounced Enter that passed
        somebody by mistake costs nothing but a question).
        """
        step = self.steps[self.current]
        said, passed = self.said(self.current) | set(step.timed_out), step.passed
        names = [n for n in self.plan.steps[self.current].go_around if n not in said]
        first = (n for n in names if n not in passed)
        again = (n for n in names if passed.count(n) == 1)
        return next(first, None) or next(again, None)

    def entries_of(self, step: int, kind: EntryKind | None = None) -> list[Entry]:
        return [e for e in self.entries if e.step == step and (kind is None or e.kind == kind)]
