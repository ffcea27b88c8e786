"""`intervisie resume` of a damaged session: it says what a repair does and asks first."""

from __future__ import annotations

import sys

import pytest
import typer

from intervisie_tui.cli import launch
from intervisie_tui.core import store
from intervisie_tui.core.journal import read_journal
from intervisie_tui.tui.config import AppConfig
from tests.core.engine_helpers import fake_clock
from tests.core.test_recovery import _files, _flip, _journal, _meeting


@pytest.fixture
def opened(monkeypatch):
    """The AppConfig every `open_app` would have started the app with."""
    configs: list[AppConfig] = []
    monkeypatch.setattr(launch, "open_app", configs.append)
    return configs


@pytest.fixture
def damaged():
    """An interrupted session "s1" whose line 5 has a flipped byte in its text."""
    _meeting(fake_clock()).close()
    _flip(_journal(), 5, b"tweede", b"tweedf")
    return _files()


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.fixture
def answer(monkeypatch):
    """Make stdin a terminal; the answer to the question is what the test sets."""
    answers: list[bool] = []
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(typer, "confirm", lambda *args, **kwargs: answers.pop(0))
    return answers


def test_without_a_terminal_or_the_flag_one_line_refuses_and_nothing_changes(run, opened, damaged):
    code, out, err = run("resume", "s1")
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "regel 5" in err and "--accept-damage" in err
    assert opened == [] and _files() == damaged


def test_no_in_the_terminal_changes_nothing(run, opened, damaged, answer):
    answer.append(False)
    code, out, _ = run("resume", "s1")
    assert code == 1 and opened == []
    assert "beschadigd vanaf regel 5" in out and "- Inzicht, stap 2: tweede" in out
    assert "Er is niets veranderd." in out
    assert _files() == damaged


def test_yes_in_the_terminal_repairs_and_opens_the_session(run, opened, damaged, answer):
    answer.append(True)
    code, out, _ = run("resume")  # without an id: the damaged session is offered, not hidden
    assert code == 0 and opened[0].resume_id == "s1"
    assert "hersteld (3 punten teruggehaald)" in out
    assert read_journal(_journal()).warnings == []
    assert (store.damaged_dir() / "s1-line-5.jsonl").read_bytes() == damaged[_journal()]


def test_accept_damage_repairs_without_asking(run, opened, damaged):
    code, out, _ = run("resume", "s1", "--accept-damage")
    assert code == 0 and opened[0].resume_id == "s1"
    assert "beschadigd vanaf regel 5" in out  # said all the same, for the record
    assert [e.text for e in store.load("s1")[0].entries][:2] == ["eerste", "tweede"]


def test_doctor_names_the_damaged_line_and_how_to_repair(run, damaged):
    code, out, _ = run("doctor")
    assert code == 0
    assert "beschadigd vanaf regel 5; 'intervisie resume s1' haalt terug" in out
    assert _files() == damaged
