"""Sessions on disk: start one, find the interrupted ones, resume or discard them.

A session is `<id>.jsonl` (its journal) and `<id>.lock` in `paths.journal_dir()`.
A journal without a `finish` event is an interrupted session. Finished
journals stay, so the log can be regenerated from them (`load`), but move to
`finished/`: the app looks at every journal in the top folder at each start,
and that must not grow with every meeting the group ever held.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from intervisie_tui import paths
from intervisie_tui.core.clock import Clock
from intervisie_tui.core.commands import Add, Delete, Finish, SessionError, Start, replay
from intervisie_tui.core.durable import reason
from intervisie_tui.core.journal import (
    SUFFIX,
    Journal,
    JournalContents,
    JournalHeader,
    ensure_private_dir,
    read_journal,
)
from intervisie_tui.core.lock import SessionLock, SessionLocked
from intervisie_tui.core.plan import Plan
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import validate_setup
from intervisie_tui.core.state import Downtime, SessionState
from intervisie_tui.i18n import t

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


def finished_dir() -> Path:
    return paths.journal_dir() / "finished"


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
    try:
        contents = read_journal(path)
    except SessionError as problem:
        return SessionInfo(session_id, path, in_use=in_use, problem=str(problem))
    events = contents.events
    if any(isinstance(event, Finish) for event in events):
        if not in_use and mend_log(contents):
            archive(session_id)  # its log was behind, or a move failed: done now
        return None
    header = contents.header
    started = next((e.wall for e in events if isinstance(e, Start)), header.created)
    adds = sum(isinstance(e, Add) for e in events)
    deletes = sum(isinstance(e, Delete) for e in events)
    return SessionInfo(
        session_id,
        path,
        group=str(header.setup.get("group", "")),
        method_name=str(header.method.get("name", "")),
        started=started,
        last_activity=events[-1].wall if events else header.created,
        entries=adds - deletes,
        in_use=in_use,
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
    """The state of a session as its journal holds it (read only, no lock)."""
    contents = read_journal(_existing(session_id))
    header = contents.header
    state = replay(header.plan(), header.session_id, contents.events, header.created)
    return state, contents.warnings


def resume(
    session_id: str, clock: Clock, downtime: Downtime = "meeting"
) -> tuple[SessionRunner, list[str]]:
    """Continue an interrupted session; returns the runner and warnings to show.

    The time the app was gone counts as meeting time (the clock of the current
    step ran on) or, with `downtime="pause"`, as a pause. The gap is measured
    from the last journaled moment; a running session journals a heartbeat
    every 30 seconds, so that moment is at most that long before a crash.
    """
    path = _existing(session_id)
    lock = lock_for(session_id).acquire()
    try:
        contents = read_journal(path)
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
