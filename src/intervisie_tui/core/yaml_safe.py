"""A strict, safe YAML reader for method files, that remembers where every value is.

Method files come from anyone (a colleague's USB stick, a shared drive), so the
reader accepts only plain data: no tags (`!!python/object`, `!custom`), no
anchors or aliases (alias bombs), no duplicate keys, one document, and no
nesting deeper than `MAX_DEPTH` (a 5000-deep file must not hit RecursionError).
It builds Python values straight from PyYAML's parser events and records the
start of every node by field path, so a pydantic error on `phases.3.duration`
can point at line and column.

Plain scalars follow the YAML 1.2 core schema, not PyYAML's YAML 1.1: `1:30`
stays the text "1:30" (YAML 1.1 reads it as the number 90), `yes` stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from intervisie_tui.core.problems import Loc, MethodError, Problem, format_loc, line_column
from intervisie_tui.i18n import t

MAX_DEPTH = 50

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_MAX_NUMBER_DIGITS = 100


@dataclass
class Document:
    """The data of a YAML file plus where each value (and each mapping key) starts."""

    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, prefer_key: bool = False) -> tuple[int, int]:
        """Line and column of `loc`, or of the nearest enclosing value that exists."""
        for end in range(len(loc), -1, -1):
            sub = loc[:end]
            if prefer_key and sub in self.key_marks:
                return self.key_marks[sub]
            if sub in self.value_marks:
                return self.value_marks[sub]
        return (1, 1)


class _TooDeep(Exception):
    """Raised out of the recursion as soon as the nesting limit is crossed."""


class _StrictComposer:
    """Our strict composer on top of a PyYAML loader's event stream (see module doc).

    Only the parser's events are used (`get_event`, `peek_event`,
    `check_event`), which the C and the pure-Python loaders share; PyYAML's
    constructor and resolver never run.
    """

    get_event: Any
    peek_event: Any
    check_event: Any

    def __init__(self, stream: str, source: str = "<text>") -> None:
        super().__init__(stream)  # type: ignore[call-arg]  # the loader's __init__
        self.source = source
        self.problems: list[Problem] = []
        self.document = Document(None)

    def get_single_data(self) -> Any:
        """The data of the only document; problems collect in `self.problems`."""
        self.get_event()  # stream start
        if self.check_event(StreamEndEvent):
            return None
        self.get_event()  # document start
        self.document.data = self._compose((), 1)
        self.get_event()  # document end
        if not self.check_event(StreamEndEvent):
            self._problem(self.get_event().start_mark, (), "load.yaml.documents")
        return self.document.data

    # -- composing --------------------------------------------------------------------

    def _problem(self, mark: Any, loc: Loc, message_key: str, **values: object) -> None:
        self.problems.append(
            Problem(
                self.source,
                mark.line + 1,
                mark.column + 1,
                format_loc(loc),
                t(message_key, **values),
            )
        )

    def _compose(self, loc: Loc, depth: int) -> Any:
        event = self.get_event()
        if depth > MAX_DEPTH:
            self._problem(event.start_mark, (), "load.yaml.too_deep", limit=MAX_DEPTH)
            raise _TooDeep
        if isinstance(event, AliasEvent):
            self._problem(event.start_mark, loc, "load.yaml.alias", name=event.anchor)
            return None
        self._check_node(event, loc)
        self.document.value_marks[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, ScalarEvent):
            plain = not event.style  # None from PyYAML's parser, "" from libyaml's
            return resolve_scalar(event.value) if plain else event.value
        if isinstance(event, SequenceStartEvent):
            items: list[Any] = []
            while not self.check_event(SequenceEndEvent):
                items.append(self._compose((*loc, len(items)), depth + 1))
            self.get_event()
            return items
        if isinstance(event, MappingStartEvent):
            return self._compose_mapping(loc, depth)
        raise AssertionError(f"unexpected YAML event {event!r}")  # the parser guarantees this

    def _compose_mapping(self, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not self.check_event(MappingEndEvent):
            key_event = self.peek_event()
            key: str | None = None
            if isinstance(key_event, ScalarEvent):
                self.get_event()
                self._check_node(key_event, loc)
                key = key_event.value
            else:
                self._problem(key_event.start_mark, loc, "load.yaml.complex_key")
                self._compose((*loc, "?"), depth + 1)
            value = self._compose((*loc, key if key is not None else "?"), depth + 1)
            if key is None:
                continue
            mark = (key_event.start_mark.line + 1, key_event.start_mark.column + 1)
            if key in result:
                first = self.document.key_marks[(*loc, key)][0]
                self._problem(
                    key_event.start_mark, (*loc, key), "load.yaml.duplicate", key=key, line=first
                )
                continue
            result[key] = value
            self.document.key_marks[(*loc, key)] = mark
        self.get_event()
        return result

    def _check_node(self, event: Any, loc: Loc) -> None:
        if event.anchor is not None:
            self._problem(event.start_mark, loc, "load.yaml.anchor", name=event.anchor)
        if event.tag is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
            self._problem(event.start_mark, loc, "load.yaml.tag", tag=tag)


class StrictSafeLoader(_StrictComposer, yaml.SafeLoader):
    """The strict loader on PyYAML's pure-Python parser."""


