"""DiskQueue: a running session's files, written in the order given, off the screen's thread.

The runner applies a command at once and hands its journal line here; the
screen never waits for a disk. One worker thread writes the lines in order
(each fsynced by the journal), then the log, so the log never shows what the
journal does not hold. A line the disk refuses stays first in line and is tried
again (every `retry_seconds`, or at `retry()`): nothing is dropped and nothing
overtakes it. A log the disk refused never holds up the journal; it is written
again on the same rhythm until it is current, with or without a new command.
The session's lock is let go only after the last line is on disk.

`saved` counts the lines on disk; a command's line number tells when it is
saved, so "bewaard" is said only then. With `background=False` the same queue
is written on the caller's thread (tests, and tools without a screen).
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from intervisie_tui.core.durable import reason
from intervisie_tui.i18n import t

if TYPE_CHECKING:
    from intervisie_tui.core.lock import SessionLock
    from intervisie_tui.core.logbook.live import LiveLog
    from intervisie_tui.core.state import SessionState

_T = TypeVar("_T")

RETRY_SECONDS = 2.0
"""How long a refused write waits before it is tried again (unless `retry()` comes first)."""


class LineSink(Protocol):
    def append(self, line: str) -> None: ...
    def close(self) -> None: ...


@dataclass
class _Item:
    kind: Literal["line", "log", "close"]
    line: str = ""
    state: SessionState | None = None


class DiskQueue:
    """Journal lines, log updates and the final close of one session, in order."""

    def __init__(
        self,
        journal: LineSink,
        lock: SessionLock | None = None,
        log: LiveLog | None = None,
        *,
        background: bool = True,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.log = log
        self._journal = journal
        self._lock = lock
        self._items: deque[_Item] = deque()
        self._changed = threading.Condition()
        self._log_lock = threading.Lock()
        self._retry_seconds = retry_seconds
        self._last_state: SessionState | None = None
        """The newest state the log was asked to show: written again while the log is behind."""
        self._wake = False
        self._done = False
        self.appended = 0
        """Lines handed in so far: the number of the newest line."""
        self.saved = 0
        """Lines on disk (fsynced), in order: every line up to this number."""
        self.error: str | None = None
        """Why the first waiting line was refused (translated); None while writes succeed."""
        self.on_change: Callable[[], None] | None = None
        """Called after each write and each refusal (from the worker thread)."""
        self.on_closed: Callable[[], None] | None = None
        """Called once journal and lock are let go (from the worker thread)."""
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._work, name="intervisie-disk", daemon=True)
            self._thread.start()

    # -- what the session hands in ----------------------------------------------------

    def append(self, line: str) -> None:
        """A journal line: written after every line before it; never dropped."""
        self._put(_Item("line", line=line))
        self.appended += 1

    def update_log(self, state: SessionState) -> None:
        """Bring the log to `state` once the lines before it are on disk (the newest wins)."""
        if self.log is not None:
            self._put(_Item("log", state=state.copy_for_disk()))

    def close(self) -> None:
        """After the last line: close the journal, let go of the lock, then `on_closed`."""
        self._put(_Item("close"))

    def retry(self) -> None:
        """Try a refused write (journal or log) again now (the disk has room again, say)."""
        with self._changed:
            self._wake = True
            self._changed.notify_all()
        if self._thread is None:
            self._drain()
            self._mend_log()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything handed in is on disk; False if that did not happen in time."""
        if self._thread is None:
            self._drain()
            return not self._items
        with self._changed:
            return self._changed.wait_for(lambda: not self._items, timeout)

    def with_log(self, work: Callable[[LiveLog], _T]) -> _T:
        """Run `work` on the log while the worker is not writing it (moving it elsewhere)."""
        assert self.log is not None
        with self._log_lock:
            return work(self.log)

    @property
    def unsaved(self) -> int:
        """Lines handed in but not on disk yet."""
        return self.appended - self.saved

    @property
    def finished(self) -> bool:
        """Closed: every line on disk, journal and lock let go."""
        return self._done

    # -- the writing ------------------------------------------------------------------

    def _put(self, item: _Item) -> None:
        with self._changed:
            if self._done:
                raise OSError("the session's files are closed")
            self._items.append(item)
            self._changed.notify_all()
        if self._thread is None:
            self._drain()

    def _drain(self) -> None:
        """Inline: write what waits, up to the first refusal (tried again at the next call)."""
        while self._items:
            if not self._write_first():
                return

    def _work(self) -> None:
        while True:
            with self._changed:
                behind = self._log_behind
                wait = self._retry_seconds if behind else None
                self._changed.wait_for(lambda: bool(self._items) or self._wake, wait)
                self._wake = False
                idle = not self._items
            if idle:
                self._mend_log()
                continue
            if self._write_first():
                if self._done:
                    return
                continue
            with self._changed:  # refused: wait a while, or for `retry`
                self._changed.wait_for(lambda: self._wake, self._retry_seconds)
                self._wake = False

    def _write_first(self) -> bool:
        """Write the first item; True when it is done (and gone from the queue)."""
        with self._changed:
            item = self._items[0]
            superseded = item.kind == "log" and any(i.kind == "log" for i in list(self._items)[1:])
        if not superseded:
            try:
                self._write(item)
            except Exception as problem:  # kept, and tried again: never dropped
                why = reason(problem) if isinstance(problem, OSError) else type(problem).__name__
                with self._changed:
                    self.error = t("session.not_saved", error=why)
                    self._changed.notify_all()
                self._tell()
                return False
        with self._changed:
            self._items.popleft()
            if item.kind == "line":
                self.saved += 1
                self.error = None
            self._changed.notify_all()
        if not superseded:
            self._tell()
        return True

    @property
    def _log_behind(self) -> bool:
        return self.log is not None and self.log.error is not None and not self._done

    def _mend_log(self) -> None:
        """The log failed last time: write the newest state again (the disk may have room)."""
        state = self._last_state
        if state is None or not self._log_behind:
            return
        self.with_log(lambda log: log.update(state))
        self._tell()

    def _write(self, item: _Item) -> None:
        if item.kind == "line":
            self._journal.append(item.line)
        elif item.kind == "log":
            assert item.state is not None
            state = self._last_state = item.state
            self.with_log(lambda log: log.update(state))  # its trouble is kept in log.error
        else:
            self._finish()

    def _finish(self) -> None:
        if self._done:
            return
        try:
            self._journal.close()
        finally:
            if self._lock is not None:
                self._lock.release()
            self._done = True
        if self.on_closed is not None:
            with contextlib.suppress(Exception):  # tidying up (archiving) must not stop the close
                self.on_closed()

    def _tell(self) -> None:
        callback = self.on_change
        if callback is not None:
            callback()
