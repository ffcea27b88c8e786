"""Time per person in a go-around: each speaker's countdown, a warning, and the turn going on."""

from __future__ import annotations

from intervisie_tui.core.alerts import Alert
from intervisie_tui.core.commands import replay
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import SessionSetup
from tests.core.engine_helpers import fake_clock

PEOPLE = ("An", "Bo", "Cor")
METHOD = {
    "id": "ronde",
    "name": "Ronde",
    "source": "tests",
    "roles": [{"id": "leden", "name": "Leden", "rest": True}],
    "phases": [
        {"name": "Rondje", "duration": 6, "go_around": {"role": "leden", "per_person": 2}},
        {"name": "Open gesprek", "duration": 10, "countdown": False},
    ],
}


def _runner():
    method = Method.model_validate(METHOD)
    setup = SessionSetup(method_id="ronde", group="G", participants=PEOPLE, evaluation=False)
    clock = fake_clock()
    runner = SessionRunner(build_plan(method, setup), clock)
    runner.start()
    return runner, clock


def _poll(runner, clock, seconds):
    alerts = []
    for _ in range(seconds):
        clock.advance(1)
        alerts += runner.poll_alerts()
    return alerts


def test_each_speaker_has_a_countdown_of_their_own():
    runner, clock = _runner()
    assert runner.plan.steps[0].duration == 3 * 120
    assert runner.turn_remaining() == 120
    clock.advance(50)
    assert runner.turn_remaining() == 70
    runner.add_statement("An", "Ik herken het.")  # Enter: the next name, with a full turn
    assert runner.state.next_speaker() == "Bo"
    assert runner.turn_remaining() == 120


def test_a_speaker_is_warned_once_and_their_time_up_passes_the_turn_on():
    runner, clock = _runner()
    alerts = _poll(runner, clock, 120)
    assert alerts == [Alert(0, 30, "turn_warning", "An"), Alert(0, 0, "turn_up", "An")]
    assert runner.state.next_speaker() == "Bo"
    assert runner.state.steps[0].timed_out == ["An"] and runner.state.steps[0].passed == []
    assert runner.turn_remaining() == 120
    alerts = _poll(runner, clock, 100)
    assert alerts == [Alert(0, 30, "turn_warning", "Bo")]


def test_what_is_typed_for_a_speaker_after_their_time_is_up_does_not_restart_the_next_turn():
    runner, clock = _runner()
    _poll(runner, clock, 120)  # An's time is up: Bo's turn
    clock.advance(10)
    runner.add_statement("An", "Nog een zin.")  # typed for An, who had the floor
    assert runner.state.next_speaker() == "Bo"
    assert runner.turn_remaining() == 110


def test_a_pause_stops_the_speakers_time_too():
    runner, clock = _runner()
    clock.advance(30)
    runner.pause()
    clock.advance(300)
    assert runner.poll_alerts() == []
    assert runner.turn_remaining() == 90


def test_turns_replay_exactly_from_the_journal():
    runner, clock = _runner()
    _poll(runner, clock, 125)
    runner.pass_turn("Bo")
    clock.advance(7)
    again = replay(runner.plan, runner.session_id, runner.events)
    assert again.steps[0].timed_out == ["An"] and again.steps[0].passed == ["Bo"]
    assert again.steps[0].turn_from == runner.state.steps[0].turn_from == 125
    assert again.next_speaker() == "Cor"


def test_after_the_last_speaker_there_is_no_turn_countdown():
    runner, clock = _runner()
    for name in PEOPLE:
        runner.pass_turn(name)
    assert runner.turn_remaining() is not None  # whoever passed is asked once more
    for name in PEOPLE:
        runner.pass_turn(name)
    assert runner.turn_remaining() is None
    assert _poll(runner, clock, 400) == [Alert(0, 60, "warning"), Alert(0, 0, "zero")]


def test_a_step_without_countdown_gives_no_warnings():
    runner, clock = _runner()
    runner.next()
    assert runner.plan.steps[1].counts_up
    assert _poll(runner, clock, 900) == []
