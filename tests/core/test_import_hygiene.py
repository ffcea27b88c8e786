"""The core and the non-TUI commands must never load Textual (speed, and a clean layering)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys


def _core_modules() -> list[str]:
    """Every module below intervisie_tui.core, found on disk, so none can be forgotten."""
    import intervisie_tui.core as core

    return sorted(
        info.name for info in pkgutil.walk_packages(core.__path__, prefix="intervisie_tui.core.")
    )


CORE_MODULES = _core_modules()


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_no_core_module_imports_textual_or_rich():
    """One interpreter imports every core module; then neither framework may be loaded."""
    loaded = _loaded_after("\n".join(f"import {m}" for m in CORE_MODULES))
    assert len(CORE_MODULES) > 10
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich"}}


def test_cli_import_does_not_load_textual():
    loaded = _loaded_after("import intervisie_tui.cli")
    assert not {m for m in loaded if m.split(".")[0] == "textual"}


LINT = "\n".join(
    (
        "import sys",
        "from importlinter.cli import lint_imports",
        "sys.exit(lint_imports(no_cache=True))",
    )
)


def test_the_layer_contracts_hold():
    """core imports neither tui nor cli; tui does not import cli (lazy imports included).

    The same contracts as `uv run lint-imports` in CI (pyproject.toml), here so the test
    command alone catches a broken layer, such as the TUI importing the CLI for a crash report.
    """
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", LINT],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("KEPT") >= 5  # the contracts were read and checked, not skipped
