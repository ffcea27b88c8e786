"""The journal: one JSON line per event, fsynced before the runner applies it.

Line 1 is a header with everything needed to rebuild the plan (the full method
and the setup), so editing the method file later does not change a resumed
session. A crash can only tear the last line: that line is dropped with a
warning. Damage anywhere else raises `JournalDamaged`, which names the first
damaged line and carries what the lines around it still hold (`Salvage`).

Every line of a format 3 journal, the header included, carries a checksum:

    1f2e3d4c {"t":12.5,"wall":"2025-03-14T14:00:12.500000Z","type":"add",...}

eight lowercase hex digits of the CRC-32 (zlib) of the exact UTF-8 bytes of
the JSON that follows, then one space, then that JSON. A prefix rather than a
JSON field, so checking needs no parsing and no canonical form: the bytes that
are checked are the bytes that are parsed. CRC-32 rather than a hash, because
the damage to catch is accidental (a bad sector, a sync tool, an editor, a
file cut short): it detects every change of up to four adjacent bytes, so any
flipped byte inside a typed text, and any other change but one in 2^32; it
adds nine bytes per line, is in the standard library and is easy to check by
hand. It is no protection against a deliberate edit (whoever can write the
file can recompute it), which the file, private to its owner, does not need.
A line whose checksum does not match is damaged even if it parses: an altered
text is never taken as good. Only a last line without its newline, which is
what a crash during the write leaves, is a torn line. Journals of format 1
and 2 have no checksums and read as before (there any unreadable last line
is torn); a resumed one goes on in its own format.

Files are created 0600 in a 0700 folder (best effort on Windows, where chmod
only knows read-only).
"""

from __future__ import annotations

import contextlib
import os
import re
import zlib
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

JOURNAL_FORMAT = 3
"""3: every line carries a checksum; 2: go-around passes are events (`pass`).

Format 1 and 2 journals read as before."""
CHECKSUM_FORMAT = 3
"""The first format whose lines carry a checksum."""
SUFFIX = paths.JOURNAL_SUFFIX
_SEALED = re.compile(rb"^[0-9a-f]{8} ")


class JournalError(SessionError):
    """A journal that cannot be read back (not a torn last line: that is only a warning)."""


def seal(line: bytes) -> bytes:
    """`line` (JSON, no newline) with its checksum in front: one journal line of format 3."""
    return b"%08x " % zlib.crc32(line) + line


def unseal(raw: bytes) -> bytes | None:
    """The JSON of a sealed line, or None when its checksum is missing or does not match."""
    if not _SEALED.match(raw):
        return None
    line = raw[9:]
    return line if zlib.crc32(line) == int(raw[:8], 16) else None


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
    last_line: int = 0
    """Number (1-based) of the last good line."""
    torn: bool = False
    """A torn last line was dropped (see `warnings`)."""

    @property
    def sealed(self) -> bool:
        """Do this journal's lines carry checksums (format 3 and later)?"""
        return self.header.format >= CHECKSUM_FORMAT


@dataclass
class Salvage:
    """What a journal damaged before its end still holds."""

    kept: JournalContents
    """The header and the good lines before the first damaged one."""
    first_damaged: int
    """Line number (1-based) of the first damaged line."""
    later: list[Event] = field(default_factory=list)
    """Events of the good lines after it (checksums match), in order."""
    unreadable: int = 1
    """Damaged lines, the first one included (a torn last line too)."""
    cut: bool = False
    """Nothing after the damage: the journal was cut off (it lacks what its log shows)."""


class JournalDamaged(JournalError):
    """A journal damaged before its end, or cut off; `salvage` holds what is still good."""

    def __init__(self, salvage: Salvage) -> None:
        self.salvage = salvage
        path, line = salvage.kept.path, salvage.first_damaged
        if salvage.cut:
            super().__init__("recovery.journal_cut", path=path, line=line - 1)
        else:
            super().__init__("session.journal_corrupt", path=path, line=line)


