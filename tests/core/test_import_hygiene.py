"""The core and the non-TUI commands must never load Textual (speed, and a clean layering)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "intervisie_tui.core.method",
    "intervisie_tui.core.duration",
    "intervisie_tui.core.setup",
    "intervisie_tui.core.plan",
    "intervisie_tui.core.state",
    "intervisie_tui.core.clock",
    "intervisie_tui.core.commands",
    "intervisie_tui.core.runner",
    "intervisie_tui.core.journal",
    "intervisie_tui.core.lock",
    "intervisie_tui.core.store",
]


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_neither_textual_nor_rich(module):
    loaded = _loaded_after(f"import {module}")
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich"}}


def test_cli_import_does_not_load_textual():
    loaded = _loaded_after("import intervisie_tui.cli")
    assert not {m for m in loaded if m.split(".")[0] == "textual"}
