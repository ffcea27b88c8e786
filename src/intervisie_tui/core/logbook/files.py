"""Safe file writing for logs and group files: atomic, private, never half-written.

A whole file is written to a temp file in the same folder, fsynced and renamed
over the old one (`os.replace`), so a reader or a crash sees the old version or
the new one. New files are 0600 (mkstemp) and new folders 0700; Windows ignores
both. Every OSError becomes `LogWriteError`: one translated line naming the
folder and the reason (disk full, no permission, read-only).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from intervisie_tui.core.durable import fsync_dir, reason
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t


class LogWriteError(IntervisieError):
    """The log could not be written to `folder`; the session itself goes on."""

    def __init__(self, folder: Path, problem: OSError) -> None:
        self.folder = folder
        self.problem = problem
        super().__init__(t("log.write.failed", folder=str(folder), reason=reason(problem)))


def ensure_dir(folder: Path) -> None:
    """Create `folder` and any missing parents, each 0700."""
    missing = []
    current = folder
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        directory.mkdir(mode=0o700, exist_ok=True)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))


def atomic_write(path: Path, text: str, *, new: bool = False) -> bool:
    """Write `text` to `path` atomically; with `new`, never replace an existing file.

    Returns False only when `new` is set and `path` already exists.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if new and not _publish_new(temp, path):
            return False
        if not new:
            os.replace(temp, path)
        fsync_dir(path.parent)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _publish_new(temp: str, path: Path) -> bool:
    """Give the temp file its final name unless that name exists (a hard link is atomic)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError:  # no hard links here (FAT, some network drives): check, then rename
        if path.exists():
            return False
        os.replace(temp, path)
    return True
