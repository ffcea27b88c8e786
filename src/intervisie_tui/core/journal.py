"""The journal: one JSON line per event, fsynced before the runner applies it.

Line 1 is a header with everything needed to rebuild the plan (the full method
and the setup), so editing the method file later does not change a resumed
session. A crash can only tear the last line: that line is dropped with a
warning. Damage anywhere else is an error that names the line.

Files are created 0600 in a 0700 folder (best effort on Windows, where chmod
only knows read-only).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from intervisie_tui import __version__, paths
from intervisie_tui.core.commands import EVENT, Event, SessionError
from intervisie_tui.core.durable import fsync_dir
from intervisie_tui.core.method import Method
from intervisie_tui.core.plan import Plan, build_plan
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.i18n import t

JOURNAL_FORMAT = 2
"""2: go-around passes are events (`pass`); format 1 journals read as before."""
SUFFIX = paths.JOURNAL_SUFFIX


class JournalError(SessionError):
    """A journal that cannot be read back (not a torn last line: that is only a warning)."""


class JournalHeader(BaseModel):
    """First line of a journal: who, what method, which app."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use

    type: Literal["header"] = "header"
    format: int = JOURNAL_FORMAT
    session_id: str
    app_version: str = __version__
    created: datetime
    method: dict[str, Any]
    """The method as run, durations written as `"300s"` so they read back as seconds."""
    setup: dict[str, Any]

    @classmethod
    def for_plan(cls, plan: Plan, session_id: str, created: datetime) -> JournalHeader:
        method = plan.method.model_dump(mode="json")  # durations dump as "300s"
        setup = plan.setup.model_dump(mode="json")
        return cls(session_id=session_id, created=created, method=method, setup=setup)

    def plan(self) -> Plan:
        """The plan of this session, rebuilt from the stored method and setup."""
        method = Method.model_validate(self.method)
        return build_plan(method, SessionSetup.model_validate(self.setup))


@dataclass
class JournalContents:
    """What `read_journal` found."""

    path: Path
    header: JournalHeader
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Translated messages (a torn last line)."""
    good_size: int = 0
    """Byte offset just after the last good line: where appending continues."""
    missing_newline: bool = False
    """The last good line has no newline yet (the crash came just before it)."""


def read_journal(path: Path) -> JournalContents:
    """Read a journal; drop a torn last line with a warning; raise JournalError on damage."""
    try:
        data = path.read_bytes()
    except OSError as problem:
        raise JournalError("session.journal_unreadable", path=path, error=problem) from problem
    lines = data.split(b"\n")
    # After the last newline comes `lines[-1]`: empty, or a line the crash cut short.
    complete, tail = lines[:-1], lines[-1]
    numbered = [(n, raw, True) for n, raw in enumerate(complete, 1)]
    if tail.strip(b"\x00 \r\t"):
        numbered.append((len(complete) + 1, tail, False))
    last_number = numbered[-1][0] if numbered else 0

    header: JournalHeader | None = None
    contents: JournalContents | None = None
    offset = 0
    for number, raw, has_newline in numbered:
        is_last = number == last_number
        end = offset + len(raw) + (1 if has_newline else 0)
        if not raw.strip():
            offset = end
            continue
        try:
            if header is None:
                header = JournalHeader.model_validate_json(raw)
                contents = JournalContents(path=path, header=header)
            else:
                assert contents is not None
                contents.events.append(EVENT.validate_json(raw))
        except (ValidationError, ValueError):
            if header is None:
                raise JournalError("session.journal_bad_header", path=path) from None
            if not is_last:
                raise JournalError("session.journal_corrupt", path=path, line=number) from None
            assert contents is not None
            contents.warnings.append(t("session.journal_torn", line=number))
            break
        assert contents is not None
        contents.good_size = end
        contents.missing_newline = not has_newline
        offset = end
    if contents is None:
        raise JournalError("session.journal_bad_header", path=path)
    if contents.header.format > JOURNAL_FORMAT:
        raise JournalError("session.journal_newer", path=path)
    return contents


class Journal:
    """An open journal file: `append` returns only once the line is on disk."""

    def __init__(self, path: Path, fd: int, size: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self._size = size

    @classmethod
    def create(cls, path: Path, header: JournalHeader) -> Journal:
        """Make a new journal with its header (refuses to overwrite an existing one)."""
        ensure_private_dir(path.parent)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags, 0o600)
        journal = cls(path, fd, 0)
        try:
            journal.append(header.model_dump_json())
        except BaseException:
            journal.close()
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        fsync_dir(path.parent)
        return journal

    @classmethod
    def reopen(cls, contents: JournalContents) -> Journal:
        """Open for appending after a read: cut off a torn last line, end with a newline."""
        path = contents.path
        flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        journal = cls(path, fd, contents.good_size)
        try:
            os.ftruncate(fd, contents.good_size)
            if contents.missing_newline:
                journal._write(b"\n")
            os.fsync(fd)
        except BaseException:
            journal.close()
            raise
        return journal

    def append(self, line: str) -> None:
        """Write one line, flush and fsync; on failure the file is left as it was."""
        if "\n" in line:
            raise ValueError("a journal line cannot contain a newline")
        self._write(line.encode("utf-8") + b"\n")

    def _write(self, data: bytes) -> None:
        if self._fd is None:
            raise OSError("journal is closed")
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
            os.fsync(self._fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
            raise
        self._size += len(data)

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` readable by the owner only (chmod is best effort on Windows)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        folder.chmod(0o700)
