"""Read a session log back: front matter, action items, follow-up decisions, insights.

History travels in the Markdown files themselves, so this reader must cope
with logs edited by hand: an item ticked `[x]` is closed, a fixed typo is the
new text, one struck through is dropped (see items.py for how an item keeps
its identity), headings are
recognised in Dutch and English. A file that cannot be read raises
`LogParseError` naming the file; callers listing many logs skip it and go on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml
from pydantic import ValidationError

from intervisie_tui.core import yaml_safe
from intervisie_tui.core.logbook.front import LogFront, split_front
from intervisie_tui.core.logbook.items import TASK, LogItem, parse_item
from intervisie_tui.core.logbook.markdown import unescape_lines
from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import LANGUAGES, t, t_lang
from intervisie_tui.safe_text import visible, visible_data

MAX_LOG_BYTES = 5 * 1024 * 1024
SECTIONS = (
    "attendance",
    "question",
    "agenda",
    "followup",
    "steps",
    "insights",
    "actions",
    "evaluation",
)
_ITEM_START = re.compile(r"^[-*+](?: |$)")
_NESTED = re.compile(r"^\s+(?:[-*+]|\d{1,9}[.)])(?: |$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class LogParseError(IntervisieError):
    """A log file that cannot be read; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(t("log.parse.failed", name=name, reason=reason))


@dataclass(frozen=True)
class LogRecord:
    """What one log says: its front matter, its action items (one per id) and insights."""

    path: Path
    front: LogFront
    items: tuple[LogItem, ...] = ()
    insights: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.name

    def holders(self, role_id: str) -> tuple[str, ...]:
        return self.front.holders(role_id)


def read_log(path: Path) -> LogRecord:
    """Read and parse one log file; LogParseError when it cannot be used."""
    return parse_log(read_text(path), path)


def read_front(path: Path) -> LogFront:
    """Only the front matter (cheap: for listing groups)."""
    return _front(read_text(path), path.name)[0]


def read_text(path: Path) -> str:
    """The text of a log file, newlines normalised, control characters written out
    (`safe_text.visible`); LogParseError when unreadable."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_LOG_BYTES + 1)
    except OSError as problem:
        raise LogParseError(path.name, problem.strerror or str(problem)) from problem
    if len(data) > MAX_LOG_BYTES:
        raise LogParseError(path.name, t("log.parse.too_big"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise LogParseError(path.name, t("log.parse.not_utf8")) from problem
    # a mailed log may carry escape sequences: from here on they are plain, visible text
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def _front(text: str, name: str) -> tuple[LogFront, str]:
    parts = split_front(text)
    if parts is None:
        raise LogParseError(name, t("log.parse.no_front"))
    source, body, _ = parts
    try:
        data = yaml.load(source, Loader=yaml_safe.SAFE_LOADER)
    except yaml.YAMLError as problem:
        raise LogParseError(name, t("log.parse.yaml", line=_error_line(source))) from problem
    if not isinstance(data, dict):
        raise LogParseError(name, t("log.parse.no_front"))
    try:
        return LogFront.model_validate(visible_data(data)), body  # "\e" in YAML is an ESC
    except ValidationError as problem:
        first = problem.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "-"
        raise LogParseError(name, t("log.parse.field", field=where, error=first["msg"])) from None


def _error_line(source: str) -> int:
    """The file line of a YAML error, as PyYAML's own parser places it (libyaml often
    points past the end of an unclosed bracket); the front matter starts on line 2."""
    try:
        yaml.load(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        return mark.line + 2 if mark is not None else 1
    return 1


def parse_log(text: str, path: Path) -> LogRecord:
    """Parse the text of a log; `path` names it in errors and in item ids."""
    front, body = _front(text, path.name)
    items: dict[str, LogItem] = {}
    insights: list[str] = []
    for found in list_items(body):
        lines = found.lines
        if TASK.match(lines[0]):
            item = parse_item(lines, path.name)
            if item is not None:
                items[item.key] = _merge(items.get(item.key), item)
        elif found.section == "insights":
            insights.append(bullet_text(lines))
    return LogRecord(path, front, tuple(items.values()), tuple(insights))


def _merge(earlier: LogItem | None, later: LogItem) -> LogItem:
    """Two copies of one item in one log: a hand-edited copy wins, a tick anywhere counts."""
    if earlier is None:
        return later
    base = later if later.edited and not earlier.edited else earlier
    return replace(
        base,
        done=earlier.done or later.done,
        dropped=earlier.dropped or later.dropped,
        decision=earlier.decision or later.decision,
        edited=earlier.edited or later.edited,
    )


@cache
def _section_names() -> dict[str, str]:
    return {t_lang(lang, f"log.h.{key}").casefold(): key for lang in LANGUAGES for key in SECTIONS}


def bullet_text(lines: list[str]) -> str:
    """The user text of a plain list item (`- text` and its continuation lines)."""
    return unescape_lines([lines[0][2:], *lines[1:]])


class ListItem(NamedTuple):
    """A top-level list item with its continuation lines, under the headings above it."""

    section: str | None
    """The `##` section (a key of SECTIONS), None when unknown."""
    heading: str
    """The last `###` heading in that section ("" before the first one)."""
    subheading: str
    """The last `####` heading under that `###` heading."""
    lines: list[str]


def list_items(body: str) -> list[ListItem]:
    """Top-level list items of a log's body, with the headings each one stands under."""
    lines = body.split("\n")
    found: list[ListItem] = []
    section: str | None = None
    heading = subheading = ""
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
        elif line.startswith("## "):
            section = _section_names().get(line[3:].strip(" #").casefold())
            heading = subheading = ""
        elif line.startswith("### "):
            heading, subheading = line[4:].strip(), ""
        elif line.startswith("#### "):
            subheading = line[5:].strip()
        elif _ITEM_START.match(line):
            end = index
            while end < len(lines) and _continues(lines[end]):
                end += 1
            found.append(ListItem(section, heading, subheading, lines[index - 1 : end]))
            index = end
    return found


def _continues(line: str) -> bool:
    return line.startswith(("  ", "\t")) and bool(line.strip()) and not _NESTED.match(line)
