"""SessionRunner: time commands, deadlines, overtime, projection, refusals."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from intervisie_tui.core.commands import SessionError, replay
from intervisie_tui.core.runner import SessionRunner
from tests.core.engine_helpers import START, fake_clock, small_plan


@pytest.fixture
def clock():
    return fake_clock()


@pytest.fixture
def runner(clock):
    return SessionRunner(small_plan(), clock, session_id="s1")


def test_a_new_runner_is_ready_with_one_record_per_step(runner):
    assert runner.state.status == "ready"
    assert [r.index for r in runner.state.steps] == [0, 1, 2]
    assert runner.step.name == "Stap 1"
    assert runner.remaining() == 300
    assert runner.session_elapsed() == 0
    assert not (runner.is_running or runner.is_paused or runner.is_finished)


def test_remaining_is_a_deadline_and_goes_negative_in_overtime(runner, clock):
    runner.start()
    clock.advance(299.75)
    assert runner.remaining() == 0.25
    clock.advance(100)
    assert runner.remaining() == -99.75
    assert runner.elapsed_in_step() == 399.75


def test_pause_stops_the_step_clock_and_the_session_clock(runner, clock):
    runner.start()
    clock.advance(60)
    runner.pause()
    assert runner.is_paused
    clock.advance(600)
    assert runner.remaining() == 240
    assert runner.session_elapsed() == 60
    runner.resume()
    assert runner.is_running
    clock.advance(30)
    assert runner.remaining() == 210
    assert runner.session_elapsed() == 90


def test_next_previous_and_jump_keep_time_per_step(runner, clock):
    runner.start()
    clock.advance(100)
    runner.next()
    clock.advance(50)
    runner.previous()
    clock.advance(20)
    assert runner.elapsed_in_step(0) == 120
    assert runner.elapsed_in_step(1) == 50
    runner.jump(2)
    clock.advance(7)
    assert runner.state.current == 2
    assert [row.actual for row in runner.timesheet().rows] == [120, 50, 7]
    assert runner.session_elapsed() == 177


def test_moving_while_paused_keeps_the_clock_stopped(runner, clock):
    runner.start()
    clock.advance(10)
    runner.pause()
    runner.next()
    clock.advance(60)
    assert runner.elapsed_in_step(1) == 0
    assert runner.state.steps[1].first_started is None
    runner.resume()
    assert runner.state.steps[1].first_started == START + timedelta(seconds=70)
    assert runner.state.steps[0].last_left == START + timedelta(seconds=10)


def test_adjust_adds_and_removes_time_on_the_current_step(runner, clock):
    runner.start()
    runner.adjust()
    runner.adjust(120)
    runner.adjust(-30)
    assert runner.remaining() == 300 + 60 + 120 - 30
    assert runner.timesheet().rows[0].planned == 450
    assert runner.planned(1) == 180
    with pytest.raises(SessionError):
        runner.adjust(-451)


def test_adjust_by_zero_writes_nothing(runner):
    runner.adjust(0)
    assert runner.events == []


def test_projected_end_moves_with_overruns_and_pauses(runner, clock):
    total = 300 + 180 + 240
    assert runner.projected_end() == START + timedelta(seconds=total)
    runner.start()
    clock.advance(400)  # 100 s over on step 1
    assert runner.projected_end() == START + timedelta(seconds=400 + 180 + 240)
    runner.pause()
    clock.advance(60)
    assert runner.projected_end() == START + timedelta(seconds=460 + 180 + 240)
    runner.resume()
    runner.finish()
    assert runner.projected_end() == START + timedelta(seconds=460)


def test_finish_stops_everything(runner, clock):
    runner.start()
    clock.advance(30)
    runner.pause()
    clock.advance(30)
    runner.finish()
    clock.advance(500)
    assert runner.is_finished
    assert runner.session_elapsed() == 30
    assert runner.elapsed_in_step() == 30
    assert runner.state.finished_at == START + timedelta(seconds=60)


@pytest.mark.parametrize(
    ("prepare", "command"),
    [
        ([], lambda r: r.pause()),
        ([], lambda r: r.next()),
        ([], lambda r: r.finish()),
        (["start"], lambda r: r.start()),
        (["start"], lambda r: r.resume()),
        (["start"], lambda r: r.previous()),
        (["start"], lambda r: r.jump(3)),
        (["start"], lambda r: r.jump(-1)),
        (["start", "pause"], lambda r: r.pause()),
        (["start", "next", "next"], lambda r: r.next()),
        (["start", "finish"], lambda r: r.next()),
        (["start", "finish"], lambda r: r.adjust(60)),
        (["start"], lambda r: r.edit_entry("e9", text="x")),
        (["start"], lambda r: r.delete_entry("e9")),
        (["start"], lambda r: r.add_note("   \n ")),
        (["start"], lambda r: r.add_statement("Zoë", "hallo")),
        (["start"], lambda r: r.decide_followup("nope", "done")),
    ],
)
def test_invalid_commands_raise_and_write_nothing(runner, prepare, command):
    for name in prepare:
        getattr(runner, name)()
    before = copy.deepcopy(runner.state)
    count = len(runner.events)
    with pytest.raises(SessionError) as raised:
        command(runner)
    assert str(raised.value)  # a translated one-line message
    assert "\n" not in str(raised.value)
    assert len(runner.events) == count
    assert runner.state == before


def test_jump_to_the_current_step_changes_nothing(runner):
    runner.start()
    runner.jump(0)
    assert len(runner.events) == 1


def test_errors_are_translated(runner):
    runner.start()
    with pytest.raises(SessionError, match="al gestart"):
        runner.start()


def test_live_state_equals_the_replay_of_its_events(runner, clock):
    runner.start()
    clock.advance(12.5)
    runner.add_note("één")
    runner.pause()
    clock.advance(3)
    runner.resume()
    runner.next()
    runner.adjust(-60)
    clock.advance(1.125)
    runner.finish()
    assert replay(runner.plan, "s1", runner.events, runner.state.created_at) == runner.state


def test_a_closed_runner_refuses_commands(runner):
    runner.close()
    runner.close()
    with pytest.raises(SessionError):
        runner.start()


def test_session_ids_sort_by_start_time(clock):
    first = SessionRunner(small_plan(), clock).session_id
    clock.advance(1)
    second = SessionRunner(small_plan(), clock).session_id
    assert first.startswith("20250314-140000-")
    assert first < second
