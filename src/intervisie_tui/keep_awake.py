"""Keeping the laptop awake while a session runs, where the OS allows it without extra rights.

A laptop that suspends in the middle of a long phase leaves the countdown behind
the room. Every platform has a way for an ordinary user to block idle sleep:

- Linux: `systemd-inhibit --what=sleep:idle --mode=block` around a tiny shell
  loop that exits as soon as our process is gone (also after a kill -9), so the
  inhibitor never outlives the app;
- macOS: `caffeinate -i -w <our pid>`, which exits by itself when we do;
- Windows: `SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED)`, held
  by a small thread of our own (the request belongs to the thread that makes it,
  so it must not vanish with a short-lived worker thread).

None of these stops a laptop whose lid is closed; they stop the idle timer.
Choosing the method is a pure function of the platform and the programs found;
starting it, the processes and the Windows call are injectable, so the tests run
anywhere without holding anything. `hold()` and `release()` never raise: a
meeting must not stop because the laptop could not be kept awake.

Standard library only (and the message catalog): no Textual, rich, typer, TUI or CLI.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from intervisie_tui.i18n import t

SYSTEMD_INHIBIT = "systemd-inhibit"
CAFFEINATE = "caffeinate"
SET_THREAD_EXECUTION_STATE = "SetThreadExecutionState"

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001

SETTLE_SECONDS = 0.2
"""How long an inhibitor may take to fail at once (no logind, not allowed) before we trust it."""
STOP_SECONDS = 1.0
"""How long release() waits for the inhibitor to end, after SIGTERM and again after SIGKILL."""
WATCH_INTERVAL = 5
"""Seconds between the Linux child's checks whether our process still exists."""


class Process(Protocol):
    """The part of subprocess.Popen that KeepAwake uses."""

    @property
    def pid(self) -> int: ...

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...

    def terminate(self) -> None: ...

    def kill(self) -> None: ...


Spawn = Callable[..., Process]
SetState = Callable[[int], int]
KillGroup = Callable[[int, int], None]


def watch_command(pid: int) -> list[str]:
    """A child for systemd-inhibit that runs as long as process `pid` exists, and no longer."""
    loop = f"while kill -0 {pid} 2>/dev/null; do sleep {WATCH_INTERVAL}; done"
    return ["sh", "-c", loop]


def _set_thread_execution_state(flags: int) -> int:
    """kernel32.SetThreadExecutionState; raises OSError where there is no such call."""
    import ctypes

    windll = getattr(ctypes, "windll", None)  # Windows only
    if windll is None:
        raise OSError("SetThreadExecutionState exists on Windows only")
    function = windll.kernel32.SetThreadExecutionState
    function.argtypes = [ctypes.c_uint32]
    function.restype = ctypes.c_uint32
    return int(function(flags))


class _ExecutionStateThread:
    """Windows: one thread that makes the request, keeps it until told to stop, then clears it."""

    def __init__(self, set_state: SetState) -> None:
        self._set_state = set_state
        self._answered = threading.Event()
        self._stop = threading.Event()
        self._granted = False
        self._thread = threading.Thread(target=self._run, name="keep-awake", daemon=True)

    def start(self) -> bool:
        """Start the thread; True once the system accepted the request."""
        self._thread.start()
        return self._answered.wait(STOP_SECONDS) and self._granted

    def _run(self) -> None:
        try:
            self._granted = bool(self._set_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED))
        except Exception:  # a failed call must not kill the app
            self._granted = False
        self._answered.set()
        if not self._granted:
            return
        self._stop.wait()
        with contextlib.suppress(Exception):  # the request ends with the thread anyway
            self._set_state(ES_CONTINUOUS)

    @property
    def alive(self) -> bool:
        return self._granted and self._thread.is_alive() and not self._stop.is_set()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(STOP_SECONDS)


