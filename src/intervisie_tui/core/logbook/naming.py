"""Where a group's logs live and what a log file is called.

One folder per group under the log root (`paths.log_dir`), named after the
group but safe on Windows, macOS and Linux; one file per session,
`YYYY-MM-DD-HHMM-<method>.md` from the session start, `-2`, `-3` ... when
that name is taken.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from intervisie_tui import paths

GROUP_FILE = "groep.yaml"
LOG_SUFFIX = ".md"
MAX_FOLDER_NAME = 80
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_folder_name(group: str) -> str:
    """A folder name for `group` that every common file system accepts."""
    name = unicodedata.normalize("NFC", " ".join(group.split()))
    name = _UNSAFE.sub("-", name).strip(" .")
    name = name[:MAX_FOLDER_NAME].rstrip(" .")
    if not name:
        name = "groep"
    if _RESERVED.match(name):
        name += "-groep"
    return name


def group_dir(root: Path | None, group: str) -> Path:
    """The folder of `group` under the log root (`--log-dir`, INTERVISIE_LOG_DIR, data dir)."""
    return paths.log_dir(root) / safe_folder_name(group)


def log_file_stem(started: datetime, method_id: str) -> str:
    return f"{started:%Y-%m-%d-%H%M}-{method_id}"


def candidate_names(stem: str) -> Iterator[str]:
    """`stem.md`, `stem-2.md`, `stem-3.md`, ... in order of preference."""
    yield stem + LOG_SUFFIX
    number = 2
    while True:
        yield f"{stem}-{number}{LOG_SUFFIX}"
        number += 1


def log_files(folder: Path) -> list[Path]:
    """The session logs in a group folder (not hidden, not temporary), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_log_name(p.name))


def is_log_name(name: str) -> bool:
    """A session log's file name: `.md`, not hidden (temp files of atomic writes are)."""
    return name.endswith(LOG_SUFFIX) and not name.startswith(".")
