"""Attendance per session: present, absent, late, left early; journaled, logged, counted."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from intervisie_tui.cli.group import attendance_text
from intervisie_tui.core.commands import SessionError, replay
from intervisie_tui.core.logbook.history import attendance, load_group
from intervisie_tui.core.logbook.parse import parse_log
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.logbook.writer import LogWriter
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import validate_setup
from intervisie_tui.core.state import Attendance
from tests.core.engine_helpers import fake_clock, small_plan
from tests.core.logbook_helpers import START, method, setup, state

GROUP = "Team Noord"


@pytest.fixture
def clock():
    return fake_clock()


def evening(clock) -> SessionRunner:
    """Eva is absent; Daan comes in ten minutes late, Fleur leaves before the end."""
    here = ("Anouk", "Bram", "Chaima", "Daan", "Fleur")
    runner = SessionRunner(small_plan(absent=("Eva",), participants=here), clock, session_id="s1")
    runner.start()
    clock.advance(600)
    runner.mark_attendance("Daan", "late")
    clock.advance(600)
    runner.mark_attendance("Fleur", "left")
    return runner


def test_presence_says_who_was_there_came_late_left_early_or_was_absent(clock):
    runner = evening(clock)
    presence = runner.state.presence()
    assert {name: mark for name, (mark, _) in presence.items()} == {
        "Anouk": "present", "Bram": "present", "Chaima": "present",
        "Daan": "late", "Fleur": "left", "Eva": "absent",
    }  # fmt: skip
    assert presence["Daan"][1] == clock.now() - timedelta(seconds=600)


def test_an_absent_member_who_comes_after_all_is_late_and_a_mark_can_be_undone(clock):
    runner = evening(clock)
    runner.mark_attendance("Eva", "late")
    assert runner.state.presence()["Eva"][0] == "late"
    runner.mark_attendance("Eva", "none")
    assert runner.state.presence()["Eva"][0] == "absent"
    count = len(runner.events)
    runner.mark_attendance("Eva", "none")  # nothing changes: nothing journaled
    assert len(runner.events) == count


def test_only_members_can_be_marked(clock):
    runner = evening(clock)
    with pytest.raises(SessionError):
        runner.mark_attendance("Zoë", "late")


def test_attendance_survives_a_resume(clock):
    runner = evening(clock)
    again = replay(runner.plan, "s1", runner.events, runner.state.created_at)
    assert again.presence() == runner.state.presence()


def test_the_log_has_attendance_in_its_front_matter_and_a_section(clock):
    text = render_log(evening(clock).state)
    front = parse_log(text, Path("x.md")).front
    assert (front.absent, front.late, front.left_early) == (["Eva"], ["Daan"], ["Fleur"])
    assert "## Aanwezigheid\n\n- Aanwezig: Anouk, Bram, Chaima\n- Later binnen: Daan (" in text
    assert "- Eerder weg: Fleur (" in text and "- Afwezig: Eva" in text


def test_a_log_where_everyone_was_there_has_no_attendance_section():
    assert "## Aanwezigheid" not in render_log(state())


def test_an_absent_name_with_a_control_character_is_refused():
    problems = validate_setup(setup(absent=("Eva\x1b[2J",)), method())
    assert [p.key for p in problems] == ["setup.control_character"]


def test_group_show_counts_present_absent_late_and_left_early_per_member(tmp_path):
    def write(number, **changes):
        start = START + timedelta(days=28 * (number - 1))
        return state(setup(**changes), session_id=f"s{number}", start=start)

    first = write(1, participants=("An", "Bo", "Cor", "Dewi"), absent=("Eef",))
    first.attendance["Dewi"] = Attendance(mark="late", at=START)
    second = write(2, participants=("An", "Bo", "Cor", "Eef"), absent=("Dewi",))
    second.attendance["Cor"] = Attendance(mark="left", at=START)
    for the_state in (first, second):
        LogWriter.for_group(GROUP, tmp_path).write(the_state)
    history = load_group(tmp_path, GROUP)
    rows = {row.name: row for row in attendance(history, 24, START.date())}
    counts = {n: (r.sessions, r.absent, r.late, r.left_early) for n, r in rows.items()}
    assert counts == {
        "An": (2, 0, 0, 0), "Bo": (2, 0, 0, 0), "Cor": (2, 0, 0, 1),
        "Dewi": (1, 1, 1, 0), "Eef": (1, 1, 0, 0),
    }  # fmt: skip
    assert history.members()[:4] == ("An", "Bo", "Cor", "Eef")
    text = attendance_text(history, 24, START.date())
    assert "Aanwezig" in text and "Afwezig" in text and "Te laat" in text


def test_attendance_comes_the_same_from_the_history_index(tmp_path, monkeypatch):
    import os
    import time

    from intervisie_tui.core.logbook import history, index

    the_state = state(setup(participants=("An", "Bo", "Cor"), absent=("Dewi",)))
    the_state.attendance["Cor"] = Attendance(mark="late", at=START)
    log = LogWriter.for_group(GROUP, tmp_path).write(the_state)
    assert log is not None
    past = time.time_ns() - 2 * 3600 * 10**9  # old enough for the index to trust its stat
    os.utime(log, ns=(past, past))
    fresh = load_group(tmp_path, GROUP)  # reads the log, writes the index

    def refuse(path):
        raise AssertionError(f"read {path.name}")

    monkeypatch.setattr(index, "read_log", refuse)
    cached = load_group(tmp_path, GROUP)
    assert attendance(cached, 24, START.date()) == attendance(fresh, 24, START.date())
    assert history.load_start(tmp_path, GROUP).members() == ("An", "Bo", "Cor", "Dewi")