def read_journal(path: Path) -> JournalContents:
    """Read a journal; drop a torn last line with a warning.

    Raises JournalDamaged for damage before the end (a line that does not parse
    or, from format 3 on, whose checksum does not match), JournalError when the
    file or its header cannot be read.
    """
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

    contents: JournalContents | None = None
    offset = 0
    for index, (number, raw, has_newline) in enumerate(numbered):
        end = offset + len(raw) + (1 if has_newline else 0)
        if not raw.strip():
            offset = end
            continue
        if contents is None:
            contents = _contents(path, raw)
        else:
            event = _event(raw, contents.sealed)
            if event is None:
                if number == last_number and (not has_newline or not contents.sealed):
                    contents.warnings.append(t("session.journal_torn", line=number))
                    contents.torn = True
                    break
                raise JournalDamaged(_salvage(contents, number, numbered[index + 1 :]))
            contents.events.append(event)
        contents.good_size = end
        contents.missing_newline = not has_newline
        contents.last_line = number
        offset = end
    if contents is None:
        raise JournalError("session.journal_bad_header", path=path)
    return contents


def _contents(path: Path, raw: bytes) -> JournalContents:
    """The journal's first line: its header, with or without a checksum."""
    body = unseal(raw)
    try:
        header = JournalHeader.model_validate_json(raw if body is None else body)
    except (ValidationError, ValueError):
        raise JournalError("session.journal_bad_header", path=path) from None
    if header.format > JOURNAL_FORMAT:
        raise JournalError("session.journal_newer", path=path)
    if (body is not None) != (header.format >= CHECKSUM_FORMAT):  # a checksum lost or added
        raise JournalError("session.journal_bad_header", path=path)
    return JournalContents(path=path, header=header)


def _event(raw: bytes, sealed: bool) -> Event | None:
    """The event of one line; None when it is damaged."""
    body = unseal(raw) if sealed else raw
    if body is None:
        return None
    try:
        return EVENT.validate_json(body)
    except (ValidationError, ValueError):
        return None


def _salvage(kept: JournalContents, damaged: int, rest: list[tuple[int, bytes, bool]]) -> Salvage:
    """What the lines after the first damaged one still hold."""
    salvage = Salvage(kept=kept, first_damaged=damaged)
    for _, raw, _ in rest:
        if not raw.strip():
            continue
        event = _event(raw, kept.sealed)
        if event is None:
            salvage.unreadable += 1
        else:
            salvage.later.append(event)
    return salvage


class Journal:
    """An open journal file: `append` returns only once the line is on disk."""

    def __init__(self, path: Path, fd: int, size: int, *, sealed: bool = True) -> None:
        self.path = path
        self._fd: int | None = fd
        self._size = size
        self._sealed = sealed
        """Lines get a checksum (format 3); a resumed older journal goes on without."""

    @classmethod
    def create(cls, path: Path, header: JournalHeader) -> Journal:
        """Make a new journal with its header (refuses to overwrite an existing one)."""
        ensure_private_dir(path.parent)
        fd = paths.create_private_file(path, os.O_WRONLY | os.O_APPEND)  # 0600, whatever the umask
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
        journal = cls(path, fd, contents.good_size, sealed=contents.sealed)
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
        data = line.encode("utf-8")
        self._write((seal(data) if self._sealed else data) + b"\n")

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


def rewrite_journal(path: Path, header: JournalHeader, events: list[Event]) -> None:
    """Replace the journal at `path` by `header` and `events`, all at once, in format 3.

    A temp file in the same folder, fsynced and renamed over the old one: a crash
    leaves the old journal or the new one, never a mix.
    """
    header = header.model_copy(update={"format": JOURNAL_FORMAT})
    lines = [header.model_dump_json(), *(event.model_dump_json() for event in events)]
    data = b"".join(seal(line.encode("utf-8")) + b"\n" for line in lines)
    fd, temp = paths.create_unique_private_file(path.parent, f".{path.stem}.", ".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    fsync_dir(path.parent)


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by the owner only, whatever the umask.

    The app's own state folder: made 0700 even if it existed (paths.make_private_dir).
    """
    paths.make_private_dir(folder, own=True)
