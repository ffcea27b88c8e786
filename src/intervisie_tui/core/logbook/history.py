"""A group's history, read from the Markdown logs in its folder: no private database.

What a new session needs from earlier ones: the action items still open (for
the look-back step), who brought the case last time, a fair rotation of roles,
and attendance for accreditation. A log that cannot be read is listed in
`skipped` by name and left out; it never stops the rest.

An item is open while no copy of it in any log is closed: ticked `[x]` (done)
or struck through (dropped); continued stays as it was. Its text is that
of the newest hand-edited copy, else of the newest copy; its source is the log
it first appeared in. Two logs of the same session (say, one mailed back after
an import) count once: the finished one, else the later one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from intervisie_tui import paths
from intervisie_tui.core.group import GroupFile, GroupFileError, load_group_file
from intervisie_tui.core.logbook.items import LogItem
from intervisie_tui.core.logbook.naming import GROUP_FILE, group_dir, log_files
from intervisie_tui.core.logbook.parse import LogParseError, LogRecord, read_front, read_log
from intervisie_tui.core.method import Method
from intervisie_tui.core.setup import OpenItem
from intervisie_tui.i18n import t_lang

ROTATING_ROLES = ("inbrenger", "tijdbewaker", "voorzitter")


@dataclass(frozen=True)
class Skipped:
    """A file in the group folder that could not be read, and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class AttendanceRow:
    name: str
    sessions: int
    inbrenger: int
    tijdbewaker: int


