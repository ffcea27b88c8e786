"""Kill the app mid-session (Popen.kill: SIGKILL on POSIX): nothing acknowledged is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from intervisie_tui.core import store
from intervisie_tui.core.clock import SystemClock
from intervisie_tui.core.lock import SessionLocked

ROOT = Path(__file__).resolve().parents[2]
DRIVER = "tests.core.kill_resume_driver"  # run with -m from ROOT, so it imports tests.core.*
ACKS_PER_RUN = 40


def _run_and_kill(session_id: str, mode: str) -> list[tuple[str, str]]:
    """Start the driver, wait for some acknowledgements, check the lock, kill it."""
    child = subprocess.Popen(
        [sys.executable, "-m", DRIVER, session_id, mode],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    acked: list[tuple[str, str]] = []
    try:
        assert child.stdout is not None
        ready = child.stdout.readline().strip()
        assert ready == "READY", child.stderr.read() if child.stderr else ""
        while len(acked) < ACKS_PER_RUN:
            line = child.stdout.readline()
            assert line, "the driver stopped early"
            _, entry_id, step = line.split()
            acked.append((entry_id, step))
        with pytest.raises(SessionLocked):  # a second instance is refused meanwhile
            store.resume(session_id, SystemClock())
        child.kill()  # no clean-up code runs in the child
        # Anything it acknowledged after we stopped reading also counts.
        rest = child.stdout.read()
        for line in rest.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ACK":  # the kill may cut the last line
                acked.append((parts[1], parts[2]))
    finally:
        child.kill()
        child.wait(timeout=60)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    return acked


@pytest.mark.slow
def test_every_acknowledged_entry_survives_two_kills():
    acked = _run_and_kill("kill", "new")
    acked += _run_and_kill("kill", "resume")  # the stale lock does not block
    runner, warnings = store.resume("kill", SystemClock())
    try:
        kept = {(e.id, str(e.step)) for e in runner.state.entries}
        assert set(acked) <= kept
        assert len(kept) - len(acked) <= 2  # at most one unacknowledged write per kill
        assert all(e.text.endswith(": één\nregel twee 😀") for e in runner.state.entries)
        assert len(warnings) <= 1  # a torn last line is skipped, never fatal
        assert [i.downtime for i in runner.state.interruptions] == ["meeting", "meeting"]
    finally:
        runner.close()
    assert [info.session_id for info in store.interrupted_sessions()] == ["kill"]
