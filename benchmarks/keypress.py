"""The cost of one keypress, from the command to "bewaard": journal line and log both on disk.

A session of the built-in incidentmethode runs on the app's own path
(SessionController with its DiskQueue worker thread, files in a temporary
state and log folder on this disk). It is filled with `--small` and `--large`
entries (notes, insights, action items spread over the steps); then, in turn,
one note is added to each and the time is taken until the queue is empty: the
journal line fsynced and the whole Markdown log rewritten and fsynced. Also
shown: the part spent on the screen's thread (the command returning).

    uv run python benchmarks/keypress.py [--small 10] [--large 500] [--repeat 30]

Target: the median at `--large` at most 1.5x the median at `--small`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

TARGET = 1.5


def session_with(entries: int, root: Path):
    """An open, started session of the incidentmethode holding `entries` captured entries."""
    from intervisie_tui.core.clock import FakeClock
    from intervisie_tui.core.library import find_method
    from intervisie_tui.core.session import SessionController
    from intervisie_tui.core.setup import SessionSetup

    method = find_method("incidentmethode").method
    setup = SessionSetup(
        method_id=method.id,
        group=f"Team {entries}",
        participants=("Anouk", "Bram", "Chaima", "Daan", "Eva", "Fleur"),
        roles={"inbrenger": ("Anouk",), "voorzitter": ("Bram",), "tijdbewaker": ("Chaima",)},
        case_title="Een cliënt die de deur niet opendoet",
    )
    clock = FakeClock(datetime(2026, 12, 1, 19, 30).astimezone())
    session = SessionController.begin(method, setup, clock, root)
    assert session.open_on_disk().ok
    session.start()
    steps = len(session.runner.plan.steps)
    for number in range(entries):
        clock.advance(7)
        if number and number % max(1, entries // steps) == 0 and not session.runner.is_last_step:
            session.next()
        kind = number % 10
        if kind == 0:
            session.add_action(f"bel de huisarts over punt {number}", owner="Bram")
        elif kind == 1:
            session.add_insight(f"Grenzen stellen is ook zorg ({number})")
        else:
            session.add_note(f"Daan vraagt wat er al geprobeerd is, punt {number}")
    flush(session)
    return session, clock


def flush(session) -> None:
    if session.queue is not None and not session.queue.flush(timeout=60):
        raise RuntimeError("the disk queue did not empty in 60 s")


def keypress(session, clock, number: int) -> tuple[float, float]:
    """(seconds until the command returned, seconds until journal and log are on disk)."""
    clock.advance(3)
    started = time.perf_counter()
    result = session.add_note(f"nog een notitie {number}")
    returned = time.perf_counter()
    flush(session)
    saved = time.perf_counter()
    if not result.ok or session.log is None or session.log.error is not None:
        raise RuntimeError(f"not saved: {result}")
    return returned - started, saved - started


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--large", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    saved_state_dir = os.environ.get("INTERVISIE_STATE_DIR")
    with tempfile.TemporaryDirectory(prefix="intervisie-keypress-") as home:
        os.environ["INTERVISIE_STATE_DIR"] = str(Path(home) / "state")  # journals, locks
        root = Path(home) / "logs"
        sessions = {n: session_with(n, root) for n in (args.small, args.large)}
        samples: dict[int, list[tuple[float, float]]] = {n: [] for n in sessions}
        for number in range(args.repeat + 1):  # the first round warms up
            for size, (session, clock) in sessions.items():
                figures = keypress(session, clock, number)
                if number:
                    samples[size].append(figures)
        for session, _ in sessions.values():
            session.close()
            if session.queue is not None:
                session.queue.flush(timeout=60)
    if saved_state_dir is None:
        os.environ.pop("INTERVISIE_STATE_DIR", None)
    else:
        os.environ["INTERVISIE_STATE_DIR"] = saved_state_dir
    print(f"# one note added, {args.repeat} times each, load {os.getloadavg()[0]:.2f}")
    print("| entries | command returned ms | journal + log on disk ms |\n|---|---|---|")
    medians = {}
    for size, found in samples.items():
        returned = [a * 1000 for a, _ in found]
        saved = [b * 1000 for _, b in found]
        medians[size] = statistics.median(saved)
        print(f"| {size} | {spread(returned)} | {spread(saved)} |")
    ratio = medians[args.large] / max(medians[args.small], 1e-9)
    ok = ratio <= TARGET
    line = f"key to bewaard at {args.large} entries {ratio:.2f}x that at {args.small}"
    line += f" (<= {TARGET}x)"
    print(f"\n{'PASS' if ok else 'FAIL'}  {line}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
