"""The clocks: the fake one moves only when told, the system one is aware and monotonic."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from intervisie_tui.core.clock import Clock, FakeClock, SystemClock
from tests.core.engine_helpers import START


def test_fake_clock_moves_only_when_advanced():
    clock = FakeClock(START)
    before = clock.monotonic()
    assert clock.monotonic() == before
    assert clock.now() == START
    clock.advance(90.5)
    assert clock.monotonic() - before == 90.5
    assert clock.now() == START + timedelta(seconds=90.5)
    assert clock.elapsed == 90.5


def test_fake_clock_cannot_go_back():
    clock = FakeClock(START)
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_fake_clock_makes_a_naive_start_aware():
    assert FakeClock(datetime(2025, 1, 1, 9, 0)).now().tzinfo is not None


def test_fake_clock_has_no_drift_over_many_small_steps():
    clock = FakeClock(START)
    for _ in range(90 * 60 * 4):
        clock.advance(0.25)
    assert clock.elapsed == 90 * 60
    assert clock.now() == START + timedelta(minutes=90)


def test_system_clock_is_aware_and_does_not_go_back():
    clock: Clock = SystemClock()
    assert clock.now().tzinfo is not None
    first = clock.monotonic()
    assert clock.monotonic() >= first


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("linux", "CLOCK_BOOTTIME"), ("darwin", "CLOCK_MONOTONIC"), ("win32", "monotonic")],
)
def test_the_system_clock_keeps_counting_while_the_laptop_sleeps(platform, expected, monkeypatch):
    """A suspend must not put the countdown behind the room (Linux and macOS stop monotonic)."""
    import time

    from intervisie_tui.core.clock import suspend_aware_clock

    monkeypatch.setattr(time, "CLOCK_BOOTTIME", 7, raising=False)
    monkeypatch.setattr(time, "CLOCK_MONOTONIC", 1, raising=False)
    asked: list[int] = []

    def clock_gettime(clock_id: int) -> float:
        asked.append(clock_id)
        return 5.0

    monkeypatch.setattr(time, "clock_gettime", clock_gettime)
    name, read = suspend_aware_clock(platform)
    assert name == expected
    read()
    assert asked == ({"CLOCK_BOOTTIME": [7], "CLOCK_MONOTONIC": [1]}.get(name, []))


def test_the_system_clock_of_this_machine_moves_forward():
    clock = SystemClock()
    first = clock.monotonic()
    assert clock.monotonic() >= first
    assert clock.source in ("CLOCK_BOOTTIME", "CLOCK_MONOTONIC", "monotonic")


def test_the_sleep_meter_reads_a_number_that_never_goes_back():
    from intervisie_tui.core.clock import sleep_meter

    meter = sleep_meter()
    first = meter()
    assert meter() >= first - 0.01  # two clocks read one after the other: a hair of jitter
    assert sleep_meter("plan9")() == 0.0  # unknown: a suspend goes unnoticed, never a crash
