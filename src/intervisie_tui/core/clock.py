"""Where the engine gets its time from: injected, so tests never sleep.

The runner measures durations on `monotonic()` (immune to the wall clock being
changed mid-meeting, and counting a suspend of the laptop like the room does)
and uses `now()` only for what people read: start times, the projected end,
timestamps of entries.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """A source of time for the runner."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (its zero means nothing)."""
        ...

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware, in local time."""
        ...


def suspend_aware_clock(platform: str = sys.platform) -> tuple[str, Callable[[], float]]:
    """(name, reader) of a monotonic clock that keeps counting while the laptop sleeps.

    A lid closed during a long phase does not stop the meeting in the room, so
    it must not stop the countdown either. `time.monotonic()` stands still during
    a suspend on Linux (CLOCK_MONOTONIC) and on macOS (mach_absolute_time); their
    CLOCK_BOOTTIME and CLOCK_MONOTONIC do count it. Windows' monotonic clock
    already does.
    """
    if platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        boottime = time.CLOCK_BOOTTIME
        return "CLOCK_BOOTTIME", lambda: time.clock_gettime(boottime)
    if platform == "darwin" and hasattr(time, "CLOCK_MONOTONIC"):
        monotonic = time.CLOCK_MONOTONIC
        return "CLOCK_MONOTONIC", lambda: time.clock_gettime(monotonic)
    return "monotonic", time.monotonic


class SystemClock:
    """The real clock of the computer; its monotonic time counts a suspend too."""

    def __init__(self) -> None:
        self.source, self._monotonic = suspend_aware_clock()

    def monotonic(self) -> float:
        return self._monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


class FakeClock:
    """A clock that only moves when a test says so.

    `monotonic()` starts at a large round number so that code which wrongly
    treats it as "seconds since the session started" fails in tests.
    """

    def __init__(self, start: datetime, monotonic_start: float = 10_000.0) -> None:
        self._start = start if start.tzinfo is not None else start.astimezone()
        self._monotonic_start = monotonic_start
        self._elapsed = 0.0

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass (never negative: monotonic time cannot go back)."""
        if seconds < 0:
            raise ValueError(f"a clock cannot go back ({seconds} s)")
        self._elapsed += seconds

    @property
    def elapsed(self) -> float:
        """Seconds advanced since the clock was made."""
        return self._elapsed

    def monotonic(self) -> float:
        return self._monotonic_start + self._elapsed

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)
