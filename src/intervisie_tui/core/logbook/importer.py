"""File a log mailed by a colleague under its group, so history travels with the group.

The file must parse and have complete front matter (parse.py checks both). It
is written into the group's folder under the usual name, never over an
existing file. A copy with the same content already there is reported, not
filed twice; another version of the same session is filed next to it (history
counts a session once, see history.py).
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Literal

from intervisie_tui.core.logbook.files import LogWriteError, atomic_write, ensure_dir
from intervisie_tui.core.logbook.naming import candidate_names, group_dir, log_files
from intervisie_tui.core.logbook.parse import LogParseError, parse_log, read_text
from intervisie_tui.core.logbook.writer import MAX_CANDIDATES
from intervisie_tui.core.method import slugify


@dataclass(frozen=True)
class ImportResult:
    path: Path
    """Where the log is now (the existing copy when it was already there)."""
    status: Literal["imported", "present"]
    other_version: Path | None = None
    """A different log of the same session already in the folder."""


def import_log(source: Path, root: Path | None = None) -> ImportResult:
    """Validate `source` and copy it into its group folder; LogParseError/LogWriteError."""
    text = read_text(source)
    record = parse_log(text, source)
    front = record.front
    folder = group_dir(root, front.group)
    other: Path | None = None
    try:
        existing = log_files(folder)
    except OSError as problem:
        raise LogWriteError(folder, problem) from problem
    for path in existing:
        try:
            present = read_text(path)
        except LogParseError:
            continue
        if present == text:
            return ImportResult(path, "present")
        if front.session_id and _session_id(present, path) == front.session_id:
            other = path
    stem = f"{front.date:%Y-%m-%d}-{front.start.replace(':', '')}-{slugify(front.method)}"
    try:
        ensure_dir(folder)
        for name in islice(candidate_names(stem), MAX_CANDIDATES):
            if atomic_write(folder / name, text, new=True):
                return ImportResult(folder / name, "imported", other)
    except OSError as problem:
        raise LogWriteError(folder, problem) from problem
    raise LogWriteError(folder, FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), stem))


def _session_id(text: str, path: Path) -> str:
    try:
        return parse_log(text, path).front.session_id
    except LogParseError:
        return ""
