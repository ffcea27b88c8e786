"""The sharpened help question: its own command, in the steps that sharpen it, and in the log."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervisie_tui.core.commands import SessionError, replay
from intervisie_tui.core.library import find_method
from intervisie_tui.core.logbook.parse import parse_log
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.plan import build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import SessionSetup
from tests.core.engine_helpers import fake_clock

QUESTION = "Hoe ga ik om met een boze vader?"
SHARPER = "Hoe blijf ik rustig als een vader mij uitscheldt?"


def incident_runner() -> SessionRunner:
    setup = SessionSetup(
        method_id="incidentmethode",
        group="Team",
        participants=("An", "Bo", "Cor", "Dirk"),
        roles={"inbrenger": ("An",), "voorzitter": ("Bo",)},
        question=QUESTION,
    )
    plan = build_plan(find_method("incidentmethode").method, setup)
    runner = SessionRunner(plan, fake_clock(), session_id="s1")
    runner.start()
    return runner


def to_sharpening(runner: SessionRunner) -> None:
    while "question" not in runner.step.capture:
        runner.next()


def test_the_question_is_sharpened_only_where_the_method_sharpens_it():
    runner = incident_runner()
    with pytest.raises(SessionError):
        runner.sharpen_question(SHARPER)  # the first step tells the incident
    to_sharpening(runner)
    assert runner.step.phase_id == "hulpvraag-aanscherpen"
    runner.sharpen_question(SHARPER)
    assert runner.state.sharpened == SHARPER and runner.state.question == SHARPER
    assert runner.plan.setup.question == QUESTION  # the original stays


def test_the_same_question_again_is_no_sharpening_and_is_not_journaled():
    runner = incident_runner()
    to_sharpening(runner)
    count = len(runner.events)
    runner.sharpen_question(f"  {QUESTION} ")
    assert runner.state.sharpened == "" and len(runner.events) == count


def test_the_sharpened_question_survives_a_resume_and_stands_next_to_the_original_in_the_log():
    runner = incident_runner()
    to_sharpening(runner)
    runner.sharpen_question(SHARPER)
    again = replay(runner.plan, "s1", runner.events, runner.state.created_at)
    assert again.sharpened == SHARPER
    text = render_log(runner.state)
    assert f"## Hulpvraag\n\n{QUESTION}\n\n**Aangescherpt:** {SHARPER}" in text.replace("\\", "")
    assert parse_log(text, Path("x.md")).front.sharpened_question == SHARPER


def test_a_log_without_sharpening_shows_the_question_alone():
    text = render_log(incident_runner().state)
    assert "Aangescherpt" not in text
