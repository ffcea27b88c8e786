"""The agenda sidebar: every step with planned and actual time, the current one marked."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from intervisie_tui.core.duration import format_duration, format_elapsed
from intervisie_tui.core.plan import Step
from intervisie_tui.core.session import StepTimes


def round_suffix(step: Step) -> str:
    """` 2/3 Bo`: the step's round (the innermost repeat) and who holds a rotating role then."""
    suffix = f" {step.rounds[-1][0]}/{step.rounds[-1][1]}" if step.rounds else ""
    holders = [", ".join(names) for _, names in step.rotating if names]
    return suffix + (f" {' · '.join(holders)}" if holders else "")


def agenda_row(step: Step, planned: int, actual: float, current: bool, width: int) -> Text:
    """`▶ 3 Roddelronde   4/10 min`, `✓ 2 Vragen   4:12/5 min`: the times always fit."""
    marker = "▶" if current else ("✓" if actual > 0 else "·")  # a blank would be trimmed
    times = format_duration(planned)
    if current and actual > 0:  # running: whole minutes, so the row changes once a minute
        times = f"{int(actual // 60)}/{times}"
    elif actual > 0:
        times = f"{format_elapsed(actual)}/{times}"
    head = f"{marker}{step.index + 1:>3} "
    room = max(4, width - len(head) - len(times) - 1)
    name = Text(f"{step.name}{round_suffix(step)}")
    name.truncate(room, overflow="ellipsis", pad=True)
    row = Text.assemble(head, name, " ", Text(times, style="dim" if not current else ""))
    if current:
        row.stylize("bold")
    return row


class Agenda(OptionList):
    """Selecting a step (enter or click) asks the screen to jump there."""

    _live: tuple[int, str] | None = None
    _minute: tuple[int, int, int] | None = None

    def row_width(self) -> int:
        return max(20, (self.scrollable_content_region.width or 30) - 1)

    def tick(self, step: Step, planned: int, actual: float) -> None:
        """Let the current step's time run along; repaints only when its text changes."""
        minute = (step.index, planned, int(actual // 60))
        if minute == self._minute:  # the row shows whole minutes: nothing to do
            return
        self._minute = minute
        row = agenda_row(step, planned, actual, True, self.row_width())
        if self._live != (step.index, row.plain) and step.index < self.option_count:
            self._live = (step.index, row.plain)
            self.replace_option_prompt_at_index(step.index, row)

    def show(self, rows: tuple[StepTimes, ...], current: int) -> None:
        """Every step with its planned (incl. +/-) and actual seconds; `current` marked."""
        width = self.row_width()
        self._live = self._minute = None
        keep = self.highlighted if self.has_focus else current
        self.set_options(
            Option(
                agenda_row(row.step, row.planned, row.actual, row.step.index == current, width),
                id=f"s{row.step.index}",
            )
            for row in rows
        )
        if keep is not None and 0 <= keep < len(rows):
            self.highlighted = keep
