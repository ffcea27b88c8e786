"""A group's history, read from the Markdown logs in its folder.

The logs are the one source of truth; index.py remembers what each one said,
and `GroupDigest` what they add up to, so a start reads only what changed.

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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from intervisie_tui import paths
from intervisie_tui.core.group import GroupFile, GroupFileError, load_group_file
from intervisie_tui.core.logbook import index
from intervisie_tui.core.logbook.front import LogFront
from intervisie_tui.core.logbook.items import LogItem
from intervisie_tui.core.logbook.naming import GROUP_FILE, group_dir, log_files
from intervisie_tui.core.logbook.parse import LogParseError, LogRecord, read_front
from intervisie_tui.core.method import Method
from intervisie_tui.core.setup import OpenItem, may_hold
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
    """Present, late comers included."""
    inbrenger: int
    tijdbewaker: int
    absent: int = 0
    late: int = 0
    left_early: int = 0


RoleStats = dict[str, dict[str, tuple[int, int]]]
"""Role id -> folded name -> (index of the last session they held it in, how often)."""


@dataclass(frozen=True)
class GroupDigest:
    """What a new session needs of a group's history, small whatever the history's length.

    Computed once from the logs (`GroupHistory`) and kept in the history index,
    so a start with years of logs reads a few hundred bytes, not every log.
    """

    count: int = 0
    last_date: date | None = None
    last_method: str = ""
    last_participants: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    """Who was in a session, or was missed in one (attendance), newest first."""
    previous_inbrenger: tuple[str, ...] = ()
    open_items: tuple[OpenItem, ...] = ()
    open_by_log: dict[str, int] = field(default_factory=dict)
    """Log file name -> how many items that first appeared in it are still open."""
    roles: RoleStats = field(default_factory=dict)
    skipped: tuple[Skipped, ...] = ()

    @classmethod
    def of(cls, sessions: Sequence[LogRecord], skipped: Sequence[Skipped]) -> GroupDigest:
        states = _item_states(sessions)
        open_by_log: dict[str, int] = {}
        for origin, _, closed in states.values():
            if not closed:
                open_by_log[origin.name] = open_by_log.get(origin.name, 0) + 1
        finished = [s for s in sessions if s.front.status == "finished"]
        last = sessions[-1].front if sessions else None
        return cls(
            count=len(sessions),
            last_date=last.date if last else None,
            last_method=(last.method_name or last.method) if last else "",
            last_participants=tuple(last.participants) if last else (),
            members=_members(sessions),
            # a session broken off halfway (status running) may not have got to the
            # advice yet, so its inbrenger is not the one to ask what they did with it
            previous_inbrenger=finished[-1].holders("inbrenger") if finished else (),
            open_items=tuple(
                OpenItem(
                    key=key,
                    text=item.text,
                    owner=item.owner,
                    due=item.due,
                    source=origin.name,
                    session_date=origin.front.date,
                )
                for key, (origin, item, closed) in states.items()
                if not closed
            ),
            open_by_log=open_by_log,
            roles=role_stats(sessions),
            skipped=tuple(skipped),
        )

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["last_date"] = self.last_date.isoformat() if self.last_date else None
        data["open_items"] = [item.model_dump(mode="json") for item in self.open_items]
        data["skipped"] = [[s.name, s.reason] for s in self.skipped]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GroupDigest:
        """Raises KeyError, TypeError or ValueError for data this class did not write."""
        found = dict(data)
        found["last_date"] = date.fromisoformat(data["last_date"]) if data["last_date"] else None
        found["open_items"] = tuple(OpenItem.model_validate(i) for i in data["open_items"])
        found["skipped"] = tuple(Skipped(str(name), str(why)) for name, why in data["skipped"])
        found["last_participants"] = tuple(map(str, data["last_participants"]))
        found["members"] = tuple(map(str, data["members"]))
        found["previous_inbrenger"] = tuple(map(str, data["previous_inbrenger"]))
        found["roles"] = {
            str(role): {str(name): (int(last), int(times)) for name, (last, times) in held.items()}
            for role, held in data["roles"].items()
        }
        found["open_by_log"] = {str(name): int(n) for name, n in data["open_by_log"].items()}
        return cls(**found)


def _members(sessions: Sequence[LogRecord]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for record in reversed(sessions):
        for name in (*record.front.present, *record.front.absent):
            seen.setdefault(_fold(name), name)
    return tuple(seen.values())


def _item_states(sessions: Sequence[LogRecord]) -> dict[str, tuple[LogRecord, LogItem, bool]]:
    """key -> (log it first appeared in, the copy to show, closed)."""
    states: dict[str, tuple[LogRecord, LogItem, bool]] = {}
    for record in sessions:
        for item in record.items:
            if item.key not in states:
                states[item.key] = (record, item, item.closed)
                continue
            origin, shown, closed = states[item.key]
            if item.edited or not shown.edited:
                shown = item
            states[item.key] = (origin, shown, closed or item.closed)
    return states


@dataclass
class GroupStart:
    """A group as a new session sees it: the digest of its history and its group file."""

    folder: Path
    group: str
    digest: GroupDigest = field(default_factory=GroupDigest)
    group_file: GroupFile | None = None

    def open_items(self) -> list[OpenItem]:
        """Action items of earlier sessions not closed since, oldest first."""
        return list(self.digest.open_items)

    def previous_inbrenger(self) -> tuple[str, ...]:
        """Who brought the case in the last session that was held to the end."""
        return self.digest.previous_inbrenger

    def last_participants(self) -> tuple[str, ...]:
        return self.digest.last_participants

    def members(self) -> tuple[str, ...]:
        """Everyone who was in a session of the group, or was missed in one, newest first."""
        return self.digest.members

    def topic_titles(self) -> list[str]:
        return [topic.title for topic in self.group_file.topics] if self.group_file else []

    def summary_text(self, lang: str) -> str:
        """One or two lines about the group for the setup screen."""
        digest = self.digest
        parts = []
        if self.group_file and self.group_file.goal:
            parts.append(t_lang(lang, "history.goal", goal=self.group_file.goal))
        if digest.count and digest.last_date:
            count, open_count = digest.count, len(digest.open_items)
            sessions = t_lang(
                lang,
                "history.sessions",
                count=count,
                date=digest.last_date.isoformat(),
                method=digest.last_method,
            )
            key = {0: "history.open_none", 1: "history.open_one"}.get(open_count, "history.open")
            parts.append(f"{sessions}; {t_lang(lang, key, open=open_count)}.")
        else:
            parts.append(t_lang(lang, "history.new"))
        if digest.skipped:
            names = ", ".join(s.name for s in digest.skipped)
            parts.append(t_lang(lang, "history.skipped", names=names))
        return "\n".join(parts)


@dataclass
class GroupHistory(GroupStart):
    """Every readable log of one group, oldest first, with what could not be read.

    `sessions` hold each log's front matter; what the action items add up to
    is in the digest (`open_items`, `open_count`), computed once from them.
    """

    sessions: list[LogRecord] = field(default_factory=list)

    @property
    def skipped(self) -> list[Skipped]:
        return list(self.digest.skipped)

    def open_count(self, record: LogRecord) -> int:
        """How many items that first appeared in `record` are still open."""
        return self.digest.open_by_log.get(record.name, 0)


def load_start(root: Path | None, group: str) -> GroupStart:
    """What a new session of `group` needs: from the index when no log changed since."""
    folder = group_dir(root, group)
    found = GroupStart(folder=folder, group=group)
    try:
        listing = index.scan(folder)
    except OSError:
        return load_folder(folder, group)  # load_folder names the folder in `skipped`
    cached = index.load_part(folder, "start", listing)
    try:
        found.digest = GroupDigest.from_json(cached) if cached is not None else found.digest
    except (KeyError, TypeError, ValueError, AttributeError):
        cached = None
    if cached is None:
        return load_folder(folder, group)
    found.group_file, problem = _group_file(folder)
    if problem is not None:
        found.digest = replace(found.digest, skipped=(problem, *found.digest.skipped))
    return found


def load_group(root: Path | None, group: str) -> GroupHistory:
    """Read the folder of `group` under the log root (None: the default root)."""
    return load_folder(group_dir(root, group), group)


def load_folder(folder: Path, group: str = "") -> GroupHistory:
    """Every log of the folder, through the index: only changed files are read again."""
    history = GroupHistory(folder=folder, group=group or folder.name)
    history.group_file, problem = _group_file(folder)
    skipped = [problem] if problem else []
    try:
        listing = index.scan(folder)
    except OSError as problem_:
        skipped.append(Skipped(folder.name, problem_.strerror or str(problem_)))
        history.digest = GroupDigest(skipped=tuple(skipped))
        return history
    fronts = index.load_part(folder, "sessions", listing)
    digest = index.load_part(folder, "start", listing)
    if fronts is not None and digest is not None:
        try:
            history.sessions = [
                LogRecord(folder / name, LogFront.model_validate(front)) for name, front in fronts
            ]
            found = GroupDigest.from_json(digest)
            history.digest = replace(found, skipped=(*skipped, *found.skipped))
            return history
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # not what we wrote: read the logs
    records: dict[str, LogRecord] = {}
    log_skipped: list[Skipped] = []
    for path, record in index.read_folder(folder, listing):
        if isinstance(record, LogParseError):
            log_skipped.append(Skipped(path.name, record.reason))
            continue
        key = record.front.session_id or path.name
        if key not in records or _better(record, records[key]):
            records[key] = record
    sessions = sorted(records.values(), key=lambda r: (*r.front.sort_key, r.name))
    found = GroupDigest.of(sessions, log_skipped)
    index.save_parts(
        folder,
        listing,
        {
            "start": found.to_json(),
            "sessions": [[r.name, r.front.model_dump(mode="json")] for r in sessions],
        },
    )
    history.sessions = [replace(r, items=()) for r in sessions]
    history.digest = replace(found, skipped=(*skipped, *found.skipped))
    return history


def _group_file(folder: Path) -> tuple[GroupFile | None, Skipped | None]:
    try:
        return load_group_file(folder / GROUP_FILE), None
    except GroupFileError as problem:
        return None, Skipped(GROUP_FILE, str(problem))


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
    sessions: Sequence[LogRecord] | GroupStart,
    participants: Sequence[str],
    method: Method,
    given: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Inbrenger, tijdbewaker and voorzitter (as far as the method has them), rotated fairly.

    Each goes to who held it least recently: never first, then longest ago; ties
    by fewest times, then the order of `participants`. Roles in `given` (typed,
    or on the command line) stay as they are and are not in the result; their
    holders count as taken. Nobody gets two of these roles while someone is
    still free, and the holder of an exclusive role gets no other (`may_hold`).
    """
    stats = sessions.digest.roles if isinstance(sessions, GroupStart) else role_stats(sessions)
    given = given or {}
    result: dict[str, tuple[str, ...]] = {}
    taken: dict[str, list[str]] = {}  # folded name -> role ids given
    for role_id, names in given.items():
        for name in names:
            taken.setdefault(_fold(name), []).append(role_id)
    order = {_fold(name): index for index, name in enumerate(participants)}
    for role_id in ROTATING_ROLES:
        role = method.role(role_id)
        if role is None or role.rest or role_id in given:
            continue
        wanted = max(role.min, 1) if role.max is None else min(max(role.min, 1), role.max)
        ranked = sorted(participants, key=lambda n: _rank(stats, role_id, n, order))
        free = [n for n in ranked if _fold(n) not in taken]
        allowed = [
            n for n in ranked if _fold(n) in taken and may_hold(method, role_id, taken[_fold(n)])
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


def role_stats(records: Sequence[_RoleHolders]) -> RoleStats:
    """Per rotating role, who held it: the index of their last session and how often."""
    stats: RoleStats = {role_id: {} for role_id in ROTATING_ROLES}
    for index_, record in enumerate(records):
        for role_id, held in stats.items():
            for folded in {_fold(n) for n in record.holders(role_id)}:
                held[folded] = (index_, held.get(folded, (-1, 0))[1] + 1)
    return stats


def _rank(stats: RoleStats, role_id: str, name: str, order: dict[str, int]) -> tuple[int, int, int]:
    folded = _fold(name)
    last, times = stats.get(role_id, {}).get(folded, (-1, 0))
    return (last, times, order[folded])


def attendance(
    history: GroupHistory, months: int = 24, today: date | None = None
) -> list[AttendanceRow]:
    """Per member over the last `months`: present (late included), absent, late, left early,
    times inbrenger and tijdbewaker."""
    since = months_before(today or date.today(), months)
    rows: dict[str, dict] = {}  # folded -> the counts, and the name as last written
    for record in history.sessions:
        front = record.front
        if front.date < since:
            continue
        inbrengers = {_fold(n) for n in record.holders("inbrenger")}
        timekeepers = {_fold(n) for n in record.holders("tijdbewaker")}
        marks = (
            ("sessions", front.present),
            ("absent", front.absent),
            ("late", front.late),
            ("left_early", front.left_early),
        )
        for key, names in marks:
            for name in {_fold(n): n for n in names}.values():
                row = rows.setdefault(_fold(name), {"name": name})
                row["name"] = name
                row[key] = row.get(key, 0) + 1
                if key == "sessions":
                    row["inbrenger"] = row.get("inbrenger", 0) + (_fold(name) in inbrengers)
                    row["tijdbewaker"] = row.get("tijdbewaker", 0) + (_fold(name) in timekeepers)
    return sorted(
        (
            AttendanceRow(**{"sessions": 0, "inbrenger": 0, "tijdbewaker": 0} | row)
            for row in rows.values()
        ),
        key=lambda r: r.name.casefold(),
    )


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return date(year, month, 1)
