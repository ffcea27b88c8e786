"""Warnings as events: which thresholds of a step were crossed since the last look.

A threshold is "crossed" while the remaining time is at or below it. Each one
fires once per crossing: adding time re-arms it. When one poll finds several
newly crossed (a late refresh), only the lowest, most urgent one is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

AlertKind = Literal["warning", "zero", "turn_warning", "turn_up"]


@dataclass(frozen=True)
class Alert:
    """A warning threshold of the current step was crossed."""

    step_index: int
    threshold_seconds: int
    kind: AlertKind
    """`warning` (time is nearly up) or `zero` (time is up); for one speaker in a go-around
    with time per person, `turn_warning` and `turn_up` (the turn went on by itself)."""
    participant: str | None = None
    """The speaker of a `turn_warning` or `turn_up`."""


def crossed(thresholds: Iterable[int], remaining: float) -> set[int]:
    return {threshold for threshold in thresholds if remaining <= threshold}


@dataclass
class AlertWatch:
    """Remembers what already fired for the current step."""

    step: int | None = None
    fired: set[int] = field(default_factory=set)

    def reset(self, step: int, already: set[int]) -> None:
        """A step became current: thresholds already crossed stay silent."""
        self.step, self.fired = step, already

    def poll(self, step: int, now_crossed: set[int]) -> list[Alert]:
        if self.step != step:
            self.reset(step, now_crossed)
            return []
        new, self.fired = now_crossed - self.fired, now_crossed
        if not new:
            return []
        lowest = min(new)
        return [Alert(step, lowest, "zero" if lowest <= 0 else "warning")]


def turn_warning_at(per_person: int) -> int:
    """Seconds before a speaker's time is up that they are warned: 30 s, less for short turns."""
    return min(30, per_person // 4)
