"""The log of a running session: a LogWriter that never stops the meeting.

The session controller calls `update` after every command it has journaled.
When the log cannot be written the meeting goes on (the journal holds
everything): the problem is kept in `error`, and the next change tries again.
`relocate` moves the log to a folder the user picks.
"""

from __future__ import annotations

from pathlib import Path

from intervisie_tui.core.logbook.writer import LogWriteError, LogWriter
from intervisie_tui.core.state import SessionState


class LiveLog:
    """Keeps the Markdown log of one session current; `path` and `error` for the screens."""

    def __init__(self, writer: LogWriter) -> None:
        self.writer = writer
        self.error: LogWriteError | None = None
        """The last write problem, None once a write succeeds again."""

    @classmethod
    def open(cls, state: SessionState, root: Path | None = None) -> LiveLog:
        """The log of `state`'s session under `root`, written now."""
        live = cls.later(state, root)
        live.update(state)
        return live

    @classmethod
    def later(cls, state: SessionState, root: Path | None = None) -> LiveLog:
        """The log of `state`'s session under `root`, written by its first `update`."""
        return cls(LogWriter.for_group(state.plan.setup.group, root))

    @property
    def path(self) -> Path | None:
        return self.writer.path

    @property
    def folder(self) -> Path:
        return self.writer.folder

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
