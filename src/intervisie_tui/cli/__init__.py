"""The `intervisie` command: a thin typer layer over the core.

Module scope imports typer, i18n, paths and the core only; Textual is imported
inside the commands that open the TUI, so `intervisie methods list` stays fast.
Every known problem leaves as one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import sys
import traceback
from datetime import datetime

import typer

from intervisie_tui import __version__, paths
from intervisie_tui.cli.common import app, state
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t

# Sub-command modules register themselves on import.
from intervisie_tui.cli import methods as _methods  # noqa: F401  isort: skip
from intervisie_tui.cli import session as _session  # noqa: F401  isort: skip
from intervisie_tui.cli import log as _log  # noqa: F401  isort: skip
from intervisie_tui.cli import group as _group  # noqa: F401  isort: skip
from intervisie_tui.cli import doctor as _doctor  # noqa: F401  isort: skip


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the CLI and turn every failure into one line."""
    try:
        app(args=argv, prog_name="intervisie")  # usage errors are handled by typer itself
    except IntervisieError as problem:
        print(f"{t('error.prefix')}: {problem}", file=sys.stderr)
        sys.exit(problem.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as problem:  # a bug: keep the traceback out of the user's face
        report = write_crash_report(problem)
        print(t("error.unexpected", error=type(problem).__name__, report=report), file=sys.stderr)
        sys.exit(70)


def write_crash_report(error: BaseException) -> str:
    """Save the traceback for a bug report; return where it went."""
    try:
        folder = paths.state_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
        details = "".join(traceback.format_exception(error))
        path.write_text(f"intervisie {__version__}\n{details}", encoding="utf-8")
        return str(path)
    except OSError:
        return "-"


__all__ = ["app", "main", "state", "typer"]
