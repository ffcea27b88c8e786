"""The method library: every method file on the search path, with where it came from.

Search order: the built-in library, the user's methods folder, the folders in
INTERVISIE_METHODS, then each `--methods DIR` (the command line has the last
word). A later file with the same id replaces an earlier one, and the entry
remembers what it replaced so the list can say so. A file is named after its
id (`incidentmethode.yaml`), so that which file is used, replaced or broken is
clear from the folder; one named otherwise is refused, with how to fix it. A
broken file is kept aside with its MethodError and never stops the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from intervisie_tui import paths
from intervisie_tui.core.loader import load_located, read_method_text
from intervisie_tui.core.method import Method
from intervisie_tui.core.method_checks import did_you_mean
from intervisie_tui.core.problems import MethodError, Problem
from intervisie_tui.core.yaml_safe import Document
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t

Origin = Literal["builtin", "user", "extra"]
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LibraryEntry:
    """A method that loaded, where it lives, and the entry it overrides (if any)."""

    method: Method
    path: Path
    origin: Origin
    overrides: LibraryEntry | None = None


@dataclass(frozen=True)
class BrokenFile:
    """A method file (or an extra folder) that could not be used."""

    path: Path
    origin: Origin
    error: MethodError


@dataclass
class Library:
    """All methods found on the search path, plus the files that failed."""

    entries: dict[str, LibraryEntry] = field(default_factory=dict)
    broken: list[BrokenFile] = field(default_factory=list)

    @property
    def methods(self) -> list[LibraryEntry]:
        """The usable methods, sorted by id."""
        return [self.entries[key] for key in sorted(self.entries)]

    def get(self, method_id: str) -> LibraryEntry | None:
        return self.entries.get(method_id)


class MethodNotFound(IntervisieError):
    """No method with this id on the search path."""


def search_path(extra_dirs: Sequence[Path] = ()) -> list[tuple[Origin, Path]]:
    """Folders to scan, lowest priority first; a folder listed twice counts once."""
    folders: list[tuple[Origin, Path]] = [
        ("builtin", paths.builtin_methods_dir()),
        ("user", paths.user_methods_dir()),
        *(("extra", folder) for folder in paths.env_methods_dirs()),
        *(("extra", Path(folder)) for folder in extra_dirs),
    ]
    seen: set[Path] = set()
    unique: list[tuple[Origin, Path]] = []
    for origin, folder in folders:
        key = folder.expanduser().resolve()
        if key not in seen:
            seen.add(key)
            unique.append((origin, folder))
    return unique


def method_files(folder: Path) -> list[Path]:
    """The *.yaml and *.yml files of a folder, sorted; hidden files (`._x.yaml`) skipped."""
    try:
        found = [
            p
            for p in folder.iterdir()
            if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.is_file()
        ]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def load_library(extra_dirs: Sequence[Path] = ()) -> Library:
    """Load every method on the search path."""
    library = Library()
    for origin, folder in search_path(extra_dirs):
        if origin == "extra" and not folder.is_dir():
            library.broken.append(_missing_folder(origin, folder))
            continue
        first_in_folder: dict[str, Path] = {}
        for path in method_files(folder):
            try:
                method, doc = load_located(path)
                check_file_name(path, method, doc)
            except MethodError as error:
                library.broken.append(BrokenFile(path, origin, error))
                continue
            if method.id in first_in_folder:
                line, column = doc.position(("id",))
                message = t("library.same_id", id=method.id, other=first_in_folder[method.id].name)
                duplicate = MethodError([Problem(str(path), line, column, "id", message)])
                library.broken.append(BrokenFile(path, origin, duplicate))
                continue
            first_in_folder[method.id] = path
            previous = library.entries.get(method.id)
            library.entries[method.id] = LibraryEntry(method, path, origin, previous)
    return library


def find_method(method_id: str, extra_dirs: Sequence[Path] = ()) -> LibraryEntry:
    """The method that `load_library` would pick for `method_id`, loading as little as possible.

    Folders are tried from the highest priority down. In each, `<id>.yaml` is
    tried first, then files whose text declares `id: <id>`. Only when that finds
    nothing is the whole library loaded (ids written in an unusual YAML style),
    which also gives the did-you-mean hint. A broken file that is clearly the
    one asked for raises its MethodError.
    """
    for origin, folder in reversed(search_path(extra_dirs)):
        for path in _candidates(folder, method_id):
            method, doc = load_located(path)
            if method_id in (method.id, path.stem):  # either way this is the file asked for
                check_file_name(path, method, doc)
                return LibraryEntry(method, path, origin)
    library = load_library(extra_dirs)
    entry = library.get(method_id)
    if entry is not None:
        return entry
    hint = did_you_mean(method_id, sorted(library.entries))
    raise MethodNotFound(t("library.not_found", id=method_id, hint=hint))


def check_file_name(path: Path, method: Method, doc: Document) -> None:
    """A method file is named after its id; otherwise a MethodError says how to fix it."""
    if path.stem == method.id:
        return
    line, column = doc.position(("id",))
    message = t("library.file_name", id=method.id, file=path.name, stem=path.stem)
    raise MethodError([Problem(str(path), line, column, "id", message)])


def _candidates(folder: Path, method_id: str) -> Iterable[Path]:
    files = method_files(folder)
    named = [p for p in files if p.stem == method_id]
    yield from named
    declares = re.compile(
        rf"""^["']?id["']?[ \t]*:[ \t]*["']?{re.escape(method_id)}["']?[ \t]*(?:#.*)?$""",
        re.MULTILINE,
    )
    for path in files:
        if path in named:
            continue
        try:
            text = read_method_text(path)
        except MethodError:
            continue
        if declares.search(text):
            yield path


def _missing_folder(origin: Origin, folder: Path) -> BrokenFile:
    problem = Problem(str(folder), 1, 1, "", t("library.folder_missing"))
    return BrokenFile(folder, origin, MethodError([problem]))
