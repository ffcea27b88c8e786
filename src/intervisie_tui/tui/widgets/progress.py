"""The session's progress bar, minus the work nobody sees.

Textual's ProgressBar wakes up once a second to recompute an ETA we never show,
which redraws part of the screen a second time every second (idle CPU on a
laptop running on battery for three hours). This one has no such timer and
only moves when the bar visibly moves.
"""

from __future__ import annotations

from textual import events
from textual.widgets import ProgressBar


class SessionProgress(ProgressBar):
    def __init__(self, **kwargs) -> None:
        super().__init__(total=100, show_eta=False, show_percentage=False, **kwargs)

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # ProgressBar.on_mount would start the ETA timer
        self.update()

    def show(self, done: float, total: float) -> None:
        """Set the bar, skipping changes smaller than the half cell the bar draws."""
        total = max(total, 1.0)
        steps = max(1, self.size.width) * 2
        old = self.progress
        if total == self.total and int(done / total * steps) == int(old / total * steps):
            return
        self.update(total=total, progress=done)
