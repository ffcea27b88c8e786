"""A tmux pane to type into and read from, like a person at a terminal.

Every screen read is kept, so a test can check afterwards that no traceback
ever appeared, and show the last screen when a wait runs out. Waiting is
polling for a text with a generous deadline, never a fixed sleep.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

WAIT = 60.0
"""Seconds a wait may take before the test fails: generous for a slow machine."""
POLL = 0.05


class PaneTimeout(AssertionError):
    """What we waited for did not show up in time."""


class Pane:
    """One detached tmux session on its own server, with one pane running a shell."""

    def __init__(self, env: Mapping[str, str], width: int = 80, height: int = 24) -> None:
        self.socket = f"intervisie-e2e-{uuid.uuid4().hex[:10]}"
        self.screens: list[str] = []
        shell = shutil.which("bash") or shutil.which("sh") or "sh"
        args = [shell, "--norc", "--noprofile"] if shell.endswith("bash") else [shell]
        # -f: the server reads no ~/.tmux.conf (its status line, terminal type, keys)
        size = ["-x", str(width), "-y", str(height)]
        self._tmux("-f", os.devnull, "new-session", "-d", "-s", "e2e", *size, *args, env=env)
        self.shell = os.path.basename(shell)

    def _tmux(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=30,
            env=dict(env) if env is not None else None,
        )
        if done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    # -- typing ----------------------------------------------------------------------

    def keys(self, *keys: str) -> None:
        """Named keys as tmux knows them: Space, Right, Enter, Escape, y ..."""
        self._tmux("send-keys", "-t", "e2e", *keys)

    def type(self, text: str) -> None:
        """Literal text, not interpreted as key names."""
        self._tmux("send-keys", "-t", "e2e", "-l", text)

    def line(self, command: str) -> None:
        self.type(command)
        self.keys("Enter")

    # -- reading ---------------------------------------------------------------------

    def screen(self) -> str:
        text = self._tmux("capture-pane", "-p", "-t", "e2e")
        self.screens.append(text)
        return text

    def history(self) -> str:
        """Everything the pane ever showed outside the app: scrollback and screen."""
        text = self._tmux("capture-pane", "-p", "-t", "e2e", "-S", "-", "-E", "-")
        self.screens.append(text)
        return text

    def value(self, name: str) -> str:
        return self._tmux("display-message", "-p", "-t", "e2e", f"#{{{name}}}").strip()

    def wait_until(self, check: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if check():
                return
            if time.monotonic() > deadline:
                raise PaneTimeout(f"waited {timeout:.0f}s for {what}; screen:\n{self.screen()}")
            time.sleep(POLL)

    def wait_for(self, *texts: str, timeout: float = WAIT) -> str:
        """Wait until every text is on screen at once; returns that screen."""
        found: list[str] = []

        def check() -> bool:
            screen = self.screen()
            found[:] = [screen]
            return all(text in screen for text in texts)

        self.wait_until(check, " + ".join(repr(t) for t in texts), timeout)
        return found[0]

    def wait_for_shell(self, timeout: float = WAIT) -> None:
        """Until the shell is in front again (the program in the pane has ended)."""
        self.wait_until(
            lambda: self.value("pane_current_command") == self.shell, "the shell", timeout
        )

    # -- processes -------------------------------------------------------------------

    def descendants(self) -> list[tuple[int, str]]:
        """(pid, command line) of every process below the pane's shell, deepest first."""
        shell = int(self.value("pane_pid"))
        children: dict[int, list[tuple[int, str]]] = {}
        for pid, ppid, args in _processes():
            children.setdefault(ppid, []).append((pid, args))
        found: list[tuple[int, str]] = []
        todo = [shell]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child[0])
        return found[::-1]

    def close(self) -> None:
        """Stop this pane's own tmux server and remove its socket."""
        try:
            socket_path = self.value("socket_path")
        except (RuntimeError, ValueError):
            socket_path = ""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)
        if socket_path:
            with contextlib.suppress(OSError):
                os.unlink(socket_path)


def _processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process: `ps`, or /proc where ps is missing."""
    if shutil.which("ps"):
        # COLUMNS would cut every command line to that width (procps), hiding the app
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
        columns = ["-A", "-o", "pid=,ppid=,args="]
        table = subprocess.run(
            ["ps", *columns], capture_output=True, text=True, check=True, env=env
        ).stdout
        rows = [row.split(None, 2) for row in table.splitlines()]
        return [
            (int(r[0]), int(r[1]), r[2] if len(r) > 2 else "")
            for r in rows
            if len(r) >= 2 and r[0].isdigit() and r[1].isdigit()
        ]
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            args = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name in (...) may hold spaces
        found.append((int(entry.name), ppid, args.strip()))
    return found
