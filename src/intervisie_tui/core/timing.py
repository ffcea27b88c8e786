"""Planned against actual, per step: the one computation the summary screen and the log share.

Planned is `SessionState.planned` (the method's time, +/- included) and the
adjustment is shown beside it, so a reader sees that time was added. Actual is
the time the clock ran on the step (pauses excluded); pauses are counted apart,
per step. A step never visited has no actual and no difference: skipped once
the session is finished, not yet reached while it runs. The cells are text in
the session's language, so the screen and the log show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervisie_tui.core.commands import step_elapsed
from intervisie_tui.core.duration import format_duration
from intervisie_tui.core.plan import Step
from intervisie_tui.core.state import SessionState
from intervisie_tui.i18n import t_lang


@dataclass(frozen=True)
class StepTimes:
    """One step: planned seconds (incl. +/-), the +/- itself, actual and paused seconds."""

    step: Step
    planned: int
    actual: float
    extra: int = 0
    paused: float = 0.0
    visited: bool = True

    @property
    def difference(self) -> int | None:
        """Whole seconds over (+) or under (-) the planned time; None for a step not held."""
        return round(self.actual) - self.planned if self.visited else None


@dataclass(frozen=True)
class Timesheet:
    """Every step of a session, with the totals."""

    rows: tuple[StepTimes, ...]
    finished: bool = False

    @property
    def planned(self) -> int:
        return sum(row.planned for row in self.rows)

    @property
    def extra(self) -> int:
        return sum(row.extra for row in self.rows)

    @property
    def actual(self) -> int:
        return sum(round(row.actual) for row in self.rows if row.visited)

    @property
    def paused(self) -> float:
        return sum(row.paused for row in self.rows)

    @property
    def difference(self) -> int:
        """The session's actual time against its whole plan (skipped steps saved time)."""
        return self.actual - self.planned


def timesheet(state: SessionState, t: float | None = None) -> Timesheet:
    """The times of `state` at session time `t` (None: as the last event left them)."""
    rows = []
    for step in state.plan.steps:
        record = state.steps[step.index]
        actual, paused = record.elapsed, record.paused
        if t is not None:
            actual = step_elapsed(state, step.index, t)
            if step.index == state.current and state.step_pause_from is not None:
                paused += t - state.step_pause_from
        rows.append(
            StepTimes(
                step=step,
                planned=state.planned(step.index),
                actual=actual,
                extra=record.extra,
                paused=paused,
                visited=record.visited,
            )
        )
    return Timesheet(tuple(rows), finished=state.status == "finished")


@dataclass(frozen=True)
class TimeCells:
    """One row of the times as text: planned (with its +/-), actual, difference, pauses."""

    planned: str
    actual: str
    difference: str
    paused: str


def signed(seconds: int, lang: str | None = None) -> str:
    """`+3 min`, `-1 min 30 s`, `0 min`: a difference or an adjustment."""
    return ("+" if seconds > 0 else "") + format_duration(seconds, lang)


def row_cells(row: StepTimes, finished: bool, lang: str) -> TimeCells:
    planned = format_duration(row.planned, lang)
    if row.extra:
        planned += f" ({signed(row.extra, lang)})"
    if row.difference is None:
        key = "timing.skipped" if finished else "timing.not_yet"
        return TimeCells(planned, t_lang(lang, key), "", _paused(row.paused, lang))
    actual = format_duration(row.actual, lang)
    return TimeCells(planned, actual, signed(row.difference, lang), _paused(row.paused, lang))


def total_cells(sheet: Timesheet, lang: str) -> TimeCells:
    planned = format_duration(sheet.planned, lang)
    if sheet.extra:
        planned += f" ({signed(sheet.extra, lang)})"
    actual = format_duration(sheet.actual, lang)
    return TimeCells(planned, actual, signed(sheet.difference, lang), _paused(sheet.paused, lang))


def _paused(seconds: float, lang: str) -> str:
    return format_duration(seconds, lang) if round(seconds) else ""
