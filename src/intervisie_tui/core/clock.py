"""Where the engine gets its time from: injected, so tests never sleep.

The runner measures durations on `monotonic()` (immune to the wall clock being
changed mid-meeting) and uses `now()` only for what people read: start times,
the projected end, timestamps of entries.
"""

from __future__ import annotations

import time
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


class SystemClock:
    """The real clock of the computer."""

    def monotonic(self) -> float:
        return time.monotonic()

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
