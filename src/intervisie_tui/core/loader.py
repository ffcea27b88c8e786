"""Method files -> `Method`, or a `MethodError` that lists every problem with its place.

The loader is the only way a method file enters the app. Whatever the file
holds (30 MB, binary, Latin-1, tabs, alias bombs, python tags, 5000-deep
nesting), the outcome is a Method or a MethodError, never another exception:
a broken file must not take the other methods, or the app, down with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from intervisie_tui.core.explain import describe, validation_problems
from intervisie_tui.core.method import Method
from intervisie_tui.core.method_checks import reference_problems
from intervisie_tui.core.problems import Loc, MethodError, Problem, format_loc, line_column
from intervisie_tui.core.yaml_safe import Document, parse_yaml
from intervisie_tui.i18n import t
from intervisie_tui.safe_text import shown, unsafe_characters

MAX_BYTES = 1024 * 1024
"""Method files are a few KB; anything over 1 MB is refused before it is parsed."""

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_SHOWN = 10
"""Control characters are listed up to this many: a file full of them is one kind of problem."""


def load_method_file(path: Path | str) -> Method:
    """Read and validate one method file."""
    return load_located(Path(path))[0]


def load_method_text(text: str, source_name: str) -> Method:
    """Validate method text; `source_name` is what problems show as the file."""
    return _load_text(text, source_name)[0]


def load_located(path: Path) -> tuple[Method, Document]:
    """Method plus the document's marks (the library uses them to point at `id`)."""
    return _load_text(read_method_text(path), str(path))


def read_method_text(path: Path) -> str:
    """The file as text, refusing what is too large, binary or not UTF-8."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _whole_file(source, "load.too_large", size=_megabytes(size), limit=1)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _whole_file(source, "load.not_found") from None
    except IsADirectoryError:
        raise _whole_file(source, "load.is_folder") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise _whole_file(source, "load.unreadable", reason=reason) from None
    if len(data) > MAX_BYTES:
        raise _whole_file(source, "load.too_large", size=_megabytes(len(data)), limit=1)
    return decode(data, source)


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM); otherwise say which byte is wrong and where."""
    if data.startswith(_UTF16_BOMS):
        raise _whole_file(source, "load.utf16")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(data, nul)
        raise MethodError([Problem(source, line, column, "", t("load.binary", offset=nul))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        message = t("load.encoding", byte=f"{data[error.start]:02X}", offset=error.start)
        raise MethodError([Problem(source, line, column, "", message)]) from None


def _load_text(text: str, source: str) -> tuple[Method, Document]:
    if len(text) > MAX_BYTES:
        raise _whole_file(source, "load.too_large", size=_megabytes(len(text)), limit=1)
    nul = text.find("\x00")
    if nul >= 0:
        line, column = line_column(text, nul)
        raise MethodError([Problem(source, line, column, "", t("load.binary", offset=nul))])
    if not text.strip():
        raise _whole_file(source, "load.empty")
    _refuse_control_characters(text, source)
    doc = parse_yaml(text, source)
    if doc.data is None:
        raise _whole_file(source, "load.no_content")
    _refuse_escaped_control_characters(doc, source)
    if not isinstance(doc.data, dict):
        line, column = doc.position(())
        message = t("load.not_mapping", found=describe(doc.data))
        raise MethodError([Problem(source, line, column, "", message)])
    try:
        method = Method.model_validate(doc.data, context={"defer_references": True})
    except ValidationError as error:
        raise MethodError(validation_problems(error, doc, source)) from None
    problems = []
    for loc, message in reference_problems(method):
        on_key = len(loc) >= 2 and loc[-2] == "prompts"
        line, column = doc.position(tuple(loc), prefer_key=on_key)
        problems.append(Problem(source, line, column, format_loc(tuple(loc)), message))
    if problems:
        raise MethodError(problems)
    return method, doc


def _refuse_control_characters(text: str, source: str) -> None:
    """An escape sequence or other control character in a method file: refused, with where."""
    problems = []
    for offset, char in unsafe_characters(text):
        if char == "\r" and text.startswith("\n", offset + 1):
            continue  # a Windows line end
        line, column = line_column(text, offset)
        problems.append(Problem(source, line, column, "", t("load.control", char=shown(char))))
    if problems:
        raise MethodError(problems[:MAX_SHOWN])


def _refuse_escaped_control_characters(doc: Document, source: str) -> None:
    """The same for a control character written as a YAML escape (`"\\e"`, `"\\x1b"`)."""
    problems = []
    for loc, text in _strings(doc.data, ()):
        found = unsafe_characters(text)
        if found:
            line, column = doc.position(loc)
            message = t("load.control", char=shown(found[0][1]))
            problems.append(Problem(source, line, column, format_loc(loc), message))
    if problems:
        raise MethodError(problems[:MAX_SHOWN])


def _strings(data: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key, loc)
            yield from _strings(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*loc, index))


def _whole_file(source: str, key: str, **values: object) -> MethodError:
    return MethodError([Problem(source, 1, 1, "", t(key, **values))])


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset].decode("utf-8", errors="replace")
    return line_column(before, len(before))
