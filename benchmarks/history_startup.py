"""Costs that must not grow with a group's history: 10 logs of the group against 1,000.

Two log roots from history_gen.py (the same other groups in both; the measured
group has `--small` logs in one, `--large` in the other), kept in the temp
folder and reused while the generator's options are the same. In one run,
interleaved (small, large, small, ...):

- first paint of `intervisie run incidentmethode --group G --participants ...`
  at 80x24 in tmux, as tui_startup.py measures it (target: large at most 1.1x small);
- `intervisie log list --group G`, `intervisie group show G` and
  `intervisie log export NEWEST --share` (which reads the group's history for
  names), wall time from a cold interpreter (target: large at most 2x small).

Each root has its own state folder, so the history index is warm as it is at a
real start (the previous session's end leaves it current); the warm-up run
builds it. After each `run` its new session log and journal are removed, so
every run sees the same history.

    uv run python benchmarks/history_startup.py [--runs 5] [--small 10] [--large 1000]
        [--entries 200] [--no-tui]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from history_gen import GROUPS, generate
from tui_probe import BenchError, Tmux, painted_ours, wait_for

from intervisie_tui.core.logbook.naming import group_dir

GROUP = GROUPS[0]
PEOPLE = "An,Bo,Cor,Dirk,Eva"
ROLES = ["--role", "inbrenger=An", "--role", "voorzitter=Cor", "--role", "tijdbewaker=Bo"]
TARGETS = {"first paint of run": 1.1, "log list": 2.0, "group show": 2.0, "log export --share": 2.0}


def ratio_checks(medians: dict[str, dict[str, float]]) -> list[tuple[str, bool]]:
    """(line, passed) per measurement: large against small, against its target."""
    results = []
    for what, limit in TARGETS.items():
        if what not in medians:
            continue
        small, large = medians[what]["small"], medians[what]["large"]
        ratio = large / max(small, 1e-9)
        text = f"{what}: {large:.3f} s vs {small:.3f} s, {ratio:.2f}x (<= {limit}x)"
        results.append((text, ratio <= limit))
    return results


def history_root(logs: int, entries: int, base: Path) -> Path:
    """A log root whose group GROUP has `logs` logs (plus two other groups), made once."""
    root = base / f"history-{logs}-{entries}"
    done = root / ".complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        generate(root, groups=3, years=2, entries=entries, big_group_logs=logs)
        done.write_text("", encoding="utf-8")
    return root


class Root:
    """One log root with its own config/data/state folders (the index lives in state)."""

    def __init__(self, key: str, root: Path) -> None:
        self.key = key
        self.root = root
        self.home = root.parent / f"{root.name}-home"
        self.home.mkdir(exist_ok=True)
        self.folder = group_dir(root, GROUP)
        self.logs = {p.name for p in self.folder.iterdir()}
        self.newest = self.folder / max(self.logs)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("INTERVISIE_")}
        for kind in ("CONFIG", "DATA", "STATE"):
            env[f"INTERVISIE_{kind}_DIR"] = str(self.home / kind.lower())
        return env

    def tidy(self) -> None:
        """What a killed `run` left: its new log and its journal; the history stays as it was."""
        for path in self.folder.iterdir():
            if path.name not in self.logs:
                path.unlink()
        shutil.rmtree(self.home / "state" / "journals", ignore_errors=True)


def command(name: str) -> list[str]:
    script = Path(sys.executable).with_name("intervisie")
    return [str(script)] if script.exists() else [sys.executable, "-m", "intervisie_tui"]


def run_argv(root: Root) -> list[str]:
    args = ["--log-dir", str(root.root), "run", "incidentmethode", "--group", GROUP]
    return [*command("intervisie"), *args, "--participants", PEOPLE, *ROLES, "--quiet"]


def first_paint(tmux: Tmux, root: Root, run: int) -> float:
    name = f"history-{root.key}-{run}"
    try:
        with tmux.running(name, run_argv(root), home=root.home) as started:
            return wait_for(tmux, name, painted_ours) - started
    finally:
        root.tidy()


def cli_time(root: Root, args: list[str]) -> float:
    argv = [*command("intervisie"), "--log-dir", str(root.root), *args]
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=root.env())
    elapsed = time.perf_counter() - started
    if done.returncode:
        raise BenchError(f"{' '.join(args)}: {done.stderr.strip()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--large", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=200, help="entries per generated session")
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "intervisie-bench"
    )
    parser.add_argument("--no-tui", action="store_true", help="only the commands (no tmux)")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    roots = [
        Root("small", history_root(args.small, args.entries, args.dir)),
        Root("large", history_root(args.large, args.entries, args.dir)),
    ]
    print(f"# {args.small} against {args.large} logs of {GROUP!r}, {args.runs} runs", flush=True)
    measures: dict[str, Callable[[Root], list[str]]] = {
        "log list": lambda root: ["log", "list", "--group", GROUP],
        "group show": lambda root: ["group", "show", GROUP],
        "log export --share": lambda root: ["log", "export", str(root.newest), "--share"],
    }
    samples: dict[str, dict[str, list[float]]] = {}
    tui = not args.no_tui and sys.platform.startswith("linux") and shutil.which("tmux")
    tmux = Tmux(roots[0].env()) if tui else None
    try:
        for run in range(args.runs + 1):  # run 0 warms up: bytecode, page cache, the index
            for root in roots:
                figures = {what: cli_time(root, args(root)) for what, args in measures.items()}
                if tmux is not None:
                    figures["first paint of run"] = first_paint(tmux, root, run)
                if run == 0:
                    continue
                for what, value in figures.items():
                    samples.setdefault(what, {}).setdefault(root.key, []).append(value)
                shown = ", ".join(f"{k} {v:.3f}" for k, v in figures.items())
                print(f"run {run} {root.key:5} {shown}; load {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        if tmux is not None:
            tmux.close()
    medians = {
        what: {key: statistics.median(values) for key, values in by_root.items()}
        for what, by_root in samples.items()
    }
    results = ratio_checks(medians)
    print()
    for text, ok in results:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
