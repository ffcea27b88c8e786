"""Probes for the TUI benchmark: tmux sessions, /proc figures and reading the pane.

Kept apart from tui_startup.py (which decides what to run and reports) so each
file has one job; the pure helpers are tested in tests/test_benchmarks_smoke.py.
Linux only (tmux, /proc).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

POLL = 0.02  # seconds between two looks at the pane while waiting for the first paint
WIDTH, HEIGHT = "80", "24"
# the line under the digits: "Nog 04:59 van 5 min", "Overtijd +01:05 (gepland 5 min)",
# "05:00 · Druk op spatie ...", in either language; never the "Einde ± 13:33" clock time
STATUS_TIME = re.compile(
    r"(?:^|[▕│]|Nog|Overtijd|Overtime|bij|at)\s+(\+?)(?:(\d+):)?(\d{2}):(\d{2})"
    r"(?= van | left of | \(| · |\s*$)"
)


class BenchError(Exception):
    """A program did not behave as the benchmark expects; the message says how."""


def status_seconds(pane: str) -> int | None:
    """Seconds the line under our digits shows ("Nog 04:59 van 5 min"); overtime negative."""
    for line in reversed(pane.splitlines()):
        found = STATUS_TIME.search(line)
        if found:
            sign, hours, minutes, seconds = found.groups()
            value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
            return -value if sign else value
    return None


def clock_text(seconds: int) -> str:
    """Signed seconds back in the app's form: 299 -> 04:59, -61 -> +01:01."""
    minutes, rest = divmod(abs(seconds), 60)
    return f"{'+' if seconds < 0 else ''}{minutes:02d}:{rest:02d}"


def painted_ours(pane: str) -> bool:
    """Our big clock draws its digits with full blocks."""
    return pane.count("█") >= 20


def painted_bare(pane: str) -> bool:
    """Textual's Digits draw with box-drawing characters."""
    return sum("\u2500" <= ch <= "\u257f" for ch in pane) >= 10


def painted_termdown(pane: str) -> bool:
    """termdown's default figlet font (univers) is drawn with 8s."""
    return pane.count("8") >= 20


def stat_ticks(stat: str) -> tuple[int, int]:
    """(ppid, clock ticks of CPU incl. reaped children) from a /proc/<pid>/stat line."""
    fields = stat[stat.rindex(")") + 2 :].split()  # comm may contain spaces and ')'
    return int(fields[1]), sum(int(f) for f in fields[11:15])  # utime stime cutime cstime


# -- processes and panes -----------------------------------------------------------------


def process_tree(root: int) -> list[int]:
    """`root` and every live descendant."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = stat_ticks(Path(entry.path, "stat").read_text())[0]
            except (OSError, ValueError):
                continue
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return tree


def cpu_seconds(root: int) -> float:
    ticks = 0
    for pid in process_tree(root):
        try:
            ticks += stat_ticks(Path(f"/proc/{pid}/stat").read_text())[1]
        except OSError:
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(root: int) -> float:
    """Sum of VmHWM over the process tree (usually just the one process)."""
    total_kb = 0
    for pid in process_tree(root):
        try:
            found = re.search(r"^VmHWM:\s+(\d+)", Path(f"/proc/{pid}/status").read_text(), re.M)
        except OSError:
            continue
        total_kb += int(found.group(1)) if found else 0
    return total_kb / 1024


@contextmanager
def _home(given: Path | None) -> Iterator[str]:
    if given is not None:
        yield str(given)
        return
    with tempfile.TemporaryDirectory(prefix="intervisie-bench-") as home:
        yield home


class Tmux:
    """A private tmux server; a keeper session keeps it alive so its start is never timed."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"intervisie-bench-{os.getpid()}"
        self.env = env
        self("new-session", "-d", "-s", "keeper", sys.executable, "-c", "input()")
        self("set-option", "-g", "remain-on-exit", "on")  # a crash stays readable

    def __call__(self, *args: str) -> str:
        cmd = ["tmux", "-L", self.socket, *args]
        done = subprocess.run(cmd, capture_output=True, text=True, env=self.env)
        if done.returncode:
            raise BenchError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    @contextmanager
    def running(self, name: str, argv: list[str], home: Path | None = None) -> Iterator[float]:
        """Start `argv` at 80x24 with its own config/data/state folders; yield the start time.

        The folders are under `home` when given (kept), else in a fresh temporary folder.
        """
        with _home(home) as folder:
            dirs = [f"INTERVISIE_{d}_DIR={folder}/{d.lower()}" for d in ("CONFIG", "DATA", "STATE")]
            env = [part for pair in dirs for part in ("-e", pair)]
            started = time.perf_counter()
            self("new-session", "-d", "-x", WIDTH, "-y", HEIGHT, "-s", name, *env, "--", *argv)
            try:
                yield started
            finally:
                self("kill-session", "-t", name)

    def capture(self, name: str) -> str:
        return self("capture-pane", "-p", "-t", name)

    def pane(self, name: str, what: str) -> str:
        return self("display-message", "-p", "-t", name, what).strip()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def wait_for(tmux: Tmux, name: str, ok: Callable[[str], bool], timeout: float = 30) -> float:
    """Poll the pane every POLL s until `ok(pane)`; return the moment it was seen."""
    give_up = time.perf_counter() + timeout
    while True:
        pane = tmux.capture(name)
        now = time.perf_counter()
        if ok(pane):
            return now
        if now > give_up or tmux.pane(name, "#{pane_dead}") == "1":
            raise BenchError(f"{name}: nothing painted after {timeout:.0f} s:\n{pane}")
        time.sleep(max(0.0, POLL - (time.perf_counter() - now)))


def watch_change(tmux: Tmux, name: str, timeout: float = 5) -> tuple[float, int, float]:
    """Poll our status line until the shown time changes: (moment, new value, ± s)."""
    give_up = time.perf_counter() + timeout
    before = time.perf_counter()
    shown = status_seconds(tmux.capture(name))
    last_old = (before + time.perf_counter()) / 2
    while time.perf_counter() < give_up:
        time.sleep(0.005)
        ask = time.perf_counter()
        value = status_seconds(tmux.capture(name))
        seen = (ask + time.perf_counter()) / 2
        if value != shown and value is not None:
            return (last_old + seen) / 2, value, (seen - last_old) / 2
        last_old = seen
    raise BenchError(f"{name}: the shown time did not change within {timeout:.0f} s")
