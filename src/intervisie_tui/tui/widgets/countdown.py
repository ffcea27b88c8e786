"""The big countdown: remaining time of the current step, calm -> warning -> overtime.

It only renders what it is given (`show`); the run screen reads the clock.
Overtime is shown as `+mm:ss` and keeps counting, never frozen at 00:00.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from intervisie_tui.core.duration import format_clock
from intervisie_tui.tui.widgets.bigclock import BigClock

MOODS = ("calm", "warning", "overtime")


def mood_for(remaining: float, warn_from: int) -> str:
    """Colour mood for a remaining time; `warn_from` is the step's first threshold."""
    if remaining < 0:
        return "overtime"
    if remaining <= warn_from:
        return "warning"
    return "calm"


class Countdown(Vertical):
    """Large digits plus one line saying what they mean (left, over time, paused)."""

    def __init__(self, max_scale: int = 2, center: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.max_scale = max_scale
        self.center = center

    def compose(self) -> ComposeResult:
        yield BigClock("00:00", max_scale=self.max_scale, center=self.center, id="digits")
        yield Static("", id="countdown-caption")

    def show(self, remaining: float, warn_from: int, paused: bool, caption: str) -> None:
        self.query_one("#digits", BigClock).update(format_clock(remaining))
        label = self.query_one("#countdown-caption", Static)
        if label.content != caption:  # it changes with the state, not every second
            label.update(caption)
        mood = mood_for(remaining, warn_from)
        for name in MOODS:
            self.set_class(name == mood, f"-{name}")
        self.set_class(paused, "-paused")

    def flash(self) -> None:
        """Briefly invert the countdown: the visible half of an alert."""
        self.add_class("-flash")
        self.set_timer(1.5, lambda: self.remove_class("-flash"))
