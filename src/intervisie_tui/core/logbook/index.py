"""What each log of a group folder says, remembered between starts: the history index.

Reading and validating every log at every start costs time that grows with
the group's history (about 1.5 ms a log). The index keeps, per group folder,
what `parse.read_log` found in each file (front matter and action items; no
insights, which history never needs) with the file's size, mtime and inode.
At the next start only files whose stat changed are read again: a hand-edited
or imported log is picked up, a deleted one drops out. The logs stay the one
source of truth: the index is a cache in the state folder (`paths.cache_dir`),
0600 in a 0700 folder because it holds names, written atomically, and rebuilt
without a word when it is missing, broken, foreign or made by another reader
(its fingerprint covers the reader's source and the record fields).

A new field of `LogFront` or `LogItem` needs nothing here: both are stored
field by field and the fingerprint changes with them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
import time
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from intervisie_tui import paths
from intervisie_tui.core.logbook.front import LogFront
from intervisie_tui.core.logbook.items import LogItem
from intervisie_tui.core.logbook.naming import is_log_name
from intervisie_tui.core.logbook.parse import LogParseError, LogRecord, read_log

INDEX_FORMAT = 1
_READER_MODULES = (
    "intervisie_tui.core.logbook.front",
    "intervisie_tui.core.logbook.items",
    "intervisie_tui.core.logbook.markdown",
    "intervisie_tui.core.logbook.parse",
    "intervisie_tui.core.logbook.index",
    "intervisie_tui.safe_text",
)
_ITEM_FIELDS = tuple(f.name for f in dataclasses.fields(LogItem))
_DATE_FIELDS = frozenset(
    f.name for f in dataclasses.fields(LogItem) if "date" in str(f.type).split(" | ")
)

RACY_NS = 3_000_000_000
"""A file changed this soon before it was read may change again unseen by its mtime."""
Stat = tuple[int, int, int]
"""(size, mtime in ns, inode): a file changed when any of them did."""
Found = LogRecord | LogParseError
"""What a log file gave: its record, or why it could not be read."""


@cache
def fingerprint() -> str:
    """Changes whenever the reader or the record fields do, so an old index is not trusted."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{INDEX_FORMAT}:{sorted(LogFront.model_fields)}:{_ITEM_FIELDS}".encode())
    for name in _READER_MODULES:
        source = getattr(sys.modules.get(name), "__file__", None)
        try:
            digest.update(Path(source).read_bytes() if source else name.encode())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()


Listing = dict[str, Stat]
"""The log files of a folder by name, each with its stat."""


def scan(folder: Path) -> Listing:
    """The log files of `folder` with their stat; empty when there is no such folder.

    OSError when the folder exists but cannot be listed.
    """
    try:
        scan = os.scandir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    found: Listing = {}
    with scan:
        for item in scan:
            if not is_log_name(item.name):
                continue
            try:
                if not item.is_file():
                    continue
                st = item.stat()
            except OSError:
                continue  # gone since the listing
            found[item.name] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


def read_folder(folder: Path, listing: Listing) -> list[tuple[Path, Found]]:
    """Every log file of the listing, sorted by name, with its record or its parse error.

    A file is read again only when the index has no record of it at this stat.
    """
    known = load_part(folder, "logs") or {}
    if not isinstance(known, dict):
        known = {}
    entries: dict[str, dict[str, Any]] = {}
    found: list[tuple[Path, Found]] = []
    changed = known.keys() != listing.keys()
    for name in sorted(listing):
        path, stat = folder / name, listing[name]
        entry = known.get(name)
        result = _decode(path, entry) if _fresh(entry, stat) else None
        if result is None or entry is None:
            result = _read(path)
            entry = _encode(stat, result)
            changed = True
        entries[name] = entry
        found.append((path, result))
    if changed:
        save_parts(folder, None, {"logs": entries})
    return found


def _fresh(entry: Any, stat: Stat) -> bool:
    """An entry made from this very file, and not so soon after a write that its
    mtime could hide a later one (mtimes are coarse: a few ms, 2 s on FAT)."""
    return (
        isinstance(entry, dict)
        and entry.get("stat") == list(stat)
        and entry.get("read_ns", 0) - stat[1] > RACY_NS
    )


