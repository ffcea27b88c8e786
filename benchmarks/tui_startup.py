"""TUI benchmark (issue 5, item 8): our run screen vs a bare Textual countdown vs termdown.

Each program starts in a detached tmux session at 80x24; the runs are interleaved
(A B C A B C ...). Per run: wall time from start to the first painted countdown
(capture-pane polled every 20 ms), CPU seconds per minute while the countdown
runs (utime+stime of the process tree from /proc), and peak RSS (VmHWM). Then
once: our displayed time after N minutes with the other cores busy, against
the true remaining time. Linux only (tmux, /proc). Not a test; run it with

    uv run python benchmarks/tui_startup.py [--runs 5] [--seconds 60] [--accuracy-minutes 10]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
POLL = 0.02  # seconds between two looks at the pane while waiting for the first paint
WIDTH, HEIGHT = "80", "24"
COUNTDOWN = 1500  # seconds (25:00) for the bare countdown and termdown
SETTLE = 2.0  # seconds between first paint (and space) and the CPU window
OUR_ARGS = [
    "run",
    "incidentmethode",
    "--group",
    "Team Noord",
    "--participants",
    "An,Bo,Cor,Dirk,Eva",
    "--role",
    "inbrenger=An",
    "--role",
    "voorzitter=Cor",
    "--role",
    "tijdbewaker=Bo",
    "--quiet",
]
STATUS_TIME = re.compile(r"\d+/\d+: .*? · (\+?)(?:(\d+):)?(\d{2}):(\d{2}) · ")


class BenchError(Exception):
    """A program did not behave as the benchmark expects; the message says how."""


# -- what "painted" means per program (pure, tested in tests/test_benchmarks_smoke.py) ----


def status_seconds(pane: str) -> int | None:
    """Seconds our status line shows ("stap 1/8: ... · 04:59 · loopt"); overtime negative."""
    for line in reversed(pane.splitlines()):
        found = STATUS_TIME.search(line)
        if found:
            sign, hours, minutes, seconds = found.groups()
            value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
            return -value if sign else value
    return None


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


def summary(values: list[float], digits: int = 2) -> str:
    """`median (min–max)`."""
    if not values:
        return "-"
    med, low, high = statistics.median(values), min(values), max(values)
    return f"{med:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


# -- processes ------------------------------------------------------------------------------


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
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        total_kb += int(found.group(1)) if found else 0
    return total_kb / 1024


class Tmux:
    """A private tmux server; a keeper session keeps it alive so its start is never timed."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"intervisie-bench-{os.getpid()}"
        self.env = env
        self("new-session", "-d", "-s", "keeper", sys.executable, "-c", "input()")
        self("set-option", "-g", "remain-on-exit", "on")  # a crash stays readable

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=self.env
        )
        if done.returncode:
            raise BenchError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    def spawn(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        extra = [part for key, value in env.items() for part in ("-e", f"{key}={value}")]
        self("new-session", "-d", "-x", WIDTH, "-y", HEIGHT, "-s", name, *extra, "--", *argv)

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


@dataclass
class Program:
    key: str
    argv: list[str]
    painted: Callable[[str], bool]
    start_key: str | None = None  # the key that starts the countdown
    samples: list[dict[str, float]] = field(default_factory=list)


def measure(tmux: Tmux, program: Program, run: int, seconds: float) -> dict[str, float]:
    """One run: first paint, CPU s/min over `seconds` of running countdown, peak RSS."""
    name = f"{program.key}-{run}"
    with tempfile.TemporaryDirectory(prefix="intervisie-bench-") as home:
        env = {f"INTERVISIE_{d}_DIR": f"{home}/{d.lower()}" for d in ("CONFIG", "DATA", "STATE")}
        started = time.perf_counter()
        tmux.spawn(name, program.argv, env)
        first_paint = wait_for(tmux, name, program.painted) - started
        try:
            pid = int(tmux.pane(name, "#{pane_pid}"))
            if program.start_key:
                tmux("send-keys", "-t", name, program.start_key)
            time.sleep(SETTLE)
            cpu_before, t_before = cpu_seconds(pid), time.perf_counter()
            time.sleep(seconds)
            cpu_after, t_after = cpu_seconds(pid), time.perf_counter()
            rss = peak_rss_mb(pid)
            pane = tmux.capture(name)
            if tmux.pane(name, "#{pane_dead}") == "1" or not program.painted(pane):
                raise BenchError(f"{name}: died or stopped drawing:\n{pane}")
            if program.start_key and (status_seconds(pane) or 0) >= 300:
                raise BenchError(f"{name}: the countdown did not start:\n{pane}")
        finally:
            tmux("kill-session", "-t", name)
    cpu_per_min = (cpu_after - cpu_before) / (t_after - t_before) * 60
    return {"first_paint_s": first_paint, "cpu_s_per_min": cpu_per_min, "peak_rss_mb": rss}


def watch_change(tmux: Tmux, name: str, timeout: float) -> tuple[float, int, float]:
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


def accuracy(tmux: Tmux, ours: Program, minutes: float) -> dict[str, float | str]:
    """Our shown time after `minutes`, with all other cores busy, vs the true remaining time."""
    busy = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(max(1, (os.cpu_count() or 2) - 1))
    ]
    name = "accuracy"
    try:
        with tempfile.TemporaryDirectory(prefix="intervisie-bench-") as home:
            env = {
                f"INTERVISIE_{d}_DIR": f"{home}/{d.lower()}" for d in ("CONFIG", "DATA", "STATE")
            }
            tmux.spawn(name, ours.argv, env)
            wait_for(
                tmux, name, lambda pane: ours.painted(pane) and status_seconds(pane) is not None
            )
            planned = status_seconds(tmux.capture(name)) or 0
            tmux("send-keys", "-t", name, "Space")
            start = time.perf_counter()  # the key is in the terminal when send-keys returns

            def error_at_change() -> tuple[float, float]:
                moment, value, spread = watch_change(tmux, name, timeout=5)
                return value - (planned - (moment - start)), spread  # shown - true

            first_error, first_spread = error_at_change()
            time.sleep(max(0.0, start + minutes * 60 - 0.5 - time.perf_counter()))
            shown = status_seconds(tmux.capture(name))  # mid-second: half a second before N min
            true_left = planned - (time.perf_counter() - start)
            error, spread = error_at_change()
            tmux("kill-session", "-t", name)
    finally:
        for process in busy:
            process.kill()
            process.wait()
    return {
        "minutes": minutes,
        "busy_loops": len(busy),
        "shown": str(shown),
        "true_remaining_s": round(true_left, 3),
        "error_first_s": round(first_error, 3),
        "error_s": round(error, 3),
        "resolution_s": round(max(spread, first_spread), 3),
    }


