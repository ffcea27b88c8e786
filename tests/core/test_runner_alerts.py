"""Warnings as events: each threshold once per crossing, the lowest of a late poll."""

from __future__ import annotations

import pytest

from intervisie_tui.core.runner import Alert, SessionRunner
from tests.core.engine_helpers import fake_clock, incident_plan, small_plan


@pytest.fixture
def clock():
    return fake_clock()


@pytest.fixture
def runner(clock):
    r = SessionRunner(small_plan((5, 3, 1)), clock)
    r.start()
    return r


def _poll_every_second(runner, clock, seconds):
    alerts = []
    for _ in range(seconds):
        clock.advance(1)
        alerts += runner.poll_alerts()
    return alerts


def test_the_default_warnings_fire_once_each(runner, clock):
    assert runner.poll_alerts() == []
    alerts = _poll_every_second(runner, clock, 400)
    assert alerts == [Alert(0, 60, "warning"), Alert(0, 0, "zero")]
    assert _poll_every_second(runner, clock, 10) == []


def test_the_warning_fires_exactly_at_the_threshold(runner, clock):
    clock.advance(239.5)
    assert runner.poll_alerts() == []
    clock.advance(0.5)
    assert runner.poll_alerts() == [Alert(0, 60, "warning")]


def test_a_late_poll_returns_only_the_lowest_threshold_crossed(runner, clock):
    clock.advance(301)
    assert runner.poll_alerts() == [Alert(0, 0, "zero")]
    assert runner.poll_alerts() == []


def test_adding_time_rearms_a_threshold(runner, clock):
    clock.advance(250)
    assert runner.poll_alerts() == [Alert(0, 60, "warning")]
    runner.adjust(60)
    assert runner.poll_alerts() == []
    clock.advance(55)
    assert runner.poll_alerts() == [Alert(0, 60, "warning")]


def test_taking_time_away_can_cross_a_threshold(runner, clock):
    runner.adjust(-4 * 60 - 30)
    assert runner.poll_alerts() == [Alert(0, 60, "warning")]


def test_nothing_fires_while_paused(runner, clock):
    clock.advance(200)
    runner.pause()
    clock.advance(1000)
    assert runner.poll_alerts() == []
    runner.resume()
    assert runner.poll_alerts() == []
    clock.advance(40)
    assert runner.poll_alerts() == [Alert(0, 60, "warning")]


def test_thresholds_already_crossed_when_a_step_becomes_current_stay_silent(runner, clock):
    clock.advance(400)
    assert runner.poll_alerts() == [Alert(0, 0, "zero")]
    runner.jump(2)  # a one-minute step: the one-minute warning is already due
    assert runner.poll_alerts() == []
    clock.advance(60)
    assert runner.poll_alerts() == [Alert(2, 0, "zero")]
    runner.jump(0)  # back to an overtime step
    assert _poll_every_second(runner, clock, 5) == []


def test_steps_use_their_own_thresholds(clock):
    runner = SessionRunner(incident_plan(), clock)
    runner.start()
    runner.jump(5)
    assert runner.step.warn_at == (120, 30, 0)
    alerts = _poll_every_second(runner, clock, 601)
    assert [(a.threshold_seconds, a.kind) for a in alerts] == [
        (120, "warning"),
        (30, "warning"),
        (0, "zero"),
    ]


def test_no_alerts_before_the_start_or_after_the_finish(clock):
    runner = SessionRunner(small_plan((1,)), clock)
    clock.advance(100)
    assert runner.poll_alerts() == []
    runner.start()
    runner.finish()
    clock.advance(100)
    assert runner.poll_alerts() == []


def _poll_every_second_reminded(runner, clock, seconds, every):
    alerts = []
    for _ in range(seconds):
        clock.advance(1)
        alerts += runner.poll_alerts(every)
    return alerts


def test_overtime_brings_a_soft_reminder_every_few_minutes(runner, clock):
    """Bug: after the first minute of overtime nothing more was said."""
    alerts = _poll_every_second_reminded(runner, clock, 5 * 60 + 16 * 60, 5 * 60)
    assert alerts == [
        Alert(0, 60, "warning"),
        Alert(0, 0, "zero"),
        Alert(0, -300, "overtime"),
        Alert(0, -600, "overtime"),
        Alert(0, -900, "overtime"),
    ]


def test_no_reminder_when_they_are_off_and_one_after_a_late_poll(runner, clock):
    assert _poll_every_second_reminded(runner, clock, 20 * 60, 0)[-1] == Alert(0, 0, "zero")
    clock.advance(20 * 60)  # a late poll: 35 minutes over at once, one reminder
    assert runner.poll_alerts(5 * 60) == [Alert(0, -35 * 60, "overtime")]
    runner.adjust(60 * 60)  # time added: out of overtime, quiet again
    assert runner.poll_alerts(5 * 60) == []
