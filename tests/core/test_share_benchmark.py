"""benchmarks/share_export.py still runs (tiny sizes, no timing: speed belongs in benchmarks/)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_the_share_benchmark_builds_its_logs_and_measures(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        bench = importlib.import_module("share_export")
    finally:
        sys.path.remove(str(BENCHMARKS))
    people = bench.names(300)
    assert len(set(people)) == 300 and all(len(name.split()) >= 2 for name in people)
    rows = bench.run([300], 1, tmp_path)
    assert [name.split()[0] for name, _ in rows] == ["share", "export"]
    shared = bench.export(next((tmp_path / "n300" / "Team Zorg Noord").glob("*.md")), tmp_path)
    assert not any(name in shared.text for name in people)
    assert "mevrouw" not in shared.text and "Team Zorg Noord" not in shared.text
