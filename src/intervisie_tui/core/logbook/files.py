"""Safe file writing for logs and group files: atomic, private, never half-written.

A whole file is written to a temp file in the same folder, fsynced and renamed
over the old one (`os.replace`), so a reader or a crash sees the old version or
the new one. New files are 0600 and new folders 0700 whatever the umask
(paths.make_private_dir, paths.create_unique_private_file: the temp file is
private from its creation, has a name nobody can guess and is never a planted
symlink); Windows only knows read-only. A user's own file (the group file)
keeps its mode and, where the OS allows, its owner (`keep_mode`). Every
OSError becomes `LogWriteError`: one translated line naming the folder and the
reason (disk full, no permission, read-only).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from intervisie_tui.core.durable import fsync_dir, reason
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t
from intervisie_tui.paths import create_unique_private_file, make_private_dir


class LogWriteError(IntervisieError):
    """The log could not be written to `folder`; the session itself goes on."""

    def __init__(self, folder: Path, problem: OSError) -> None:
        self.folder = folder
        self.problem = problem
        super().__init__(t("log.write.failed", folder=str(folder), reason=reason(problem)))


def ensure_dir(folder: Path) -> None:
    """Create `folder` and any missing parents, each 0700; existing ones keep their mode."""
    make_private_dir(folder)


def atomic_write(path: Path, text: str, *, new: bool = False, keep_mode: bool = False) -> bool:
    """Write `text` to `path` atomically; with `new`, never replace an existing file.

    The result is 0600, unless `keep_mode` is set and `path` exists: then it
    keeps the mode (and, where the OS allows, the owner and group) of the file
    it replaces, for a user's own file such as a group file on a team drive.
    Returns False only when `new` is set and `path` already exists.
    """
    previous = _stat(path) if keep_mode else None
    fd, temp = create_unique_private_file(path.parent, f".{path.stem}.", ".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if previous is not None:
            _take_over(temp, previous)
        if new and not _publish_new(temp, path):
            return False
        if not new:
            os.replace(temp, path)
        fsync_dir(path.parent)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _stat(path: Path) -> os.stat_result | None:
    """The file's own status; None when there is none or it is not a regular file.

    A symlink is not looked through: its target's mode is no mode of the file
    the rename leaves (which replaces the link, not the target).
    """
    try:
        found = path.lstat()
    except FileNotFoundError:
        return None
    return found if stat.S_ISREG(found.st_mode) else None


def _take_over(temp: Path, previous: os.stat_result) -> None:
    """Give `temp` the owner and mode of the file it replaces; POSIX, best effort.

    Only root may give a file to another user; a group the user is in is often
    allowed. The mode comes after the owner (chown may clear bits). Windows is
    left alone: its only mode is read-only, and a read-only file cannot be
    replaced there anyway.
    """
    if os.name == "nt":
        return
    mine = temp.stat()
    if (mine.st_uid, mine.st_gid) != (previous.st_uid, previous.st_gid):
        try:
            os.chown(temp, previous.st_uid, previous.st_gid)
        except OSError:
            with contextlib.suppress(OSError):
                os.chown(temp, -1, previous.st_gid)
    with contextlib.suppress(OSError):  # a file system without modes (FAT, some shares)
        os.chmod(temp, stat.S_IMODE(previous.st_mode))


def _publish_new(temp: Path, path: Path) -> bool:
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
