"""The crash report: the traceback of a bug, saved for a bug report.

Written by the `intervisie` command (cli.main) and by the app when something
unexpected goes wrong, so it lives here, above both: it imports neither typer
nor textual, nor the CLI or the session core, only the standard library and
`paths`. A crash report holds what the meeting was doing (names, a case title
in a message), so it is as private as the journals: 0600 in a 0700 folder,
created new (never following a symlink, never overwriting another report).
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from intervisie_tui import __version__, paths

PREFIX = "crash-"
SUFFIX = ".txt"
#: Reports within the same second get -2, -3, ...; beyond this many we give up.
MAX_SAME_SECOND = 100


def write_crash_report(error: BaseException) -> str:
    """Save the traceback of `error`; return where it went ("-" when it could not be saved).

    Never raises: it runs when something already went wrong.
    """
    try:
        import traceback  # only when something went wrong: not at every start

        details = "".join(traceback.format_exception(error))
        folder = paths.state_dir()
        _private_folder(folder)
        path = _write_new(folder, f"intervisie {__version__}\n{details}")
        return str(path) if path is not None else "-"
    except (OSError, ValueError):
        return "-"


def _private_folder(folder: Path) -> None:
    """Create `folder` for the owner only; chmod is best effort (Windows knows read-only only).

    The pattern of core/journal.ensure_private_dir, not an import of it: a crash
    report must not depend on the code that may just have failed.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        folder.chmod(0o700)


def _write_new(folder: Path, text: str) -> Path | None:
    """Write `text` to a new report file in `folder`; None when every name was taken."""
    stamp = f"{PREFIX}{datetime.now():%Y%m%d-%H%M%S}"
    # O_EXCL: fails on anything already there, a symlink included (also a dangling one)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for number in range(1, MAX_SAME_SECOND + 1):
        path = folder / (f"{stamp}{SUFFIX}" if number == 1 else f"{stamp}-{number}{SUFFIX}")
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(text)
        return path
    return None


__all__ = ["write_crash_report"]
