"""TUI benchmark: our run screen vs a bare Textual countdown vs termdown.

Also measured: the stack's floor (stack_floor.py: typer, PyYAML and pydantic do
what `intervisie run` needs before its first frame, then the bare countdown),
to tell what the libraries cost at start-up from what our own code costs.

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

from tui_probe import (
    BenchError,
    Tmux,
    clock_text,
    cpu_seconds,
    painted_bare,
    painted_ours,
    painted_termdown,
    peak_rss_mb,
    status_seconds,
    wait_for,
    watch_change,
)

HERE = Path(__file__).resolve().parent
COUNTDOWN = 1500  # seconds (25:00) for the bare countdown and termdown
SETTLE = 2.0  # seconds after the first paint before space / the CPU window (nobody is faster)
GROUP = ["--group", "Team Noord", "--participants", "An,Bo,Cor,Dirk,Eva"]
ROLES = ["--role", "inbrenger=An", "--role", "voorzitter=Cor", "--role", "tijdbewaker=Bo"]
OUR_ARGS = ["run", "incidentmethode", *GROUP, *ROLES, "--quiet"]  # --quiet: no chime; still flash
METRICS = ("first_paint_s", "cpu_s_per_min", "peak_rss_mb")
PAINT_TARGET = 1.15
"""First paint of ours against the stack floor, in the same run (issue 16)."""


# -- pure helpers (tested in tests/test_benchmarks_smoke.py) ---------------------------------


def summary(values: list[float], digits: int = 2) -> str:
    """`median (min–max)`."""
    if not values:
        return "-"
    med, low, high = statistics.median(values), min(values), max(values)
    return f"{med:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


def checks(medians: dict[str, dict[str, float]], rss_max: float) -> list[tuple[str, bool | None]]:
    """The run screen's targets, from the medians of one run: (text, passed; None = not measured).

    CPU per minute at most 1.5x bare Textual and at most 0.5x termdown; peak RSS
    under 60 MB in the worst run; first paint at most 1.15x the stack floor.
    """
    ours = medians["ours"]["cpu_s_per_min"]
    bare = ours / max(medians["bare"]["cpu_s_per_min"], 1e-9)
    results: list[tuple[str, bool | None]] = [
        (f"CPU per minute {bare:.2f}x bare Textual (<= 1.5x)", bare <= 1.5)
    ]
    if "termdown" in medians:
        term = ours / max(medians["termdown"]["cpu_s_per_min"], 1e-9)
        results.append((f"CPU per minute {term:.2f}x termdown (<= 0.5x)", term <= 0.5))
    else:
        results.append(("CPU per minute against termdown (<= 0.5x): termdown not run", None))
    results.append((f"peak RSS {rss_max:.1f} MB in the worst run (< 60 MB)", rss_max < 60))
    if "floor" in medians:
        paint = medians["ours"]["first_paint_s"] / max(medians["floor"]["first_paint_s"], 1e-9)
        results.append(
            (
                f"first paint {paint:.2f}x the stack floor (<= {PAINT_TARGET}x)",
                paint <= PAINT_TARGET,
            )
        )
    return results


def ratio_lines(medians: dict[str, dict[str, float]]) -> list[str]:
    """Ours against each other program, per metric (medians); for the record."""
    ours = medians["ours"]
    lines = []
    for key, theirs in medians.items():
        if key == "ours":
            continue
        cells = ", ".join(
            f"{label} {ours[m] / max(theirs[m], 1e-9):.2f}x"
            for m, label in zip(METRICS, ("first paint", "CPU/min", "peak RSS"), strict=True)
        )
        lines.append(f"ours vs {key}: {cells}")
    return lines


def floor_line(medians: dict[str, dict[str, float]]) -> str:
    """First paint of the stack's floor and of ours against it and against bare Textual."""
    bare, floor, ours = (medians[k]["first_paint_s"] for k in ("bare", "floor", "ours"))
    return (
        f"first paint: ours {ours / floor:.2f}x the stack floor "
        f"(typer + PyYAML + pydantic, then the bare countdown), which is {floor / bare:.2f}x bare; "
        f"ours {ours / bare:.2f}x bare"
    )


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
    with tmux.running(name, program.argv) as started:
        first_paint = wait_for(tmux, name, program.painted) - started
        pid = int(tmux.pane(name, "#{pane_pid}"))
        if program.start_key:
            tmux("send-keys", "-t", name, program.start_key)
        time.sleep(SETTLE)
        if program.start_key:  # under load the first key can take over a second to land
            wait_for(tmux, name, lambda pane: (status_seconds(pane) or 300) < 300, timeout=10)
        cpu_before, t_before = cpu_seconds(pid), time.perf_counter()
        time.sleep(seconds)
        cpu_after, t_after = cpu_seconds(pid), time.perf_counter()
        rss = peak_rss_mb(pid)
        pane = tmux.capture(name)
        if tmux.pane(name, "#{pane_dead}") == "1" or not program.painted(pane):
            raise BenchError(f"{name}: died or stopped drawing:\n{pane}")
        if program.start_key and (status_seconds(pane) or 0) >= 300:
            raise BenchError(f"{name}: the countdown did not start:\n{pane}")
    cpu_per_min = (cpu_after - cpu_before) / (t_after - t_before) * 60
    return {"first_paint_s": first_paint, "cpu_s_per_min": cpu_per_min, "peak_rss_mb": rss}


