"""What the runner tells about time: the current step, elapsed, remaining, projected end.

A mixin of `SessionRunner` (kept apart so each file has one job). Nothing here
changes the state; every figure is computed from the session clock on each
call, never counted down, so a late refresh cannot make the timer drift.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from intervisie_tui.core.commands import session_elapsed, step_elapsed

if TYPE_CHECKING:
    from intervisie_tui.core.clock import Clock
    from intervisie_tui.core.plan import Plan, Step
    from intervisie_tui.core.state import SessionState


class SessionReadings:
    """The runner's read-only side: what the screens and the log ask every second."""

    plan: Plan
    clock: Clock
    state: SessionState

    if TYPE_CHECKING:

        def _t(self) -> float: ...

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

    def session_time(self) -> float:
        """Seconds on the session clock now (the `t` of an event made now)."""
        return self._t()

    def planned(self, index: int | None = None) -> int:
        """Planned seconds of a step including time added or taken away."""
        index = self.state.current if index is None else index
        return self.plan.steps[index].duration + self.state.steps[index].extra

    def elapsed_in_step(self, index: int | None = None) -> float:
        """Seconds the clock ran on a step (default: the current one), pauses excluded."""
        index = self.state.current if index is None else index
        return step_elapsed(self.state, index, self._t())

    def remaining(self) -> float:
        """Time left on the current step; negative in overtime (never clamped)."""
        return self.planned() - self.elapsed_in_step()

    def session_elapsed(self) -> float:
        """Running time of the session so far, pauses excluded."""
        return session_elapsed(self.state, self._t())

    def projected_end(self) -> datetime:
        """Wall-clock end: now + what is left of this step + planned time of the rest."""
        if self.state.finished_at is not None:
            return self.state.finished_at
        later = sum(self.planned(i) for i in range(self.state.current + 1, len(self.plan.steps)))
        return self.clock.now() + timedelta(seconds=max(0.0, self.remaining()) + later)

    def planned_vs_actual(self) -> list[tuple[Step, int, float]]:
        """(step, planned seconds incl. extra, actual seconds) for every step."""
        t = self._t()
        return [
            (step, self.planned(step.index), step_elapsed(self.state, step.index, t))
            for step in self.plan.steps
        ]