@dataclass
class GroupHistory:
    """Every readable log of one group, oldest first, with what could not be read."""

    folder: Path
    group: str
    sessions: list[LogRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    group_file: GroupFile | None = None

    # -- follow-up ----------------------------------------------------------------------

    def _item_states(self) -> dict[str, tuple[LogRecord, LogItem, bool]]:
        """key -> (log it first appeared in, the copy to show, closed)."""
        states: dict[str, tuple[LogRecord, LogItem, bool]] = {}
        for record in self.sessions:
            for item in record.items:
                if item.key not in states:
                    states[item.key] = (record, item, item.closed)
                    continue
                origin, shown, closed = states[item.key]
                if item.edited or not shown.edited:
                    shown = item
                states[item.key] = (origin, shown, closed or item.closed)
        return states

    def open_items(self) -> list[OpenItem]:
        """Action items of earlier sessions not closed since, oldest first."""
        return [
            OpenItem(
                key=key,
                text=item.text,
                owner=item.owner,
                due=item.due,
                source=origin.name,
                session_date=origin.front.date,
            )
            for key, (origin, item, closed) in self._item_states().items()
            if not closed
        ]

    def open_count(self, record: LogRecord) -> int:
        """How many items that first appeared in `record` are still open."""
        return sum(
            1
            for origin, _, closed in self._item_states().values()
            if origin is record and not closed
        )

    def previous_inbrenger(self) -> tuple[str, ...]:
        """Who brought the case in the last session that was held to the end.

        A session broken off halfway (status running) may not have got to the
        advice yet, so its inbrenger is not the one to ask what they did with it.
        """
        finished = [s for s in self.sessions if s.front.status == "finished"]
        return finished[-1].holders("inbrenger") if finished else ()

    def last_participants(self) -> tuple[str, ...]:
        return tuple(self.sessions[-1].front.participants) if self.sessions else ()

    def topic_titles(self) -> list[str]:
        return [topic.title for topic in self.group_file.topics] if self.group_file else []

    def summary_text(self, lang: str) -> str:
        """One or two lines about the group for the setup screen."""
        parts = []
        if self.group_file and self.group_file.goal:
            parts.append(t_lang(lang, "history.goal", goal=self.group_file.goal))
        if self.sessions:
            last = self.sessions[-1].front
            count, open_count = len(self.sessions), len(self.open_items())
            sessions = t_lang(
                lang,
                "history.sessions_one" if count == 1 else "history.sessions",
                count=count,
                date=last.date.isoformat(),
                method=last.method_name or last.method,
            )
            key = {0: "history.open_none", 1: "history.open_one"}.get(open_count, "history.open")
            parts.append(f"{sessions}; {t_lang(lang, key, open=open_count)}.")
        else:
            parts.append(t_lang(lang, "history.new"))
        if self.skipped:
            names = ", ".join(s.name for s in self.skipped)
            parts.append(t_lang(lang, "history.skipped", names=names))
        return "\n".join(parts)


def load_group(root: Path | None, group: str) -> GroupHistory:
    """Read the folder of `group` under the log root (None: the default root)."""
    return load_folder(group_dir(root, group), group)


def load_folder(folder: Path, group: str = "") -> GroupHistory:
    history = GroupHistory(folder=folder, group=group or folder.name)
    try:
        history.group_file = load_group_file(folder / GROUP_FILE)
    except GroupFileError as problem:
        history.skipped.append(Skipped(GROUP_FILE, str(problem)))
    records: dict[str, LogRecord] = {}
    try:
        files = log_files(folder)
    except OSError as problem:
        history.skipped.append(Skipped(folder.name, problem.strerror or str(problem)))
        files = []
    for path in files:
        try:
            record = read_log(path)
        except LogParseError as problem:
            history.skipped.append(Skipped(path.name, problem.reason))
            continue
        key = record.front.session_id or path.name
        if key not in records or _better(record, records[key]):
            records[key] = record
    history.sessions = sorted(records.values(), key=lambda r: (*r.front.sort_key, r.name))
    return history


def _better(new: LogRecord, old: LogRecord) -> bool:
    """Of two logs of one session, prefer the finished, then the later ended, one."""
    rank = (new.front.status == "finished", new.front.end or "", new.name)
    return rank > (old.front.status == "finished", old.front.end or "", old.name)


def group_folders(root: Path | None) -> list[Path]:
    """Folders under the log root that hold logs or a group file."""
    base = paths.log_dir(root)
    try:
        folders = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    found = []
    for folder in folders:
        try:
            if log_files(folder) or (folder / GROUP_FILE).is_file():
                found.append(folder)
        except OSError:
            continue
    return found


def known_groups(root: Path | None) -> list[str]:
    """Groups with a folder under the log root, by the name their newest log gives."""
    names = []
    for folder in group_folders(root):
        name = folder.name
        for path in reversed(log_files(folder)):
            try:
                name = read_front(path).group
                break
            except LogParseError:
                continue
        names.append(name)
    return sorted(names, key=str.casefold)


def suggest_roles(
    sessions: Sequence[LogRecord] | GroupHistory, participants: Sequence[str], method: Method
) -> dict[str, tuple[str, ...]]:
    """Inbrenger, tijdbewaker and voorzitter (as far as the method has them), rotated fairly.

    Each goes to who held it least recently: never first, then longest ago; ties
    by fewest times, then the order of `participants`. Nobody gets two of these
    roles while someone is still free, and never two exclusive roles.
    """
    records = sessions.sessions if isinstance(sessions, GroupHistory) else list(sessions)
    result: dict[str, tuple[str, ...]] = {}
    taken: dict[str, list[str]] = {}  # folded name -> role ids given
    order = {_fold(name): index for index, name in enumerate(participants)}
    for role_id in ROTATING_ROLES:
        role = method.role(role_id)
        if role is None or role.rest:
            continue
        wanted = max(role.min, 1) if role.max is None else min(max(role.min, 1), role.max)
        ranked = sorted(participants, key=lambda n: _rank(records, role_id, n, order))
        free = [n for n in ranked if _fold(n) not in taken]
        allowed = [
            n for n in ranked if _fold(n) in taken and _may_add(method, role_id, taken[_fold(n)])
        ]
        chosen = tuple((free + allowed)[:wanted])
        for name in chosen:
            taken.setdefault(_fold(name), []).append(role_id)
        if chosen:
            result[role_id] = chosen
    return result


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


class _RoleHolders(Protocol):
    """What ranking needs of a past session (a LogRecord): who held a role."""

    def holders(self, role_id: str) -> tuple[str, ...]: ...


def _rank(
    records: Sequence[_RoleHolders], role_id: str, name: str, order: dict[str, int]
) -> tuple[int, int, int]:
    folded = _fold(name)
    held = [i for i, r in enumerate(records) if folded in {_fold(n) for n in r.holders(role_id)}]
    last = held[-1] if held else -1
    return (last, len(held), order[folded])


def _may_add(method: Method, role_id: str, held: list[str]) -> bool:
    role = method.role(role_id)
    if role is None or not role.exclusive:
        return True
    return not any((other := method.role(r)) is not None and other.exclusive for r in held)


def attendance(
    history: GroupHistory, months: int = 24, today: date | None = None
) -> list[AttendanceRow]:
    """Per participant over the last `months`: sessions attended, times inbrenger, tijdbewaker."""
    since = months_before(today or date.today(), months)
    rows: dict[str, list] = {}  # folded -> [shown name, sessions, inbrenger, tijdbewaker]
    for record in history.sessions:
        if record.front.date < since:
            continue
        inbrengers = {_fold(n) for n in record.holders("inbrenger")}
        timekeepers = {_fold(n) for n in record.holders("tijdbewaker")}
        present = {_fold(name): name for name in record.front.participants}
        for folded, name in present.items():
            row = rows.setdefault(folded, [name, 0, 0, 0])
            row[0] = name
            row[1] += 1
            row[2] += folded in inbrengers
            row[3] += folded in timekeepers
    return sorted((AttendanceRow(*row) for row in rows.values()), key=lambda r: r.name.casefold())


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return date(year, month, 1)
