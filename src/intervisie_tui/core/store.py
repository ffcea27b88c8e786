"""Sessions on disk: start one, find the interrupted ones, resume or discard them.

A session is `<id>.jsonl` (its journal) and `<id>.lock` in `paths.journal_dir()`.
A journal without a `finish` event is an interrupted session. Finished
journals stay, so the log can be regenerated from them (`load`), but move to
`finished/`: the app looks at every journal in the top folder at each start,
and that must not grow with every meeting the group ever held.

A damaged journal is listed with the line where the damage begins. `damage`
says what its good lines and the session's log still hold (see recovery.py);
only once the timekeeper accepts that does `repair` keep a copy of the damaged
journal and of the log in `damaged/` and rewrite the journal, clean and
checksummed, with the recovered entries after the kept lines. Then it resumes
like any other.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from intervisie_tui import paths
from intervisie_tui.core.clock import Clock
from intervisie_tui.core.commands import (
    Add,
    Delete,
    Finish,
    Pause,
    Resume,
    SessionError,
    Start,
    replay,
)
from intervisie_tui.core.durable import fsync_dir, reason
from intervisie_tui.core.journal import (
    SUFFIX,
    Journal,
    JournalContents,
    JournalDamaged,
    JournalHeader,
    Salvage,
    ensure_private_dir,
    read_journal,
    rewrite_journal,
)
from intervisie_tui.core.lock import SessionLock, SessionLocked
from intervisie_tui.core.plan import Plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import validate_setup
from intervisie_tui.core.state import Downtime, SessionState
from intervisie_tui.i18n import LANGUAGES, t

if TYPE_CHECKING:  # loaded only for a damaged journal
    from intervisie_tui.core.logbook.entries import LoggedSession
    from intervisie_tui.core.recovery import JournalDamage

LONG_GAP_SECONDS = 5 * 60
"""A resume after longer away says how much time it counts as meeting time."""
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$")


@dataclass(frozen=True)
class SessionInfo:
    """An interrupted session as the resume prompt lists it."""

    session_id: str
    path: Path
    group: str = ""
    method_name: str = ""
    started: datetime | None = None
    """Start of the first step (or creation, if it never started)."""
    last_activity: datetime | None = None
    entries: int = 0
    in_use: bool = False
    """Open in another app instance right now."""
    problem: str | None = None
    """Why the journal cannot be resumed (translated); None when it can."""
    damaged_line: int | None = None
    """The first damaged line of a journal that can be resumed once repaired (see `damage`)."""
    clock_ran: bool = True
    """The clock was running when the app went (False: paused, or never started), so the
    time since then can count as meeting time or as a pause."""


def finished_dir() -> Path:
    return paths.journal_dir() / "finished"


def damaged_dir() -> Path:
    """Copies of damaged journals (and of their logs) as they were before a repair."""
    return paths.journal_dir() / "damaged"


def journal_path(session_id: str) -> Path:
    if not _ID.match(session_id):
        raise SessionError("session.bad_id", id=session_id)
    return paths.journal_dir() / f"{session_id}{SUFFIX}"


def lock_for(session_id: str) -> SessionLock:
    return SessionLock(journal_path(session_id).with_suffix(".lock"), session_id)


def new_session(plan: Plan, clock: Clock, session_id: str | None = None) -> SessionRunner:
    """Start a session on disk: lock, journal with header, runner (not started yet)."""
    return store_on_disk(SessionRunner(plan, clock, session_id=session_id))


def store_on_disk(runner: SessionRunner) -> SessionRunner:
    """Lock and journal for a new session's runner, before its first command.

    Apart from `new_session` so that the app can draw the run screen first and
    create the files right after (before the first key is taken).
    """
    plan = runner.plan
    problems = validate_setup(plan.setup, plan.method)
    if problems:
        first = problems[0]
        raise SessionError("session.invalid_setup", problem=t(first.key, **first.values))
    folder = paths.journal_dir()
    lock = lock_for(runner.session_id)
    try:
        ensure_private_dir(folder)
        lock.acquire()
    except OSError as problem:  # a full or read-only state folder: one line, no lock left
        raise SessionError("session.cannot_store", folder=folder, error=reason(problem)) from None
    try:
        created = runner.state.created_at or runner.clock.now()
        header = JournalHeader.for_plan(plan, runner.session_id, created)
        journal = Journal.create(journal_path(runner.session_id), header)
    except BaseException as problem:
        lock.release()
        with contextlib.suppress(OSError):
            lock.path.unlink()  # nothing of this session is on disk: no lock file either
        if isinstance(problem, OSError):
            error = reason(problem)
            raise SessionError("session.cannot_store", folder=folder, error=error) from None
        raise
    runner.keep_on_disk(journal, lock)
    return runner


def session_language(session_id: str) -> str | None:
    """The language the session began in (its journal's header); None when it cannot be read.

    A resumed session speaks it again, whatever language the app was started in.
    """
    try:
        contents = read_journal(_existing(session_id))
    except JournalDamaged as damaged:  # the header is good, or nothing would be kept
        contents = damaged.salvage.kept
    except SessionError:
        return None
    language = contents.header.setup.get("language")
    return language if language in LANGUAGES else None


def interrupted_sessions() -> list[SessionInfo]:
    """Journals without a finish event, most recent activity first."""
    folder = paths.journal_dir()
    if not folder.is_dir():
        return []
    found = [_info(path) for path in sorted(folder.glob(f"*{SUFFIX}"))]
    interrupted = [info for info in found if info is not None]
    interrupted.sort(key=_recency, reverse=True)
    return interrupted


def _recency(info: SessionInfo) -> float:
    return info.last_activity.timestamp() if info.last_activity else 0.0


def _info(path: Path) -> SessionInfo | None:
    session_id = path.name.removesuffix(SUFFIX)
    if not _ID.match(session_id):
        return None
    in_use = _in_use(session_id)
    damaged_line: int | None = None
    try:
        contents = read_journal(path)
    except JournalDamaged as damaged:  # offered all the same: `repair` recovers what it can
        contents, damaged_line = damaged.salvage.kept, damaged.salvage.first_damaged
    except SessionError as problem:
        return SessionInfo(session_id, path, in_use=in_use, problem=str(problem))
    events = contents.events
    if damaged_line is None and any(isinstance(event, Finish) for event in events):
        if not in_use and mend_log(contents):
            archive(session_id)  # its log was behind, or a move failed: done now
        return None
    header = contents.header
    started = next((e.wall for e in events if isinstance(e, Start)), header.created)
    adds = sum(isinstance(e, Add) for e in events)
    deletes = sum(isinstance(e, Delete) for e in events)
    clock_events = [e for e in events if isinstance(e, Start | Pause | Resume)]
    return SessionInfo(
        session_id,
        path,
        group=str(header.setup.get("group", "")),
        method_name=str(header.method.get("name", "")),
        started=started,
        last_activity=events[-1].wall if events else header.created,
        entries=adds - deletes,
        in_use=in_use,
        damaged_line=damaged_line,
        clock_ran=bool(clock_events) and not isinstance(clock_events[-1], Pause),
    )


def _in_use(session_id: str) -> bool:
    try:
        with lock_for(session_id):
            return False
    except SessionLocked:
        return True
    except SessionError:
        return False


def load(session_id: str) -> tuple[SessionState, list[str]]:
    """The state of a session as its journal holds it (read only, no lock).

    Of a damaged journal: the state of the lines before the damage, with a warning.
    """
    try:
        contents = read_journal(_existing(session_id))
    except JournalDamaged as damaged:
        contents = damaged.salvage.kept
        contents.warnings.append(str(damaged))
    header = contents.header
    state = replay(header.plan(), header.session_id, contents.events, header.created)
    return state, contents.warnings


def resume(
    session_id: str, clock: Clock, downtime: Downtime = "meeting", log_root: Path | None = None
) -> tuple[SessionRunner, list[str]]:
    """Continue an interrupted session; returns the runner and warnings to show.

    The time the app was gone counts as meeting time (the clock of the current
    step ran on) or, with `downtime="pause"`, as a pause. The gap is measured
    from the last journaled moment; a running session journals a heartbeat
    every 30 seconds, so that moment is at most that long before a crash.

    A damaged journal, or one that lacks what its log (in `log_root`, else where
    the session began) shows, raises JournalDamaged: `damage` and `repair` first.
    """
    path = _existing(session_id)
    lock = lock_for(session_id).acquire()
    try:
        contents, salvage, _ = _inspect(path, log_root)
        if salvage is not None:
            raise JournalDamaged(salvage)
        if any(isinstance(event, Finish) for event in contents.events):
            raise SessionError("session.already_finished", id=session_id)
        runner = _restore(contents, clock, downtime, lock)
    except BaseException:
        lock.release()
        raise
    return runner, contents.warnings


def _restore(
    contents: JournalContents, clock: Clock, downtime: Downtime, lock: SessionLock
) -> SessionRunner:
    header, events = contents.header, contents.events
    last_seen = events[-1].wall if events else header.created
    gap = (clock.now() - last_seen).total_seconds()
    if gap < 0:
        contents.warnings.append(t("session.clock_back"))
        gap = 0.0
    elif gap > LONG_GAP_SECONDS and downtime == "meeting":  # said, not silently counted
        contents.warnings.append(t("session.long_gap", minutes=round(gap / 60)))
    journal = Journal.reopen(contents)
    try:
        return SessionRunner.restore(
            header.plan(),
            clock,
            events,
            session_id=header.session_id,
            gap=gap,
            downtime=downtime,
            journal=journal,
            lock=lock,
            created=header.created,
        )
    except BaseException:
        journal.close()
        raise


def damage(session_id: str, log_root: Path | None = None) -> JournalDamage | None:
    """What a damaged journal still holds, with its log (read only); None when it is whole.

    The log is looked for in `log_root` (a folder chosen now), then where the
    session began. Raises SessionError when the journal cannot be read at all.
    """
    return _inspect(_existing(session_id), log_root)[2]


def repair(session_id: str, accepted: JournalDamage, log_root: Path | None = None) -> Path:
    """Recover a damaged journal as `accepted` (from `damage`) says; returns the copy kept.

    The damaged journal and its log are copied to `damaged_dir()` first; then the
    journal is rewritten at once: the kept lines, then the recovered entries. If
    the journal or its log changed since `accepted` was made, or the disk refuses,
    nothing is changed and SessionError says so.
    """
    path = journal_path(session_id)
    if not path.is_file():
        raise SessionError("session.not_found", id=session_id)
    with lock_for(session_id):
        _, salvage, found = _inspect(path, log_root)
        if salvage is None or found != accepted:
            raise SessionError("recovery.changed", id=session_id)
        from intervisie_tui.core.recovery import recovery_events

        kept = salvage.kept
        stem = f"{session_id}-line-{accepted.first_damaged}"
        copies: list[Path] = []
        try:
            copies.append(_keep_copy(path, stem, SUFFIX))
            if accepted.log is not None:
                copies.append(_keep_copy(accepted.log, stem, accepted.log.suffix))
            rewrite_journal(path, kept.header, kept.events + recovery_events(accepted, kept))
        except OSError as problem:
            for copy in copies:  # nothing changed: no copies of a repair that did not happen
                with contextlib.suppress(OSError):
                    copy.unlink()
            raise SessionError("recovery.failed", error=reason(problem)) from None
    return copies[0]


def _inspect(
    path: Path, log_root: Path | None
) -> tuple[JournalContents, Salvage | None, JournalDamage | None]:
    """A journal, and what is left of it when it is damaged or cut off.

    Cut off: it reads well (perhaps with a torn last line) but its log shows
    entries it does not hold. The log is written only after the journal, so a
    crash never leaves it ahead; lines were lost from the journal's end.
    """
    try:
        contents = read_journal(path)
    except JournalDamaged as damaged:
        return damaged.salvage.kept, damaged.salvage, _assess(damaged.salvage, log_root)
    first = contents.last_line + 1
    cut = Salvage(contents, first, unreadable=int(contents.torn), cut=True)
    found = _assess(cut, log_root)
    return (contents, cut, found) if found.recovers else (contents, None, None)


def _assess(salvage: Salvage, log_root: Path | None) -> JournalDamage:
    from intervisie_tui.core.recovery import assess

    return assess(salvage, _session_log(salvage.kept, log_root))


def _session_log(contents: JournalContents, log_root: Path | None) -> LoggedSession | None:
    """The entries the session's own log shows, if a readable log is found."""
    from intervisie_tui.core.logbook.entries import read_entries
    from intervisie_tui.core.logbook.naming import group_dir
    from intervisie_tui.core.logbook.parse import LogParseError
    from intervisie_tui.core.logbook.writer import session_log

    plan = contents.header.plan()
    setup = plan.setup
    began = Path(setup.log_root) if setup.log_root else None
    folders = dict.fromkeys(group_dir(root, setup.group) for root in (log_root, began))
    for folder in folders:
        found = session_log(folder, contents.header.session_id)
        if found is None:
            continue
        try:
            return read_entries(found, plan)
        except LogParseError:
            continue
    return None


def _keep_copy(source: Path, stem: str, suffix: str) -> Path:
    """A private copy of `source` in `damaged_dir()` under a name not taken yet."""
    data = source.read_bytes()
    folder = damaged_dir()
    ensure_private_dir(folder)
    for number in itertools.count(1):
        target = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            fd = paths.create_private_file(target)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        fsync_dir(folder)
        return target
    raise AssertionError("unreachable")


def mend_log(contents: JournalContents) -> bool:
    """Write a session's log from its journal; True once the log is current.

    The journal is the truth: a log whose last writes failed (a full disk at the
    end, a kill between the journaled finish and the log) is written again from
    it, in the folder the session began with. A log that says it is finished is
    left alone. False when the folder still says no.
    """
    from intervisie_tui.core.logbook.files import LogWriteError
    from intervisie_tui.core.logbook.writer import LogWriter, finished_log

    header = contents.header
    state = replay(header.plan(), header.session_id, contents.events, header.created)
    setup = state.plan.setup
    writer = LogWriter.for_group(setup.group, Path(setup.log_root) if setup.log_root else None)
    if finished_log(writer.folder, header.session_id):
        return True  # written to the end already (and perhaps edited by hand since)
    try:
        writer.write(state)
    except LogWriteError:
        return False
    return True


def discard(session_id: str) -> None:
    """Delete a session the user does not want back (refused while it is open)."""
    path = _existing(session_id)
    lock = lock_for(session_id)
    with lock:
        path.unlink()
    with contextlib.suppress(OSError):
        lock.path.unlink()


def archive(session_id: str) -> bool:
    """Move a finished session's journal to `finished/`; True when it moved.

    Best effort: a journal that is open elsewhere or cannot be moved stays
    where it is, and the next start tries again.
    """
    path = journal_path(session_id)
    lock = lock_for(session_id)
    try:
        with lock:
            ensure_private_dir(finished_dir())
            os.replace(path, finished_dir() / path.name)
    except (SessionError, OSError):
        return False
    with contextlib.suppress(OSError):
        lock.path.unlink()
    return True


def _existing(session_id: str) -> Path:
    path = journal_path(session_id)
    for candidate in (path, finished_dir() / path.name):
        if candidate.is_file():
            return candidate
    raise SessionError("session.not_found", id=session_id)
