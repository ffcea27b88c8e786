"""The crash report: the traceback of a bug, saved for a bug report.

Written by the `intervisie` command (cli.main) and by the app when something
unexpected goes wrong, so it lives here, above both: it imports neither typer
nor textual, nor the CLI or the session core, only the standard library and
`paths`. A crash report holds what the meeting was doing (names, a case title
in a message), so it is as private as the journals: 0600 in a 0700 folder
whatever the umask, under a name nobody can guess, created new (never
following a symlink, never overwriting another report).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from intervisie_tui import __version__, paths

PREFIX = "crash-"
SUFFIX = ".txt"


def write_crash_report(error: BaseException) -> str:
    """Save the traceback of `error`; return where it went ("-" when it could not be saved).

    Never raises: it runs when something already went wrong.
    """
    try:
        import traceback  # only when something went wrong: not at every start

        details = "".join(traceback.format_exception(error))
        folder = paths.state_dir()
        paths.make_private_dir(folder, own=True)
        return str(_write_new(folder, f"intervisie {__version__}\n{details}"))
    except (OSError, ValueError):
        return "-"


def _write_new(folder: Path, text: str) -> Path:
    """Write `text` to a new report `crash-<date>-<time>-<random>.txt` in `folder`.

    The random part makes the name impossible to guess beforehand, and the file
    is created new (O_EXCL, O_NOFOLLOW): no planted symlink or other report is
    ever written through or over (paths.create_unique_private_file).
    """
    stamp = f"{PREFIX}{datetime.now():%Y%m%d-%H%M%S}-"
    fd, path = paths.create_unique_private_file(folder, stamp, SUFFIX)
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(text)
    return path


__all__ = ["write_crash_report"]
