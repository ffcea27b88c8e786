"""Where the time to the first frame goes: ours and the stack floor, stage by stage.

tui_startup.py says how long `intervisie run` takes to its first frame against
the stack floor; this says where those milliseconds go. Each program runs in
a real terminal (a private tmux server, 80x24) with its stages imported one
after the other by a small wrapper, which notes the time after each and stops
the program once the driver writes the first frame with the clock in it:

    libraries   typer, PyYAML and pydantic imported, one model defined (the floor's own work)
    textual     textual.app imported
    our cli     intervisie_tui.cli.session: the command line and the core it needs
    our tui     the app, its start-up, the setup model and the run screen
    to App.run  `intervisie run ...` itself until Textual starts: method, history, setup
    to frame    from App.run until the frame with the clock is written

The floor has the first two and `to frame` (its pydantic check, then the bare
countdown). Interpreter start-up is the same for both and not counted.

    uv run python benchmarks/first_paint_stages.py [--runs 15]

Prints min and median per stage in ms. Linux and tmux only, like tui_startup.py.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OURS = "ours"
FLOOR = "floor"
STAGES = {
    OURS: ("libraries", "textual", "our cli", "our tui", "to App.run", "to frame"),
    FLOOR: ("libraries", "textual", "to frame"),
}


def child(kind: str, out: Path) -> None:
    """Run one program stage by stage; write the stage times to `out` at the first frame."""
    marks = [time.perf_counter()]
    if kind == OURS:  # as `intervisie` does first thing (its main() asks again: no change)
        with contextlib.suppress(ImportError):  # a build from before collect.py
            from intervisie_tui import collect

            collect.starting()

    def done_with(stage: str) -> None:
        marks.append(time.perf_counter())

    import pydantic
    import typer  # noqa: F401
    import yaml  # noqa: F401

    class _One(pydantic.BaseModel):
        name: str

    done_with("libraries")
    import textual.app
    from textual.drivers import linux_driver

    done_with("textual")
    if kind == OURS:
        import intervisie_tui.cli.session

        done_with("our cli")
        import intervisie_tui.tui.app
        import intervisie_tui.tui.screens.run
        import intervisie_tui.tui.setup_model
        import intervisie_tui.tui.startup  # noqa: F401

        done_with("our tui")
    run = textual.app.App.run

    def timed_run(self, *args, **kwargs):
        if kind == OURS:
            done_with("to App.run")
        return run(self, *args, **kwargs)

    write = linux_driver.LinuxDriver.write

    def first_frame(self, data: str) -> None:
        clock = data.count("█") >= 20 if kind == OURS else data.count("╮") >= 1
        if clock and len(marks) == len(STAGES[kind]):
            done_with("to frame")
            steps = [(b - a) * 1000 for a, b in itertools.pairwise(marks)]
            out.write_text(json.dumps(dict(zip(STAGES[kind], steps, strict=True))))
            os._exit(0)
        write(self, data)

    textual.app.App.run = timed_run
    linux_driver.LinuxDriver.write = first_frame
    if kind == OURS:
        sys.path.insert(0, str(HERE))
        from tui_startup import OUR_ARGS

        from intervisie_tui.cli import main

        main(OUR_ARGS)
    else:
        sys.path.insert(0, str(HERE))
        sys.argv = ["stack_floor.py", "1500"]
        import runpy

        runpy.run_path(str(HERE / "stack_floor.py"), run_name="__main__")


def measure(kind: str, socket: str, run: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="intervisie-stages-") as home:
        out = Path(home) / "stages.json"
        env = [f"INTERVISIE_{d}_DIR={home}/{d.lower()}" for d in ("CONFIG", "DATA", "STATE")]
        argv = [sys.executable, str(Path(__file__)), "--child", kind, str(out)]
        name = f"{kind}-{run}"
        command = ["tmux", "-L", socket, "new-session", "-d", "-x", "80", "-y", "24", "-s", name]
        for pair in env:
            command += ["-e", pair]
        subprocess.run([*command, "--", *argv], check=True)
        give_up = time.monotonic() + 30
        while not out.exists() and time.monotonic() < give_up:
            time.sleep(0.05)
        subprocess.run(["tmux", "-L", socket, "kill-session", "-t", name], capture_output=True)
        if not out.exists():
            raise SystemExit(f"{name}: no first frame within 30 s")
        time.sleep(0.05)  # the file is written in one call; give it a moment to be complete
        return json.loads(out.read_text())


def report(samples: dict[str, list[dict[str, float]]]) -> None:
    print("\n| stage | ours min | ours median | floor min | floor median |\n|---|---|---|---|---|")
    for stage in STAGES[OURS]:
        cells = []
        for kind in (OURS, FLOOR):
            values = [s[stage] for s in samples[kind] if stage in s]
            cells += (
                [f"{min(values):.1f}", f"{statistics.median(values):.1f}"] if values else [""] * 2
            )
        print(f"| {stage} | " + " | ".join(cells) + " |")
    totals = {k: [sum(s.values()) for s in samples[k]] for k in samples}
    medians = {k: statistics.median(v) for k, v in totals.items()}
    print(
        f"| total | {min(totals[OURS]):.1f} | {medians[OURS]:.1f} "
        f"| {min(totals[FLOOR]):.1f} | {medians[FLOOR]:.1f} |"
    )
    ours_only = medians[OURS] - medians[FLOOR]
    print(
        f"\nours {medians[OURS] / medians[FLOOR]:.2f}x the floor (without interpreter start-up); "
        f"our own share {ours_only:.0f} ms, where 1.15x would allow {0.15 * medians[FLOOR]:.0f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per program (interleaved)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    if not sys.platform.startswith("linux") or not shutil.which("tmux"):
        print("This benchmark needs Linux and tmux.", file=sys.stderr)
        return 2
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # a real install has .pyc files
    socket = f"intervisie-stages-{os.getpid()}"
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "keeper", "sleep 3600"])
    samples: dict[str, list[dict[str, float]]] = {OURS: [], FLOOR: []}
    print(f"# load {os.getloadavg()[0]:.2f}; {args.runs} runs each, interleaved", flush=True)
    try:
        for run in range(args.runs + 1):  # run 0 warms caches and writes .pyc: not counted
            for kind in (OURS, FLOOR):
                found = measure(kind, socket, run)
                if run:
                    samples[kind].append(found)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    report(samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
