"""Write the session log to disk after every change, so it is readable at every moment.

Each write renders the whole log and replaces the file atomically (a temp file
in the same folder, fsync, `os.replace`): a reader or a crash sees the previous
version or the new one, never half of one. The file name is chosen once per
session from the start time and never takes an existing file (`-2`, `-3` ...);
a resumed session finds its own file again by the session id in the front
matter. Nothing is written before the first step starts. Files are 0600 and
new folders 0700 (Windows ignores both).

A folder that cannot be written (no permission, read-only, disk full) raises
`LogWriteError` with one translated line naming the folder; the previous file
is untouched and no temp file stays behind. `relocate` points the writer at
another folder and writes everything there.
"""

from __future__ import annotations

import contextlib
import errno
import os
from itertools import islice
from pathlib import Path

from intervisie_tui import __version__
from intervisie_tui.core.logbook.files import LogWriteError, atomic_write, ensure_dir
from intervisie_tui.core.logbook.naming import (
    candidate_names,
    group_dir,
    log_file_stem,
    log_files,
)
from intervisie_tui.core.logbook.parse import LogParseError, read_front
from intervisie_tui.core.logbook.render import render_log, session_start
from intervisie_tui.core.state import SessionState

MAX_CANDIDATES = 1000


class LogWriter:
    """Keeps one session's log file up to date; call `write(state)` after every change."""

    def __init__(self, folder: Path, *, app_version: str = __version__) -> None:
        self.folder = folder
        self.path: Path | None = None
        """The log file, once the first write chose its name."""
        self.app_version = app_version
        self._last: SessionState | None = None

    @classmethod
    def for_group(cls, group: str, root: Path | None = None, **options: str) -> LogWriter:
        """A writer for the group's folder under the log root (see naming.group_dir)."""
        return cls(group_dir(root, group), **options)

    def __call__(self, state: SessionState) -> None:
        self.write(state)

    def write(self, state: SessionState) -> Path | None:
        """Render and write the log; LogWriteError if the folder cannot take it.

        Nothing is written before the first step starts (the name comes from
        the start time); then None is returned.
        """
        self._last = state
        if state.started_at is None:
            return None
        text = render_log(state, app_version=self.app_version)
        try:
            ensure_dir(self.folder)
            if self.path is None:
                self.path = self._claim(state, text)
                sweep_temp_files(self.path)
            else:
                atomic_write(self.path, text)
        except OSError as problem:
            raise LogWriteError(self.folder, problem) from problem
        return self.path

    def _claim(self, state: SessionState, text: str) -> Path:
        own = _own_file(self.folder, state.session_id)
        if own is not None:  # resumed after a crash: the same file again
            atomic_write(own, text)
            return own
        stem = log_file_stem(session_start(state), state.plan.method.id)
        for name in islice(candidate_names(stem), MAX_CANDIDATES):
            if atomic_write(self.folder / name, text, new=True):
                return self.folder / name
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), stem)

    def relocate(self, folder: Path) -> Path | None:
        """Write to `folder` from now on (and the current state right away).

        On failure the writer keeps its old folder and raises LogWriteError.
        """
        previous = (self.folder, self.path)
        self.folder, self.path = folder, None
        if self._last is None:
            return None
        try:
            return self.write(self._last)
        except LogWriteError:
            self.folder, self.path = previous
            raise


def sweep_temp_files(path: Path) -> None:
    """Remove temp files a killed write of `path` left behind (`.<stem>.*.tmp`).

    Only this session's own file writes them, and this session holds its lock.
    """
    for stray in path.parent.glob(f".{path.stem}.*.tmp"):
        with contextlib.suppress(OSError):
            stray.unlink()


def finished_log(folder: Path, session_id: str) -> bool:
    """Does this session's log in `folder` exist and say it is finished?"""
    own = _own_file(folder, session_id)
    if own is None:
        return False
    try:
        return read_front(own).status == "finished"
    except LogParseError:
        return False


def remove_session_log(folder: Path, session_id: str) -> Path | None:
    """Delete the log of a session that is thrown away; returns the file it removed."""
    own = _own_file(folder, session_id)
    if own is not None:
        own.unlink(missing_ok=True)
    return own


def session_log(folder: Path, session_id: str) -> Path | None:
    """The log of session `session_id` in `folder`, if it wrote one there."""
    return _own_file(folder, session_id)


def _own_file(folder: Path, session_id: str) -> Path | None:
    """The log this very session wrote before (a crash, a closed terminal), if any."""
    if not session_id:
        return None
    for path in log_files(folder):
        try:
            if read_front(path).session_id == session_id:
                return path
        except LogParseError:
            continue
    return None
