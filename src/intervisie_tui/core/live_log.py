"""Keep a running session's Markdown log in step with its runner.

The journal is the source of truth; the log is re-rendered from the state
after every command. When the log folder fails (not writable, disk full) the
session goes on: the error is kept for the UI to show once, and the next
successful write (or `relocate` to another folder) brings the log up to date.
"""

from __future__ import annotations

from pathlib import Path

from intervisie_tui.core.logbook.writer import LogWriter, LogWriteError
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.state import SessionState


class LiveLog:
    def __init__(self, writer: LogWriter) -> None:
        self.writer = writer
        self.error: LogWriteError | None = None
        """The last write failure, None once a write succeeds again."""

    @classmethod
    def attach(cls, runner: SessionRunner, log_root: Path | None) -> LiveLog:
        """Subscribe a writer for the session's group folder and write the log now."""
        live = cls(LogWriter.for_group(runner.plan.setup.group, log_root))
        runner.subscribe(live.write)
        live.write(runner.state)
        return live

    @property
    def path(self) -> Path | None:
        return self.writer.path

    @property
    def folder(self) -> Path:
        return self.writer.folder

    def write(self, state: SessionState) -> None:
        try:
            self.writer.write(state)
        except LogWriteError as problem:
            self.error = problem
        else:
            self.error = None

    def relocate(self, folder: Path) -> Path | None:
        """Write to another folder from now on; raises LogWriteError if that fails too."""
        path = self.writer.relocate(folder)
        self.error = None
        return path
