"""Durability helpers shared by the journal and the log writer."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


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
