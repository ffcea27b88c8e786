"""The countdown's beat: wake just after the shown second changes, then once a second.

Shared by the run screen and the presenter view. One interval timer instead of
a new timer every second; the beat only moves when a command moves it (pause,
resume, another step), and then the screen calls `restart_beat`.
"""

from __future__ import annotations

from textual.timer import Timer


class ClockBeat:
    """Mixin for a Screen with a `view` (SessionView) and a `refresh_clock()` method."""

    _beat: Timer | None = None

    def restart_beat(self) -> None:
        if self._beat is not None:
            self._beat.stop()
        delay = self.view.seconds_to_next_change()  # type: ignore[attr-defined]
        self._beat = self.set_timer(delay, self._on_beat, name="countdown")  # type: ignore[attr-defined]

    def _on_beat(self) -> None:
        self.refresh_clock()  # type: ignore[attr-defined]
        self._beat = self.set_interval(1.0, self.refresh_clock, name="countdown")  # type: ignore[attr-defined]
