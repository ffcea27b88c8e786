"""The log of a running session: a LogWriter wired to the runner, that never stops it.

The runner calls us after every command it has journaled. When the log cannot
be written the meeting goes on (the journal holds everything): the problem is
kept in `error` for the screen to show once, and the next change tries again.
`relocate` moves the log to a folder the user picks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from intervisie_tui.core.logbook.writer import LogWriteError, LogWriter
from intervisie_tui.core.state import SessionState


class _Runner(Protocol):
    state: SessionState

    def subscribe(self, callback: Callable[[SessionState], None]) -> Callable[[], None]: ...


class LiveLog:
    """Keeps the Markdown log of one session current; `path` and `error` for the screens."""

    def __init__(self, writer: LogWriter) -> None:
        self.writer = writer
        self.error: LogWriteError | None = None
        """The last write problem, None once a write succeeds again."""
        self._unsubscribe: Callable[[], None] | None = None

    @classmethod
    def attach(cls, runner: _Runner, root: Path | None = None) -> LiveLog:
        """Write the log of `runner`'s session under `root` now and after every command."""
        live = cls(LogWriter.for_group(runner.state.plan.setup.group, root))
        live._unsubscribe = runner.subscribe(live.update)
        live.update(runner.state)
        return live

    @property
    def path(self) -> Path | None:
        return self.writer.path

    def update(self, state: SessionState) -> None:
        try:
            self.writer.write(state)
        except LogWriteError as problem:
            self.error = problem
        else:
            self.error = None

    def relocate(self, folder: Path) -> Path | None:
        """Write the log in `folder` from now on; raises LogWriteError if that fails too."""
        path = self.writer.relocate(folder)
        self.error = None
        return path

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
