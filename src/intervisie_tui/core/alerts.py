"""Warnings as events: which thresholds of a step were crossed since the last look.

A threshold is "crossed" while the remaining time is at or below it. Each one
fires once per crossing: adding time re-arms it. When one poll finds several
newly crossed (a late refresh), only the lowest, most urgent one is reported.

In overtime a soft reminder follows every `remind_every` seconds (5, 10, 15
minutes over ...): after the first minute nobody looks at the screen anymore.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

AlertKind = Literal["warning", "zero", "overtime", "turn_warning", "turn_up"]


@dataclass(frozen=True)
class Alert:
    """A warning threshold of the current step was crossed."""

    step_index: int
    threshold_seconds: int
    kind: AlertKind
    """`warning` (time is nearly up), `zero` (time is up) or `overtime` (a reminder:
    `-threshold_seconds` over); for one speaker in a go-around with time per person,
    `turn_warning` and `turn_up` (the turn went on by itself)."""
    participant: str | None = None
    """The speaker of a `turn_warning` or `turn_up`."""


def crossed(thresholds: Iterable[int], remaining: float, remind_every: int = 0) -> set[int]:
    """The thresholds at or above `remaining`, and a negative one per reminder due."""
    found = {threshold for threshold in thresholds if remaining <= threshold}
    if remind_every > 0 and remaining < 0:
        found |= {-remind_every * n for n in range(1, int(-remaining // remind_every) + 1)}
    return found


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
        kind: AlertKind = "overtime" if lowest < 0 else ("zero" if lowest == 0 else "warning")
        return [Alert(step, lowest, kind)]


def turn_warning_at(per_person: int) -> int:
    """Seconds before a speaker's time is up that they are warned: 30 s, less for short turns."""
    return min(30, per_person // 4)