def accuracy(tmux: Tmux, ours: Program, minutes: float) -> dict[str, float | str]:
    """Our shown time after `minutes` with the other cores busy, against the true time.

    The shown value must change from v+1 to v exactly when the true remaining time
    passes v, so the error is measured at such a change (to about ±10 ms): once
    right after the start and once after `minutes`. True time runs from the moment
    `send-keys` has put the space into the terminal.
    """
    cores = max(1, (os.cpu_count() or 2) - 1)
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(cores)]
    try:
        with tmux.running("accuracy", ours.argv):
            wait_for(tmux, "accuracy", lambda pane: status_seconds(pane) is not None)
            time.sleep(SETTLE)
            planned = status_seconds(tmux.capture("accuracy")) or 0
            tmux("send-keys", "-t", "accuracy", "Space")
            start = time.perf_counter()

            def error_at_change() -> tuple[float, float]:
                moment, value, spread = watch_change(tmux, "accuracy")
                return value - (planned - (moment - start)), spread  # shown - true

            first_error, first_spread = error_at_change()
            time.sleep(max(0.0, start + minutes * 60 - 0.5 - time.perf_counter()))
            true_left = planned - (time.perf_counter() - start)
            shown = status_seconds(tmux.capture("accuracy"))  # mid-second, just before N min
            error, spread = error_at_change()
    finally:
        for process in busy:
            process.kill()
            process.wait()
    return {
        "minutes": minutes,
        "busy_loops": cores,
        "shown": clock_text(shown) if shown is not None else "?",
        "true_remaining_s": round(true_left, 3),
        "error_at_start_s": round(first_error, 3),
        "error_s": round(error, 3),
        "drift_s": round(error - first_error, 3),
        "resolution_s": round(max(spread, first_spread), 3),
    }


def find_termdown(given: str | None) -> str | None:
    """termdown from --termdown, PATH, or a throwaway venv in the temp folder (never our deps)."""
    if given or shutil.which("termdown"):
        return given or shutil.which("termdown")
    venv = Path(tempfile.gettempdir()) / "intervisie-bench-termdown"
    binary = venv / "bin" / "termdown"
    if not binary.exists() and shutil.which("uv"):
        python = str(venv / "bin" / "python")
        for step in (
            ["uv", "venv", "-q", str(venv)],
            ["uv", "pip", "install", "-q", "--python", python, "termdown"],
        ):
            if subprocess.run(step, capture_output=True).returncode:
                return None
    return str(binary) if binary.exists() else None