def _read(path: Path) -> Found:
    try:
        record = read_log(path)
    except LogParseError as problem:
        return problem
    return dataclasses.replace(record, insights=())


# -- the index files -----------------------------------------------------------------


def folder_key(folder: Path) -> Path:
    """The index folder of one group folder, named by a hash of the folder's full path."""
    key = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:24]
    return paths.cache_dir() / "history" / key


def signature(folder: Path, listing: Listing) -> str:
    """One value for the reader, the folder and the stat of every log in it."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{fingerprint()}\0{os.path.abspath(folder)}\0".encode())
    digest.update(repr(sorted(listing.items())).encode())
    return digest.hexdigest()


def load_part(folder: Path, part: str, listing: Listing | None = None) -> Any:
    """What `save_parts` kept as `part` for this folder; None when missing, broken,
    foreign, or (given a `listing`) made before a log of it changed."""
    try:
        data = json.loads((folder_key(folder) / f"{part}.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint():
        return None
    if data.get("folder") != os.path.abspath(folder):
        return None
    if listing is not None:
        if data.get("signature") != signature(folder, listing):
            return None
        written, racy = data.get("written_ns"), data.get("racy")
        if not isinstance(written, int) or not isinstance(racy, dict):
            return None
        for name, stat in listing.items():
            if written - stat[1] <= RACY_NS and racy.get(name) != _content_hash(folder / name):
                return None
    return data.get("data")


def _content_hash(path: Path) -> str | None:
    """For a file written just before the index: its mtime alone may not show a change."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return None


def save_parts(folder: Path, listing: Listing | None, parts: dict[str, Any]) -> None:
    """Write each part atomically, 0600 in 0700 folders; a disk that refuses costs
    a slower next start only."""
    target = folder_key(folder)
    now = time.time_ns()
    racy = {
        name: _content_hash(folder / name)
        for name, stat in (listing or {}).items()
        if now - stat[1] <= RACY_NS
    }
    head = {
        "fingerprint": fingerprint(),
        "folder": os.path.abspath(folder),
        "signature": signature(folder, listing) if listing is not None else None,
        "written_ns": now,
        "racy": racy,
    }
    try:
        paths.make_private_dir(target)
    except OSError:
        return
    for part, data in parts.items():
        _write_private(target / f"{part}.json", {**head, "data": data})


def _write_private(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    temp: Path | None = None
    try:
        fd, temp = paths.create_unique_private_file(path.parent, f".{path.stem}-", ".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
        temp = None
    except OSError:
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _encode(stat: Stat, found: Found) -> dict[str, Any]:
    if isinstance(found, LogParseError):
        return {"stat": list(stat), "read_ns": time.time_ns(), "error": found.reason}
    items = [[_plain(getattr(item, name)) for name in _ITEM_FIELDS] for item in found.items]
    front = found.front.model_dump(mode="json")
    return {"stat": list(stat), "read_ns": time.time_ns(), "front": front, "items": items}


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _decode(path: Path, entry: Any) -> Found | None:
    """The record an index entry holds; None when the entry is not one we wrote."""
    try:
        if "error" in entry:
            return LogParseError(path.name, str(entry["error"]))
        front = LogFront.model_validate(entry["front"])
        items = tuple(_item(values) for values in entry["items"])
    except (KeyError, TypeError, ValueError):  # pydantic's ValidationError is a ValueError
        return None
    return LogRecord(path, front, items)


def _item(values: list[Any]) -> LogItem:
    if len(values) != len(_ITEM_FIELDS):
        raise ValueError("item fields")
    fields = dict(zip(_ITEM_FIELDS, values, strict=True))
    for name, value in fields.items():
        if name in _DATE_FIELDS:
            fields[name] = date.fromisoformat(value) if value is not None else None
        elif value is not None and not isinstance(value, str | bool):
            raise TypeError(name)
    return LogItem(**fields)
