"""How fast is `intervisie methods list`, and what does it import?

Runs the command in fresh interpreters (the way a user starts it), several
times, and prints median / min / max wall time. Then counts the modules one
run imports, and checks that neither textual nor rich is among them. Also
times the library alone (loading every built-in), to separate start-up cost
from parsing cost.

    uv run python benchmarks/methods_list.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

LIST = (
    "from intervisie_tui.cli import main\n"
    "try:\n    main(['methods', 'list'])\nexcept SystemExit:\n    pass\n"
)
MODULES = LIST + "import sys\nprint('MODULES', *sorted(sys.modules))\n"
LIBRARY = (
    "import time\nt = time.perf_counter()\n"
    "from intervisie_tui.core.library import load_library\nt1 = time.perf_counter()\n"
    "lib = load_library()\nt2 = time.perf_counter()\n"
    "print(f'{(t1 - t) * 1000:.1f} {(t2 - t1) * 1000:.1f} {len(lib.methods)}')\n"
)


def _time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def _summary(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"{label:<34} median {statistics.median(ms):6.0f} ms   "
        f"min {min(ms):6.0f} ms   max {max(ms):6.0f} ms   ({len(ms)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    _time(LIST)  # warm the file cache and the .pyc files
    print(_summary("python -c pass", [_time("pass") for _ in range(runs)]))
    print(_summary("intervisie methods list", [_time(LIST) for _ in range(runs)]))

    out = subprocess.run(
        [sys.executable, "-c", MODULES], check=True, capture_output=True, text=True
    ).stdout
    modules = out.split("MODULES", 1)[1].split()
    tops = sorted({m.split(".")[0] for m in modules})
    heavy = [m for m in tops if m in {"textual", "rich"}]
    print(f"modules imported: {len(modules)} ({len(tops)} top-level packages)")
    print(f"textual/rich imported: {heavy or 'no'}")

    lines = [
        subprocess.run(
            [sys.executable, "-c", LIBRARY], check=True, capture_output=True, text=True
        ).stdout.split()
        for _ in range(runs)
    ]
    imports = statistics.median(float(x[0]) for x in lines)
    parse = statistics.median(float(x[1]) for x in lines)
    count = lines[0][2]
    print(
        f"in-process: import core.library {imports:.0f} ms, load {count} built-ins {parse:.0f} ms"
    )


if __name__ == "__main__":
    main()