class KeepAwake:
    """Keeps the computer from sleeping while a session runs, where that needs no extra rights."""

    def __init__(
        self,
        method: str | None,
        command: Sequence[str] = (),
        problem: tuple[str, dict[str, object]] | None = None,
        *,
        spawn: Spawn = subprocess.Popen,
        set_state: SetState = _set_thread_execution_state,
        kill_group: KillGroup | None = None,
        settle: float = SETTLE_SECONDS,
    ) -> None:
        """`command` is the inhibitor to start (its path first); `problem` a catalog key
        and its values saying why there is no method. The rest is injectable for tests:
        `spawn` starts a process (subprocess.Popen), `set_state` is the Windows call,
        `kill_group` signals a process group (os.killpg by default, but only for real
        processes: a fake's pid is nobody's group)."""
        self.method = method
        self._command = tuple(command)
        self._problem = problem
        self._spawn = spawn
        self._set_state = set_state
        if kill_group is None and spawn is subprocess.Popen:
            kill_group = getattr(os, "killpg", None)  # POSIX only
        self._kill_group = kill_group
        self._settle = settle
        self._process: Process | None = None
        self._thread: _ExecutionStateThread | None = None

    @classmethod
    def detect(
        cls, platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
    ) -> KeepAwake:
        """The way to keep this computer awake (nothing is started yet)."""
        if platform.startswith("win"):
            return cls(SET_THREAD_EXECUTION_STATE)
        if platform == "darwin":
            tool = CAFFEINATE
        elif platform.startswith("linux"):
            tool = SYSTEMD_INHIBIT
        else:
            return cls(None, problem=("keep_awake.unsupported", {"platform": platform}))
        found = which(tool)
        if not found:
            return cls(None, problem=("keep_awake.not_found", {"tool": tool}))
        return cls(tool, (found,))

    @property
    def unavailable(self) -> str | None:
        """Why the computer cannot be kept awake (one translated line), or None."""
        if self._problem is None:
            return None
        key, values = self._problem
        return t(key, **values)

    @property
    def holding(self) -> bool:
        """Is the computer being kept awake right now?"""
        if self._thread is not None:
            return self._thread.alive
        return self._process is not None and self._running(self._process)

    def hold(self) -> bool:
        """Start keeping the computer awake; True if it is. Idempotent; never raises."""
        if self.holding:
            return True
        self.release()  # an inhibitor that died on its own: clean up, start again
        if self.method is None or self._problem is not None:
            return False
        try:
            if self.method == SET_THREAD_EXECUTION_STATE:
                return self._hold_windows()
            return self._hold_process()
        except Exception as error:  # never let a sleep guard stop a meeting
            self._fail("keep_awake.failed", tool=self.method, error=_describe(error))
            return False

    def release(self) -> None:
        """Stop keeping the computer awake. Idempotent; never raises."""
        thread, self._thread = self._thread, None
        if thread is not None:
            with contextlib.suppress(Exception):  # the request ends with our process anyway
                thread.stop()
        process, self._process = self._process, None
        if process is not None:
            with contextlib.suppress(Exception):  # the child also ends once we are gone
                self._stop(process)

    def _hold_windows(self) -> bool:
        thread = _ExecutionStateThread(self._set_state)
        if thread.start():
            self._thread = thread
            return True
        thread.stop()
        self._fail("keep_awake.refused", tool=self.method)
        return False

    def _hold_process(self) -> bool:
        process = self._spawn(
            self._arguments(os.getpid()),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl+C in the terminal must not reach it
        )
        try:
            code = process.wait(timeout=self._settle)
        except subprocess.TimeoutExpired:
            self._process = process  # still running: it holds
            return True
        self._fail("keep_awake.exited", tool=self.method, code=code)
        return False

    def _arguments(self, pid: int) -> list[str]:
        if self.method == CAFFEINATE:
            return [*self._command, "-i", "-w", str(pid)]
        why = t("keep_awake.why")
        return [
            *self._command,
            "--what=sleep:idle",
            "--who=Intervisie",
            f"--why={why}",
            "--mode=block",
            *watch_command(pid),
        ]

    @staticmethod
    def _running(process: Process) -> bool:
        try:
            return process.poll() is None
        except Exception:
            return False

    def _stop(self, process: Process) -> None:
        """SIGTERM to its whole group (the inhibitor and its child), then SIGKILL if need be."""
        for polite in (True, False):
            if not self._running(process):
                return
            self._signal(process, polite)
            try:
                process.wait(timeout=STOP_SECONDS)
                return
            except subprocess.TimeoutExpired:
                continue

    def _signal(self, process: Process, polite: bool) -> None:
        if self._kill_group is not None:
            sig = signal.SIGTERM if polite else getattr(signal, "SIGKILL", signal.SIGTERM)
            try:
                self._kill_group(process.pid, sig)
                return
            except OSError:
                pass  # no such group (any more): signal the process itself
        if polite:
            process.terminate()
        else:
            process.kill()

    def _fail(self, key: str, **values: object) -> None:
        self._problem = (key, values)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
