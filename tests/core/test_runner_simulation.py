"""A whole 90-minute meeting on a FakeClock, refreshed four times a second: zero drift."""

from __future__ import annotations

from datetime import timedelta

from intervisie_tui.core import store
from intervisie_tui.core.runner import Alert
from tests.core.engine_helpers import START, fake_clock, incident_plan

TICK = 0.25


def test_a_90_minute_incident_session_has_zero_drift():
    clock = fake_clock()
    plan = incident_plan()
    assert plan.total == 90 * 60
    runner = store.new_session(plan, clock, "sim")
    runner.start()
    alerts: list[Alert] = []
    expected_actual: list[float] = []
    paused = 0.0

    def run_for(seconds: float) -> None:
        for _ in range(round(seconds / TICK)):
            clock.advance(TICK)
            alerts.extend(runner.poll_alerts())
            assert runner.remaining() == runner.planned() - runner.elapsed_in_step()

    for step in plan.steps:
        overrun = (step.index % 3) * 30.25  # 0, 30.25 or 60.5 seconds over
        extra = 60 if step.index == 4 else 0
        if extra:
            runner.adjust(extra)
        run_for(step.duration / 2)
        if step.index == 3:
            runner.pause()
            clock.advance(120)  # a phone call: the clock of the step stands still
            paused += 120
            assert runner.poll_alerts() == []
            runner.resume()
        runner.add_note(f"notitie bij {step.name}")
        if step.go_around:
            for name in step.go_around:
                runner.add_statement(name, f"advies van {name}")
        run_for(step.duration / 2 + extra + overrun)
        assert runner.remaining() == -overrun
        expected_actual.append(step.duration + extra + overrun)
        if step.index < len(plan.steps) - 1:
            runner.next()
    runner.finish()

    actuals = [row.actual for row in runner.timesheet().rows]
    assert actuals == expected_actual
    assert runner.session_elapsed() == sum(expected_actual)
    assert runner.state.finished_at == START + timedelta(seconds=sum(expected_actual) + paused)
    # Two warnings per step (1 minute left, time is up), the custom step three.
    assert [(a.step_index, a.threshold_seconds) for a in alerts] == [
        (step.index, threshold) for step in plan.steps for threshold in step.warn_at
    ]
    leden = len(plan.steps[6].go_around)
    assert len(runner.state.entries) == len(plan.steps) + leden
    runner.close()
    assert store.load("sim")[0] == runner.state


def test_projected_end_follows_the_overrun_exactly():
    clock = fake_clock()
    runner = store.new_session(incident_plan(), clock, "sim")
    runner.start()
    assert runner.projected_end() == START + timedelta(minutes=90)
    clock.advance(10 * 60 + 90.5)  # step 1 runs 90.5 s over
    assert runner.projected_end() == START + timedelta(minutes=90, seconds=90.5)
    runner.next()
    clock.advance(5 * 60)  # step 2 is half done, on time
    assert runner.projected_end() == START + timedelta(minutes=90, seconds=90.5)
    runner.close()