def find_termdown(given: str | None) -> str | None:
    """termdown from --termdown, PATH, or a throwaway venv in the temp folder (never our deps)."""
    if given or shutil.which("termdown"):
        return given or shutil.which("termdown")
    venv = Path(tempfile.gettempdir()) / "intervisie-bench-termdown"
    binary = venv / "bin" / "termdown"
    if not binary.exists() and shutil.which("uv"):
        steps = [
            ["uv", "venv", "-q", str(venv)],
            ["uv", "pip", "install", "-q", "--python", str(venv / "bin" / "python"), "termdown"],
        ]
        for step in steps:
            if subprocess.run(step, capture_output=True).returncode:
                return None
    return str(binary) if binary.exists() else None


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.MULTILINE)
    from importlib.metadata import version

    tmux_version = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}; {platform.platform()}; "
        f"{model.group(1) if model else platform.processor()} x{os.cpu_count()}; "
        f"Python {platform.python_version()}; textual {version('textual')}; {tmux_version}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per program (interleaved)")
    parser.add_argument("--seconds", type=float, default=60, help="CPU window per run")
    parser.add_argument("--accuracy-minutes", type=float, default=10, help="0 skips it")
    parser.add_argument("--termdown", help="path to termdown (default: PATH or a temp venv)")
    parser.add_argument("--no-termdown", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every sample here")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux") or not shutil.which("tmux"):
        print("This benchmark needs Linux (/proc) and tmux.", file=sys.stderr)
        return 2
    script = Path(sys.executable).with_name("intervisie")
    ours = Program(
        "ours",
        [
            str(script) if script.exists() else sys.executable,
            *([] if script.exists() else ["-m", "intervisie_tui"]),
            *OUR_ARGS,
        ],
        painted_ours,
        "Space",
    )
    programs = [
        ours,
        Program(
            "bare", [sys.executable, str(HERE / "bare_countdown.py"), str(COUNTDOWN)], painted_bare
        ),
    ]
    termdown = None if args.no_termdown else find_termdown(args.termdown)
    if termdown:
        programs.append(Program("termdown", [termdown, f"{COUNTDOWN}s"], painted_termdown))
    elif not args.no_termdown:
        print("termdown could not be found or installed: skipped", file=sys.stderr)
    # A real install has .pyc files: let the warm-up run write them (this VM sets
    # PYTHONDONTWRITEBYTECODE, which would make every start compile every module).
    skip = ("INTERVISIE_", "NO_COLOR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    print(f"# {machine()}\n# {args.runs} runs each, CPU window {args.seconds:g} s", flush=True)
    tmux = Tmux(env)
    try:
        for program in programs:  # warm-up: bytecode caches and the page cache, not counted
            measure(tmux, program, 0, 0)
        for run in range(1, args.runs + 1):
            for program in programs:
                program.samples.append(measure(tmux, program, run, args.seconds))
                print(f"run {run} {program.key:9} {program.samples[-1]}", flush=True)
        acc = accuracy(tmux, ours, args.accuracy_minutes) if args.accuracy_minutes else None
    finally:
        tmux.close()
    return report(programs, acc, args.json)


def report(programs: list[Program], acc: dict | None, json_path: Path | None) -> int:
    rows = [("program", "first paint s", "CPU s/min", "peak RSS MB")]
    med: dict[str, dict[str, float]] = {}
    for p in programs:
        cols = ("first_paint_s", "cpu_s_per_min", "peak_rss_mb")
        rows.append(
            (
                p.key,
                *(summary([s[c] for s in p.samples], 3 if c != "peak_rss_mb" else 1) for c in cols),
            )
        )
        med[p.key] = {c: statistics.median(s[c] for s in p.samples) for c in cols}
    print("\n" + "\n".join("| " + " | ".join(row) + " |" for row in rows))
    ours, bare = med["ours"], med["bare"]
    rss_max = max(s["peak_rss_mb"] for s in programs[0].samples)
    checks = [
        (
            f"first paint {ours['first_paint_s'] / bare['first_paint_s']:.2f}x bare (<= 1.3x)",
            ours["first_paint_s"] <= 1.3 * bare["first_paint_s"],
        ),
        (
            f"CPU/min {ours['cpu_s_per_min'] / max(bare['cpu_s_per_min'], 1e-9):.2f}x bare "
            "(<= 1.2x)",
            ours["cpu_s_per_min"] <= 1.2 * bare["cpu_s_per_min"],
        ),
        (f"peak RSS {rss_max:.1f} MB, worst run (< 60 MB)", rss_max < 60),
    ]
    if acc:
        print(f"\naccuracy: {acc}")
        checks.append(
            (
                f"shown time after {acc['minutes']:g} min off by {acc['error_s']:+.3f} s "
                "(within 0.5 s)",
                abs(float(acc["error_s"])) <= 0.5,
            )
        )
    print()
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    if json_path:
        data = {
            "machine": machine(),
            "samples": {p.key: p.samples for p in programs},
            "accuracy": acc,
        }
        json_path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
