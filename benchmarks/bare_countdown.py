"""The floor of what Textual costs: one Digits countdown, redrawn once per second.

Used by tui_startup.py as the yardstick for the run screen. Usage:
`python benchmarks/bare_countdown.py [SECONDS]` (default 1500, i.e. 25:00).
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Digits


def clock_text(seconds: float) -> str:
    """`mm:ss`, rounded up like any countdown."""
    left = max(0, int(-(-seconds // 1)))
    return f"{left // 60:02d}:{left % 60:02d}"


class BareCountdown(App[None]):
    CSS = "Screen { align: center middle; } Digits { width: auto; }"

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.deadline = time.monotonic() + seconds

    def compose(self) -> ComposeResult:
        yield Digits(clock_text(self.deadline - time.monotonic()))

    def on_mount(self) -> None:
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        self.query_one(Digits).update(clock_text(self.deadline - time.monotonic()))


if __name__ == "__main__":
    BareCountdown(float(sys.argv[1]) if len(sys.argv) > 1 else 1500).run()