def machine() -> str:
    from importlib.metadata import version

    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.MULTILINE)
    tmux_version = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}; {platform.platform()}; "
        f"{model.group(1) if model else platform.processor()} x{os.cpu_count()}; "
        f"Python {platform.python_version()}; textual {version('textual')}; {tmux_version}"
    )


def programs(termdown: str | None) -> list[Program]:
    script = Path(sys.executable).with_name("intervisie")  # the console script users run
    ours = [str(script)] if script.exists() else [sys.executable, "-m", "intervisie_tui"]
    bare = [sys.executable, str(HERE / "bare_countdown.py"), str(COUNTDOWN)]
    floor = [sys.executable, str(HERE / "stack_floor.py"), str(COUNTDOWN)]
    found = [
        Program("ours", [*ours, *OUR_ARGS], painted_ours, start_key="Space"),
        Program("bare", bare, painted_bare),
        Program("floor", floor, painted_bare),
    ]
    if termdown:
        found.append(Program("termdown", [termdown, f"{COUNTDOWN}s"], painted_termdown))
    return found


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
    termdown = None if args.no_termdown else find_termdown(args.termdown)
    if not termdown and not args.no_termdown:
        print("termdown could not be found or installed: skipped", file=sys.stderr)
    chosen = programs(termdown)
    # A real install has .pyc files: let the warm-up run write them (this VM sets
    # PYTHONDONTWRITEBYTECODE, which would make every start compile every module).
    skip = ("INTERVISIE_", "NO_COLOR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    print(f"# {machine()}; load {os.getloadavg()[0]:.2f}", flush=True)
    print(f"# {args.runs} runs each, CPU window {args.seconds:g} s", flush=True)
    tmux = Tmux(env)
    try:
        for program in chosen:  # warm-up: bytecode and page caches, not counted
            measure(tmux, program, 0, 0)
        for run in range(1, args.runs + 1):
            for program in chosen:
                program.samples.append(measure(tmux, program, run, args.seconds))
                figures = ", ".join(f"{k} {v:.3f}" for k, v in program.samples[-1].items())
                load = os.getloadavg()[0]
                print(f"run {run} {program.key:9} {figures}; load {load:.2f}", flush=True)
        acc = accuracy(tmux, chosen[0], args.accuracy_minutes) if args.accuracy_minutes else None
    finally:
        tmux.close()
    print(f"# load at the end {os.getloadavg()[0]:.2f}")
    return report(chosen, acc, args.json)


def report(chosen: list[Program], acc: dict | None, json_path: Path | None) -> int:
    print("\n| program | first paint s | CPU s/min | peak RSS MB |\n|---|---|---|---|")
    medians = {}
    for p in chosen:
        cells = [
            summary([s[m] for s in p.samples], 1 if m == "peak_rss_mb" else 3) for m in METRICS
        ]
        print(f"| {p.key} | " + " | ".join(cells) + " |")
        medians[p.key] = {m: statistics.median(s[m] for s in p.samples) for m in METRICS}
    rss_max = max(s["peak_rss_mb"] for s in chosen[0].samples)
    results = checks(medians, rss_max)
    print()
    for line in ratio_lines(medians):
        print(line)
    if "floor" in medians:  # where the time goes
        print(floor_line(medians))
    if acc:
        print(f"\naccuracy: {json.dumps(acc)}")
        text = f"shown time after {acc['minutes']:g} min off by {acc['error_s']:+.3f} s (<= 0.5 s)"
        results.append((text, abs(float(acc["error_s"])) <= 0.5))
    print()
    for text, ok in results:
        print(f"{'SKIP' if ok is None else 'PASS' if ok else 'FAIL'}  {text}")
    if json_path:
        samples = {p.key: p.samples for p in chosen}
        data = {"machine": machine(), "samples": samples, "accuracy": acc}
        json_path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0 if all(ok is not False for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
