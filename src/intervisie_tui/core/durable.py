"""Durability helpers shared by the journal and the log writer."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from intervisie_tui.i18n import t

_REASONS = {
    errno.ENOSPC: "log.write.full",
    errno.EACCES: "log.write.denied",
    errno.EPERM: "log.write.denied",
    errno.EROFS: "log.write.readonly",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "log.write.full"


def reason(problem: OSError) -> str:
    """Why a write failed, in the user's words: the disk is full, no permission, read-only."""
    key = _REASONS.get(problem.errno or 0)
    return t(key) if key else (problem.strerror or str(problem))


def fsync_dir(folder: Path) -> None:
    """Make a new or renamed directory entry durable.

    POSIX only: Windows cannot open a folder, and its file system commits the
    entry with the file. Failures are ignored: the data itself is already synced.
    """
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
