"""Journal cost: one durable append (write + fsync) and a full replay at 10/100/1000 entries.

Run: `uv run python benchmarks/journal.py` (options: --appends N, --repeat N, --dir PATH).
By default the journals go to a temporary folder inside the app's state dir, so
fsync hits the same disk as real sessions do. Prints median, min and max.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from intervisie_tui import paths
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.commands import Add, replay
from intervisie_tui.core.journal import Journal, JournalHeader, read_journal
from intervisie_tui.core.loader import load_method_file
from intervisie_tui.core.plan import Plan, build_plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import SessionSetup

PEOPLE = ("Anouk", "Bram", "Chaima", "Daan", "Eva", "Fleur", "Gijs", "Hanna")
TEXT = "De inbrenger merkt dat de overdracht op vrijdagmiddag steeds misgaat; één idee: "


def sample_plan() -> Plan:
    method = load_method_file(paths.builtin_methods_dir() / "incidentmethode.yaml")
    setup = SessionSetup(
        method_id=method.id,
        group="Benchmark",
        participants=PEOPLE,
        roles={"inbrenger": ("Bram",), "voorzitter": ("Anouk",)},
    )
    return build_plan(method, setup)


def write_session(folder: Path, name: str, entries: int) -> Path:
    """A realistic journal: start, `entries` captures spread over the steps, some edits."""
    plan = sample_plan()
    clock = FakeClock(datetime(2025, 3, 14, 14, 0).astimezone())
    path = folder / f"{name}.jsonl"
    header = JournalHeader.for_plan(plan, name, clock.now())
    runner = SessionRunner(plan, clock, Journal.create(path, header), name)
    runner.start()
    per_step = max(1, entries // len(plan.steps))
    for n in range(entries):
        clock.advance(7.5)
        entry = runner.add_note(f"{TEXT}{n}")
        if n % 10 == 9:
            runner.edit_entry(entry.id, text=f"{TEXT}{n} (aangepast)")
        if n % per_step == per_step - 1 and runner.state.current < len(plan.steps) - 1:
            runner.next()
    runner.close()
    return path


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def report(label: str, samples: list[float]) -> None:
    ms = [s * 1000 for s in samples]
    print(
        f"{label:<30} median {statistics.median(ms):8.3f} ms   "
        f"min {min(ms):8.3f} ms   max {max(ms):8.3f} ms   (n={len(ms)})"
    )


def bench_append(folder: Path, appends: int) -> None:
    path = write_session(folder, "append", 1)
    journal = Journal.reopen(read_journal(path))
    adds = [e for e in read_journal(path).events if isinstance(e, Add)]
    line = adds[-1].model_dump_json()  # a captured note: the commonest command
    try:
        report("append + fsync", timed(lambda: journal.append(line), appends))
    finally:
        journal.close()


def bench_replay(folder: Path, entries: int, repeat: int) -> None:
    path = write_session(folder, f"replay{entries}", entries)

    def full_replay() -> None:
        contents = read_journal(path)
        state = replay(contents.header.plan(), "x", contents.events)
        assert len(state.entries) == entries

    size = path.stat().st_size // 1024
    report(f"replay {entries} entries ({size} KiB)", timed(full_replay, repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appends", type=int, default=200, help="appends to time")
    parser.add_argument("--repeat", type=int, default=20, help="replays per size")
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to test")
    args = parser.parse_args()
    base = args.dir or paths.state_dir()
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="journal-bench-", dir=base))
    print(f"journals in {folder}")
    try:
        bench_append(folder, args.appends)
        for entries in (10, 100, 1000):
            bench_replay(folder, entries, args.repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