if TYPE_CHECKING:  # the stubs always have CSafeLoader; PyYAML has it when built with libyaml
    _CSafeLoader = yaml.CSafeLoader
else:
    _CSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


SAFE_LOADER: type[yaml.SafeLoader | yaml.CSafeLoader] = _CSafeLoader
"""Plain `yaml.safe_load` semantics (YAML 1.1, aliases allowed), on libyaml where PyYAML
has it (about 6x faster): for the front matter of session logs, which the app writes."""


class StrictCSafeLoader(_StrictComposer, _CSafeLoader):
    """The strict loader on libyaml's parser (every PyPI wheel of PyYAML has it): 5-10x faster."""


#: The loader `parse_yaml` uses; tests run the corpus through both.
LOADER: type[_StrictComposer] = StrictCSafeLoader


def resolve_scalar(text: str) -> Any:
    """A plain scalar as the YAML 1.2 core schema reads it."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if len(text) <= _MAX_NUMBER_DIGITS:
        if _INT.match(text):
            return int(text)
        if _INT_OCT.match(text):
            return int(text[2:], 8)
        if _INT_HEX.match(text):
            return int(text[2:], 16)
        if _FLOAT.match(text):
            return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def parse_yaml(text: str, source: str) -> Document:
    """Parse one YAML document strictly; raise MethodError listing what is refused."""
    problems: list[Problem] = []
    loader: Any = None
    try:
        loader = LOADER(text, source)  # the reader checks characters right here
        loader.get_single_data()
    except _TooDeep:
        pass
    except yaml.MarkedYAMLError as error:
        problems.extend(_syntax_problems(text, source, error))
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        character = getattr(error, "character", 0)
        char = character if isinstance(character, str) else chr(int(character))
        line, column = line_column(text, max(text.find(char), 0))  # libyaml counts bytes
        code = f"U+{ord(char):04X}"
        problems.append(Problem(source, line, column, "", t("load.yaml.character", code=code)))
    finally:
        if loader is not None:
            problems[:0] = loader.problems
            loader.dispose()
    if problems or loader is None:
        raise MethodError(problems)
    return loader.document


def _syntax_problems(text: str, source: str, error: yaml.MarkedYAMLError) -> list[Problem]:
    """A YAML syntax error; tabs get their own explanation on every line that has them."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    rows = text.splitlines()
    at_tab = line <= len(rows) and rows[line - 1][column - 1 : column] == "\t"
    if at_tab:
        tab_lines = {n for n, row in enumerate(rows, 1) if "\t" in _indent(row)} | {line}
        tabs = [
            Problem(source, n, rows[n - 1].index("\t") + 1, "", t("load.yaml.tab"))
            for n in sorted(tab_lines)
            if n <= len(rows) and "\t" in rows[n - 1]
        ]
        if tabs:
            return tabs
    detail = " ".join(part for part in (error.context, error.problem) if part)
    if "maximum nesting depth" in detail:  # libyaml's own limit, met before ours
        return [Problem(source, line, column, "", t("load.yaml.too_deep", limit=MAX_DEPTH))]
    return [Problem(source, line, column, "", t("load.yaml.syntax", detail=detail))]


def _indent(row: str) -> str:
    return row[: len(row) - len(row.lstrip(" \t"))]
