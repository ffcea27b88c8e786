"""A session's entries read back from its own log, step by step: to recover a damaged journal.

The log shows every live entry under the step it was typed in (`### 3. Vragen`,
then `#### Notities`, `#### Inzichten`, `#### Rondje`, `#### Actiepunten`),
except those of the evaluation steps, which stand under `## Evaluatie` with the
kind as a `###` heading and no step (so they may belong to any evaluation step).
The closing lists (all insights, all action items) repeat what the steps show
and are skipped. Headings are recognised in Dutch and English; the inverse of
render.py, as markdown.py is the inverse of its escaping. Passed go-around turns
(`- Bo: *gepast*`) are not entries. Follow-up decisions come from the look-back
section, as parse.py reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from intervisie_tui.core.logbook.front import split_front
from intervisie_tui.core.logbook.items import TASK, parse_item
from intervisie_tui.core.logbook.markdown import unescape_lines
from intervisie_tui.core.logbook.parse import (
    LogParseError,
    bullet_text,
    list_items,
    parse_log,
    read_text,
)
from intervisie_tui.core.logbook.render import evaluation_steps
from intervisie_tui.core.plan import Plan
from intervisie_tui.core.state import EntryKind
from intervisie_tui.i18n import LANGUAGES, t, t_lang

_STEP = re.compile(r"^(\d{1,6})\. ")
_SPEAKER = re.compile(r"^((?:\\.|[^\\:])+): (.*)$", re.DOTALL)
_KINDS: dict[str, EntryKind] = {
    "sub.notes": "note",
    "sub.insights": "insight",
    "sub.statements": "statement",
    "sub.actions": "action",
}
DECIDED = ("done", "continued", "dropped")
_OLD_KIND_NAMES: dict[str, EntryKind] = {"aantekeningen": "note"}
"""Headings of earlier versions, still read: notes were `#### Aantekeningen` before."""


@dataclass(frozen=True)
class LoggedEntry:
    """One entry as the log shows it (text unescaped, as typed but for control characters)."""

    kind: EntryKind
    steps: tuple[int, ...]
    """The step it stands under; every evaluation step for one under `## Evaluatie`."""
    text: str
    owner: str | None = None
    due: date | None = None
    participant: str | None = None
    key: str | None = None
    """Action items: the identity in the log (`<!-- id=... -->`)."""
    altered: bool = False
    """Action items: no longer what the app wrote (changed by hand, or damaged)."""


@dataclass(frozen=True)
class LoggedSession:
    """What a session's log shows of its entries and its follow-up decisions."""

    path: Path
    session_id: str
    entries: tuple[LoggedEntry, ...]
    decisions: tuple[tuple[str, str], ...]
    """(follow-up key, done/continued/dropped), in the order the log shows them."""


def read_entries(path: Path, plan: Plan) -> LoggedSession:
    """The entries of the session log at `path`, for the session of `plan`.

    Raises LogParseError when the file cannot be read as a log.
    """
    text = read_text(path)
    record = parse_log(text, path)
    parts = split_front(text)
    if parts is None:  # parse_log refused it already; for the type checker
        raise LogParseError(path.name, t("log.parse.no_front"))
    evaluation = tuple(step.index for step in evaluation_steps(plan))
    found: list[LoggedEntry] = []
    for item in list_items(parts[1]):
        steps: tuple[int, ...]
        if item.section == "steps":
            number = _STEP.match(item.heading)
            steps = (int(number.group(1)) - 1,) if number else ()
            kind = _kind(item.subheading)
        elif item.section == "evaluation":
            steps, kind = evaluation, _kind(item.heading)
        else:
            continue
        if kind is None or not steps or not 0 <= steps[0] < len(plan.steps):
            continue
        entry = _entry(kind, steps, item.lines, path.name)
        if entry is not None:
            found.append(entry)
    open_keys = {item.key for item in plan.setup.open_items}
    decisions = tuple(
        (item.key, item.decision)
        for item in record.items
        if item.key in open_keys and item.decision in DECIDED
    )
    return LoggedSession(path, record.front.session_id or "", tuple(found), decisions)


def _entry(
    kind: EntryKind, steps: tuple[int, ...], lines: list[str], source: str
) -> LoggedEntry | None:
    if kind == "action":
        if not TASK.match(lines[0]):
            return None
        item = parse_item(lines, source)
        if item is None:
            return None
        return LoggedEntry(
            kind, steps, item.text, item.owner, item.due, key=item.key, altered=item.edited
        )
    if kind == "statement":
        if len(lines) == 1 and lines[0].endswith(_passed_marks()):
            return None  # a turn passed, not something said
        spoken = _SPEAKER.match(lines[0][2:])
        if spoken:
            name = unescape_lines([spoken.group(1)]).strip()
            return LoggedEntry(
                kind, steps, unescape_lines([spoken.group(2), *lines[1:]]), participant=name
            )
    return LoggedEntry(kind, steps, bullet_text(lines))


@cache
def _kind_names() -> dict[str, EntryKind]:
    return _OLD_KIND_NAMES | {
        t_lang(lang, f"log.{key}").casefold(): kind
        for lang in LANGUAGES
        for key, kind in _KINDS.items()
    }


def _kind(heading: str) -> EntryKind | None:
    return _kind_names().get(heading.strip(" #").casefold())


@cache
def _passed_marks() -> tuple[str, ...]:
    return tuple(f": *{t_lang(lang, 'log.passed')}*" for lang in LANGUAGES)
