"""Planned (incl. +/-), actual, difference and pauses per step: one computation for all."""

from __future__ import annotations

import pytest

from intervisie_tui.core.commands import replay
from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.timing import row_cells, timesheet, total_cells
from tests.core.engine_helpers import fake_clock, small_plan


@pytest.fixture
def clock():
    return fake_clock()


def eventful(clock) -> SessionRunner:
    """5/3/4 min: step 1 gets +2 min, a pause and overtime; step 2 is skipped; step 3 gets -1."""
    runner = SessionRunner(small_plan(), clock, session_id="s1")
    runner.start()
    runner.adjust(120)
    clock.advance(300)
    runner.pause()
    clock.advance(180)
    runner.resume()
    clock.advance(180)
    runner.jump(2)
    runner.adjust(-60)
    clock.advance(120)
    runner.finish()
    return runner


def test_each_step_has_its_planned_time_with_its_adjustment_actual_difference_and_pauses(clock):
    sheet = eventful(clock).timesheet()
    first, skipped, last = sheet.rows
    assert (first.planned, first.extra, first.actual, first.paused) == (420, 120, 480, 180)
    assert first.difference == 60
    assert not skipped.visited and skipped.difference is None and skipped.planned == 180
    assert (last.planned, last.extra, last.actual, last.difference) == (180, -60, 120, -60)
    assert (sheet.planned, sheet.actual, sheet.difference, sheet.paused) == (780, 600, -180, 180)
    assert sheet.finished


def test_the_cells_say_it_in_the_sessions_language(clock):
    sheet = eventful(clock).timesheet()
    cells = [row_cells(row, sheet.finished, "nl") for row in sheet.rows]
    assert (cells[0].planned, cells[0].actual, cells[0].difference) == (
        "7 min (+2 min)",
        "8 min",
        "+1 min",
    )
    assert cells[0].paused == "3 min"
    assert (cells[1].actual, cells[1].difference) == ("overgeslagen", "")
    assert (cells[2].planned, cells[2].difference, cells[2].paused) == (
        "3 min (-1 min)",
        "-1 min",
        "",
    )
    assert row_cells(sheet.rows[1], sheet.finished, "en").actual == "skipped"
    total = total_cells(sheet, "nl")
    assert (total.planned, total.actual, total.difference) == (
        "13 min (+1 min)",
        "10 min",
        "-3 min",
    )


def test_a_step_not_reached_yet_is_not_called_skipped(clock):
    runner = SessionRunner(small_plan(), clock, session_id="s1")
    runner.start()
    sheet = runner.timesheet()
    assert row_cells(sheet.rows[2], sheet.finished, "nl").actual == "–"


def test_a_pause_counts_to_the_step_that_was_current_while_it_lasted(clock):
    runner = SessionRunner(small_plan(), clock, session_id="s1")
    runner.start()
    runner.pause()
    clock.advance(10)
    runner.next()
    clock.advance(20)
    assert [row.paused for row in runner.timesheet().rows] == [10, 20, 0]  # still paused
    runner.resume()
    clock.advance(5)
    assert [row.paused for row in runner.timesheet().rows] == [10, 20, 0]
    assert runner.state.paused_total == 30


def test_the_replayed_session_has_the_same_times(clock):
    runner = eventful(clock)
    again = replay(runner.plan, "s1", runner.events, runner.state.created_at)
    assert timesheet(again) == runner.timesheet()


def test_the_logs_agenda_shows_adjustment_difference_pauses_and_the_skipped_step(clock):
    text = render_log(eventful(clock).state)
    assert "| # | Stap | Gepland | Werkelijk | Verschil | Pauze |" in text
    assert "| 1 | Stap 1 | 7 min (+2 min) | 8 min | +1 min | 3 min |" in text
    assert "| 2 | Stap 2 | 3 min | overgeslagen |  |  |" in text
    assert "| 3 | Stap 3 | 3 min (-1 min) | 2 min | -1 min |  |" in text
    assert "| | **Totaal** | **13 min (+1 min)** | **10 min** | **-3 min** | **3 min** |" in text
