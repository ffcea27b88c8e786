"""The DiskQueue: a slow or refusing disk never holds up the meeting, and never loses a line.

These tests run the real worker thread against journals that block or refuse on
purpose; they wait for it with bounded waits (`flush(timeout)`), never with sleeps.
"""

from __future__ import annotations

import errno
import threading

import pytest

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.disk_queue import DiskQueue
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.session import SLOW_SAVE_SECONDS, SessionController
from tests.core.engine_helpers import fake_clock, incident_plan

WAIT = 30.0
"""Upper bound for the worker on a slow, busy machine; a passing test takes milliseconds."""


class GatedJournal:
    """A disk that takes as long as the test says: each append waits for `gate`."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.lines: list[str] = []
        self.closed = False
        self.waiting = threading.Event()

    def append(self, line: str) -> None:
        self.waiting.set()
        assert self.gate.wait(WAIT), "the test never opened the gate"
        self.lines.append(line)

    def close(self) -> None:
        self.closed = True


class RefusingJournal:
    """A full disk for the first `refusals` appends, then room again."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.lines: list[str] = []
        self.closed = False

    def append(self, line: str) -> None:
        if self.refusals > 0:
            self.refusals -= 1
            raise OSError(errno.ENOSPC, "No space left on device")
        self.lines.append(line)

    def close(self) -> None:
        self.closed = True


class Lock:
    def __init__(self, journal: GatedJournal | RefusingJournal) -> None:
        self.journal = journal
        self.lines_at_release: int | None = None

    def release(self) -> None:
        self.lines_at_release = len(self.journal.lines)


def controller(journal, **options) -> tuple[SessionController, FakeClock]:
    clock = fake_clock()
    runner = SessionRunner(incident_plan(), clock, journal=journal, session_id="disk-test")
    return SessionController(runner, **options), clock


def test_a_slow_disk_does_not_hold_up_the_commands():
    journal = GatedJournal()
    session, clock = controller(journal)
    assert session.start().ok
    added = session.add_note("terwijl de schijf nog schrijft")
    assert added.ok and added.line == 2
    assert journal.waiting.wait(WAIT)  # the worker is stuck on the first line ...
    assert journal.lines == []
    clock.advance(SLOW_SAVE_SECONDS)
    snap = session.snapshot()  # ... and the screen goes on, showing what waits
    assert snap.running and [e.text for e in snap.entries] == ["terwijl de schijf nog schrijft"]
    assert snap.unsaved == 2 and snap.unsaved_ids == {"e1"}
    clock.advance(SLOW_SAVE_SECONDS)
    assert session.snapshot().saving_slowly
    journal.gate.set()
    assert session.flush(WAIT)
    assert session.news().saved == 2
    assert session.snapshot().unsaved == 0 and not session.snapshot().saving_slowly
    session.close()


def test_lines_reach_the_disk_in_the_order_the_commands_were_given():
    journal = GatedJournal()
    session, clock = controller(journal)
    session.start()
    for n in range(30):
        clock.advance(1)
        session.add_note(f"notitie {n}")
        if n % 7 == 0:
            session.next()
    journal.gate.set()
    assert session.flush(WAIT)
    assert journal.lines == [event.model_dump_json() for event in session.runner.events]


def test_a_refused_line_is_tried_again_without_a_new_command():
    journal = RefusingJournal(refusals=3)
    session, _ = controller(journal, retry_seconds=0.01)
    session.start()
    session.add_insight("niet verloren")
    assert session.flush(WAIT)  # the worker tried again by itself until there was room
    assert len(journal.lines) == 2 and "niet verloren" in journal.lines[1]
    assert session.snapshot().save_error is None


def test_the_lock_is_let_go_only_once_the_last_line_is_on_disk():
    journal = GatedJournal()
    lock = Lock(journal)
    queue = DiskQueue(journal, lock)  # type: ignore[arg-type]
    closed = threading.Event()
    queue.on_closed = closed.set
    for n in range(3):
        queue.append(f"regel {n}")
    queue.close()
    assert lock.lines_at_release is None
    journal.gate.set()
    assert closed.wait(WAIT)
    assert lock.lines_at_release == 3 and journal.closed and queue.finished


def test_a_refusal_is_told_once_and_the_recovery_too():
    journal = RefusingJournal(refusals=1)
    session, _ = controller(journal, background=False)
    session.start()
    news = session.news()
    assert news.refused is not None and news.saved == 0
    assert session.news().refused is None
    session.retry_disk()
    news = session.news()
    assert news.recovered and news.saved == 1 and news.refused is None
    assert not session.news().recovered


@pytest.mark.parametrize("background", [True, False])
def test_nothing_is_handed_in_after_the_close(background):
    journal = RefusingJournal(refusals=0)
    queue = DiskQueue(journal, background=background)
    queue.append("een")
    queue.close()
    assert queue.flush(WAIT)
    with pytest.raises(OSError):
        queue.append("te laat")
    assert journal.lines == ["een"]


class FlakyLog:
    """A log folder that refuses the first `refusals` writes (kept in `error`, like LiveLog)."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.error: str | None = None
        self.written: list[object] = []
        self.mended = threading.Event()

    def update(self, state: object) -> None:
        if self.refusals > 0:
            self.refusals -= 1
            self.error = "de schijf is vol"
            return
        self.error = None
        self.written.append(state)
        self.mended.set()


def test_a_log_the_disk_refused_is_written_again_without_a_new_command():
    journal = RefusingJournal(refusals=0)
    log = FlakyLog(refusals=2)
    queue = DiskQueue(journal, log=log, retry_seconds=0.01)  # type: ignore[arg-type]
    runner = SessionRunner(incident_plan(), fake_clock(), session_id="log-test")
    runner.start()
    queue.append("regel")
    queue.update_log(runner.state)
    assert log.mended.wait(WAIT)  # the worker tried again on its own until there was room
    assert log.error is None and len(log.written) == 1
    queue.close()
    assert queue.flush(WAIT)


def test_the_state_handed_to_the_disk_does_not_follow_later_commands():
    """The worker renders the state of the moment, though the runner goes on (no deep copy)."""
    from intervisie_tui.core.logbook.render import render_log

    runner = SessionRunner(incident_plan(), fake_clock())
    runner.start()
    runner.add_note("eerste")
    copy = runner.state.copy_for_disk()
    before = render_log(copy)
    runner.clock.advance(90)  # type: ignore[attr-defined]
    runner.adjust(60)
    runner.add_note("tweede")
    runner.next()
    assert render_log(copy) == before
    assert copy.steps[0].extra == 0 and runner.state.steps[0].extra == 60
    assert [e.text for e in copy.entries] == ["eerste"]
    assert copy.plan is runner.state.plan  # never changes, so shared
