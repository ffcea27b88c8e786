"""Random command sequences against a simple model of the session (hypothesis).

The model keeps its own clock per step, its own status and its own list of
acknowledged entries. After every step: the runner agrees with the model,
step actuals add up to the session's running time, remaining == planned +
extra - elapsed, replay(events) == state; at the end the journal on disk
replays to the same state and holds every acknowledged entry.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from intervisie_tui.core.commands import SessionError, replay
from intervisie_tui.core.journal import Journal, JournalHeader, read_journal
from intervisie_tui.core.runner import SessionRunner
from tests.core.engine_helpers import START, fake_clock, small_plan

PLAN = small_plan((2, 1, 3))
N = len(PLAN.steps)
TEXT = st.text(min_size=1, max_size=40).filter(str.strip)
# Multiples of 1/8 s: every sum stays exact, so equality is to the float.
SECONDS = st.integers(min_value=1, max_value=8 * 400).map(lambda n: n / 8)


class SessionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="intervisie-machine-"))
        self.path = self.folder / "m.jsonl"
        self.clock = fake_clock()
        header = JournalHeader.for_plan(PLAN, "m", START)
        journal = Journal.create(self.path, header)
        self.runner = SessionRunner(PLAN, self.clock, journal, "m", created=header.created)
        self.status = "ready"
        self.current = 0
        self.elapsed = [0.0] * N
        self.extra = [0] * N
        self.running_time = 0.0
        self.entries: dict[str, str] = {}

    # helpers ---------------------------------------------------------------------

    def attempt(self, command, expected_ok: bool) -> bool:
        before, count = copy.deepcopy(self.runner.state), len(self.runner.events)
        try:
            command()
        except SessionError:
            assert not expected_ok, "a valid command was refused"
            assert self.runner.state == before
            assert len(self.runner.events) == count
            return False
        assert expected_ok, "an invalid command was accepted"
        return True

    @property
    def active(self) -> bool:
        return self.status in ("running", "paused")

    # rules -----------------------------------------------------------------------

    @rule(seconds=SECONDS)
    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        if self.status == "running":
            self.elapsed[self.current] += seconds
            self.running_time += seconds

    @rule()
    def start(self) -> None:
        if self.attempt(self.runner.start, self.status == "ready"):
            self.status = "running"

    @rule()
    def pause(self) -> None:
        if self.attempt(self.runner.pause, self.status == "running"):
            self.status = "paused"

    @rule()
    def resume(self) -> None:
        if self.attempt(self.runner.resume, self.status == "paused"):
            self.status = "running"

    @rule()
    def toggle(self) -> None:
        toggle = self.runner.pause if self.status == "running" else self.runner.resume
        if self.attempt(toggle, self.active):
            self.status = "paused" if self.status == "running" else "running"

    @rule()
    def next(self) -> None:
        if self.attempt(self.runner.next, self.active and self.current < N - 1):
            self.current += 1

    @rule()
    def previous(self) -> None:
        if self.attempt(self.runner.previous, self.active and self.current > 0):
            self.current -= 1

    @rule(index=st.integers(min_value=-1, max_value=N))
    def jump(self, index: int) -> None:
        if self.attempt(lambda: self.runner.jump(index), self.active and 0 <= index < N):
            self.current = index

    @rule(seconds=st.sampled_from([-300, -120, -60, 0, 60, 120]))
    def adjust(self, seconds: int) -> None:
        planned = PLAN.steps[self.current].duration + self.extra[self.current]
        ok = self.status != "finished" and planned + seconds >= 0
        if self.attempt(lambda: self.runner.adjust(seconds), ok):
            self.extra[self.current] += seconds

    @rule(kind=st.sampled_from(["note", "insight", "action", "statement"]), text=TEXT)
    def add(self, kind: str, text: str) -> None:
        if kind == "statement":
            entry = self.runner.add_statement("Eva", text)
        else:
            entry = getattr(self.runner, f"add_{kind}")(text)
        assert entry.id not in self.entries
        self.entries[entry.id] = text

    @rule(pick=st.integers(min_value=0, max_value=30), text=TEXT)
    def edit(self, pick: int, text: str) -> None:
        entry_id = f"e{pick}"
        known = entry_id in self.entries
        if self.attempt(lambda: self.runner.edit_entry(entry_id, text=text), known):
            self.entries[entry_id] = text

    @rule(pick=st.integers(min_value=0, max_value=30))
    def delete(self, pick: int) -> None:
        entry_id = f"e{pick}"
        if self.attempt(lambda: self.runner.delete_entry(entry_id), entry_id in self.entries):
            del self.entries[entry_id]

    @rule()
    def finish(self) -> None:
        if self.attempt(self.runner.finish, self.active):
            self.status = "finished"

    @rule()
    def poll(self) -> None:
        remaining = self.runner.remaining()
        for alert in self.runner.poll_alerts():
            assert self.status == "running"
            assert alert.threshold_seconds in self.runner.step.warn_at
            assert remaining <= alert.threshold_seconds

    @rule(down=SECONDS, downtime=st.sampled_from(["meeting", "pause"]))
    def crash_and_resume(self, down: float, downtime: str) -> None:
        if self.status == "finished" or not self.runner.events:
            return
        unjournaled = self.runner.session_time() - self.runner.events[-1].t
        self.runner.close()
        self.clock.advance(down)
        contents = read_journal(self.path)
        gap = (self.clock.now() - contents.events[-1].wall).total_seconds()
        self.runner = SessionRunner.restore(
            PLAN,
            self.clock,
            contents.events,
            session_id="m",
            gap=gap,
            downtime=downtime,  # type: ignore[arg-type]
            journal=Journal.reopen(contents),
            created=contents.header.created,
        )
        if self.status == "running":
            if downtime == "meeting":
                self.elapsed[self.current] += down
                self.running_time += down
            else:  # the whole gap, also the part before the crash, becomes a pause
                self.elapsed[self.current] -= unjournaled
                self.running_time -= unjournaled

    # invariants ------------------------------------------------------------------

    @invariant()
    def agrees_with_the_model(self) -> None:
        state = self.runner.state
        assert (state.status, state.current) == (self.status, self.current)
        assert [r.extra for r in state.steps] == self.extra
        assert [self.runner.elapsed_in_step(i) for i in range(N)] == self.elapsed
        assert [(e.id, e.text) for e in state.entries] == list(self.entries.items())

    @invariant()
    def times_add_up(self) -> None:
        actuals = [row.actual for row in self.runner.timesheet().rows]
        assert sum(actuals) == self.runner.session_elapsed() == self.running_time
        step = self.runner.step
        expected = step.duration + self.extra[self.current] - self.elapsed[self.current]
        assert self.runner.remaining() == expected

    @invariant()
    def replay_equals_state(self) -> None:
        assert (
            replay(PLAN, "m", self.runner.events, self.runner.state.created_at) == self.runner.state
        )

    def teardown(self) -> None:
        try:
            self.runner.close()
            contents = read_journal(self.path)
            assert contents.warnings == []
            assert contents.events == self.runner.events
            on_disk = replay(contents.header.plan(), "m", contents.events, contents.header.created)
            assert on_disk == self.runner.state
            assert [(e.id, e.text) for e in on_disk.entries] == list(self.entries.items())
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


SessionMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestSessionMachine = SessionMachine.TestCase
