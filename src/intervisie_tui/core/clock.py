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

    def slept(self) -> float:
        """Seconds the computer was suspended (from a fixed zero: only differences count)."""
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


def sleep_meter(platform: str = sys.platform) -> Callable[[], float]:
    """Seconds spent suspended: a clock that counts suspends minus one that does not.

    Linux: CLOCK_BOOTTIME - CLOCK_MONOTONIC. macOS: CLOCK_MONOTONIC - CLOCK_UPTIME_RAW.
    Windows: GetTickCount64 - QueryUnbiasedInterruptTime. Elsewhere nothing is
    known, and a suspend goes unnoticed (0.0).
    """
    if platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        boot, mono = time.CLOCK_BOOTTIME, time.CLOCK_MONOTONIC
        return lambda: time.clock_gettime(boot) - time.clock_gettime(mono)
    if platform == "darwin" and hasattr(time, "CLOCK_UPTIME_RAW"):
        mono, awake = time.CLOCK_MONOTONIC, time.CLOCK_UPTIME_RAW
        return lambda: time.clock_gettime(mono) - time.clock_gettime(awake)
    if platform == "win32":  # pragma: no cover - exercised on Windows only
        return _windows_sleep_meter()
    return lambda: 0.0


def _windows_sleep_meter() -> Callable[[], float]:  # pragma: no cover - Windows only
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.GetTickCount64.restype = ctypes.c_uint64
        unbiased = ctypes.c_uint64()

        def slept() -> float:
            kernel32.QueryUnbiasedInterruptTime(ctypes.byref(unbiased))  # 100 ns, awake only
            return kernel32.GetTickCount64() / 1000 - unbiased.value / 10_000_000

        slept()
    except (AttributeError, OSError):
        return lambda: 0.0
    return slept


class SystemClock:
    """The real clock of the computer; its monotonic time counts a suspend too."""

    def __init__(self) -> None:
        self.source, self._monotonic = suspend_aware_clock()
        self._slept = sleep_meter()

    def slept(self) -> float:
        return self._slept()

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
        self._slept = 0.0

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass (never negative: monotonic time cannot go back)."""
        if seconds < 0:
            raise ValueError(f"a clock cannot go back ({seconds} s)")
        self._elapsed += seconds

    def sleep(self, seconds: float) -> None:
        """The laptop is suspended for `seconds`: time passes, and the sleep meter counts it."""
        self.advance(seconds)
        self._slept += seconds

    def slept(self) -> float:
        return self._slept

    @property
    def elapsed(self) -> float:
        """Seconds advanced since the clock was made."""
        return self._elapsed

    def monotonic(self) -> float:
        return self._monotonic_start + self._elapsed

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)
