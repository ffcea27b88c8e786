"""One app instance per session: an OS lock on `<session>.lock`.

The operating system drops the lock when the process ends, however it ends, so
a crash never leaves a stale lock behind: fcntl.flock on Linux and macOS,
msvcrt.locking on Windows. The lock file itself stays (removing it would let
two processes lock two different files of the same name); `store.discard`
removes it together with the journal.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from intervisie_tui.core.commands import SessionError
from intervisie_tui.paths import create_private_file

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _open_lock_file(path: Path) -> int:
    """The lock file: created private (0600, never through a symlink) or the existing one.

    An existing lock file is opened without following a symlink (O_NOFOLLOW,
    POSIX): a link planted at its name makes the lock fail with one message.
    """
    existing = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(3):  # created or removed by another process in between: look again
        try:
            return create_private_file(path, os.O_RDWR)
        except FileExistsError:
            pass
        try:
            return os.open(path, existing)
        except FileNotFoundError:
            continue
    return os.open(path, existing)


class SessionLocked(SessionError):
    """Another app instance (or another runner in this one) has the session open."""


class SessionLock:
    """An exclusive, non-blocking lock held until `release` or the end of the process."""

    def __init__(self, path: Path, session_id: str) -> None:
        self.path = path
        self.session_id = session_id
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> SessionLock:
        """Take the lock or raise SessionLocked at once (never waits)."""
        if self._fd is not None:
            return self
        try:
            fd = _open_lock_file(self.path)
        except OSError as problem:
            raise SessionError("session.lock_failed", id=self.session_id, error=problem) from None
        try:
            locked = _try_lock(fd)
        except OSError as problem:
            os.close(fd)
            raise SessionError("session.lock_failed", id=self.session_id, error=problem) from None
        if not locked:
            os.close(fd)
            raise SessionLocked("session.locked", id=self.session_id)
        self._fd = fd
        return self

    def release(self) -> None:
        """Let go of the lock (safe to call twice)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            with contextlib.suppress(OSError):
                _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
