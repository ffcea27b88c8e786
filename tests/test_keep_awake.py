"""Keeping the laptop awake: choosing the method, holding and releasing, without real inhibitors.

Every platform is faked (platform name, `which`, the process factory, the Windows
call), so these run anywhere. Three tests start real processes on POSIX: the Linux
child really ends once the process it watches is gone (after a kill -9), release()
ends a real process group (with a stand-in for systemd-inhibit), and, where the
sandbox allows it, the real systemd-inhibit holds and lets go.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from intervisie_tui import i18n
from intervisie_tui.keep_awake import (
    ES_CONTINUOUS,
    ES_SYSTEM_REQUIRED,
    WATCH_INTERVAL,
    KeepAwake,
    watch_command,
)

INHIBIT = "/usr/bin/systemd-inhibit"
CAFFEINATE = "/usr/bin/caffeinate"
posix_only = pytest.mark.skipif(os.name != "posix", reason="process groups and sh are POSIX")


def which_from(available: dict[str, str]):
    return lambda name: available.get(name)


class FakeProcess:
    """Runs until signalled (or exits at once with `exit_code`); a stubborn one ignores SIGTERM."""

    def __init__(self, args: list[str], exit_code: int | None = None, stubborn: bool = False):
        self.args = args
        self.pid = 4242
        self.returncode = exit_code
        self.stubborn = stubborn
        self.signals: list[str] = []

    def poll(self) -> int | None:
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0)
        return self.returncode

    def deliver(self, name: str) -> None:
        self.signals.append(name)
        if name == "KILL" or not self.stubborn:
            self.returncode = -9 if name == "KILL" else -15

    def terminate(self) -> None:
        self.deliver("TERM")

    def kill(self) -> None:
        self.deliver("KILL")


class FakeSpawn:
    """A Popen-like factory that records what it was asked to start; also a fake os.killpg."""

    def __init__(self, exit_code: int | None = None, stubborn: bool = False, error=None):
        self.exit_code = exit_code
        self.stubborn = stubborn
        self.error = error
        self.started: list[FakeProcess] = []
        self.kwargs: list[dict] = []
        self.group_signals: list[tuple[int, int]] = []

    def __call__(self, args, **kwargs) -> FakeProcess:
        if self.error is not None:
            raise self.error
        process = FakeProcess(list(args), self.exit_code, self.stubborn)
        self.started.append(process)
        self.kwargs.append(kwargs)
        return process

    def kill_group(self, pgid: int, sig: int) -> None:
        self.group_signals.append((pgid, sig))
        for process in self.started:
            if process.pid == pgid:
                process.deliver("TERM" if sig == signal.SIGTERM else "KILL")

    def awake(self, method: str = "systemd-inhibit", command: str = INHIBIT) -> KeepAwake:
        return KeepAwake(method, (command,), spawn=self, kill_group=self.kill_group)


@pytest.mark.parametrize(
    ("platform", "available", "method", "unavailable"),
    [
        ("linux", {"systemd-inhibit": INHIBIT}, "systemd-inhibit", None),
        ("linux", {}, None, "systemd-inhibit niet gevonden"),
        ("darwin", {"caffeinate": CAFFEINATE}, "caffeinate", None),
        ("darwin", {}, None, "caffeinate niet gevonden"),
        ("win32", {}, "SetThreadExecutionState", None),
        ("cygwin", {}, None, "op dit systeem (cygwin) kan het programma dat niet"),
        ("freebsd14", {"systemd-inhibit": INHIBIT}, None, "op dit systeem (freebsd14)"),
    ],
)
def test_detect_per_platform(platform, available, method, unavailable):
    found = KeepAwake.detect(platform, which_from(available))
    assert found.method == method
    if unavailable is None:
        assert found.unavailable is None
    else:
        assert found.unavailable is not None and found.unavailable.startswith(unavailable)
    assert not found.holding


def test_detect_asks_nothing_on_windows_and_nothing_is_started():
    asked: list[str] = []

    def which(name: str) -> str | None:
        asked.append(name)
        return None

    found = KeepAwake.detect("win32", which)
    assert (found.method, asked, found.holding) == ("SetThreadExecutionState", [], False)


def test_the_reason_why_not_is_translated():
    found = KeepAwake.detect("linux", which_from({}))
    i18n.set_language("en")
    assert found.unavailable == "systemd-inhibit not found"


def test_linux_blocks_sleep_and_idle_around_a_child_that_watches_our_pid():
    spawn = FakeSpawn()
    assert spawn.awake().hold()
    assert spawn.started[0].args == [
        INHIBIT,
        "--what=sleep:idle",
        "--who=Intervisie",
        "--why=Er loopt een intervisiesessie",
        "--mode=block",
        *watch_command(os.getpid()),
    ]
    loop = spawn.started[0].args[-1]
    assert f"kill -0 {os.getpid()} " in loop and loop.startswith("while ")


def test_the_inhibitor_is_quiet_and_out_of_reach_of_ctrl_c():
    spawn = FakeSpawn()
    spawn.awake().hold()
    assert spawn.kwargs == [
        {
            "stdin": subprocess.DEVNULL,
            "stdout": subprocess.DEVNULL,
            "stderr": subprocess.DEVNULL,
            "start_new_session": True,
        }
    ]


def test_macos_caffeinate_waits_for_our_pid():
    spawn = FakeSpawn()
    assert spawn.awake("caffeinate", CAFFEINATE).hold()
    assert spawn.started[0].args == [CAFFEINATE, "-i", "-w", str(os.getpid())]


def test_hold_and_release_are_idempotent():
    spawn = FakeSpawn()
    awake = spawn.awake()
    assert awake.hold() and awake.hold() and awake.holding
    assert len(spawn.started) == 1
    awake.release()
    awake.release()
    assert not awake.holding
    assert spawn.group_signals == [(4242, signal.SIGTERM)]
    assert awake.unavailable is None


def test_release_ends_the_whole_group_of_the_inhibitor():
    spawn = FakeSpawn()
    awake = spawn.awake()
    awake.hold()
    awake.release()
    assert spawn.started[0].poll() is not None
    assert spawn.group_signals == [(4242, signal.SIGTERM)]


def test_release_kills_an_inhibitor_that_ignores_sigterm():
    spawn = FakeSpawn(stubborn=True)
    awake = spawn.awake()
    awake.hold()
    awake.release()
    assert spawn.group_signals == [(4242, signal.SIGTERM), (4242, signal.SIGKILL)]
    assert spawn.started[0].signals == ["TERM", "KILL"]
    assert not awake.holding


def test_without_a_process_group_the_process_itself_is_signalled():
    spawn = FakeSpawn()

    def no_group(pgid: int, sig: int) -> None:
        raise ProcessLookupError(pgid)

    awake = KeepAwake("caffeinate", (CAFFEINATE,), spawn=spawn, kill_group=no_group)
    awake.hold()
    awake.release()
    assert spawn.started[0].signals == ["TERM"]


def test_a_fake_process_is_never_signalled_as_a_real_group():
    """Without an explicit kill_group only subprocess.Popen gets os.killpg."""
    spawn = FakeSpawn()
    awake = KeepAwake("systemd-inhibit", (INHIBIT,), spawn=spawn)
    awake.hold()
    awake.release()
    assert (spawn.group_signals, spawn.started[0].signals) == ([], ["TERM"])


def test_a_missing_tool_holds_nothing_and_starts_nothing():
    awake = KeepAwake.detect("linux", which_from({}))
    assert awake.hold() is False
    assert not awake.holding
    awake.release()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (FileNotFoundError(2, "No such file or directory"), "systemd-inhibit kon niet starten"),
        (PermissionError(13, "Permission denied"), "systemd-inhibit kon niet starten"),
        (ValueError("bad argument"), "systemd-inhibit kon niet starten (ValueError: bad"),
    ],
)
def test_a_tool_that_cannot_start_gives_false_and_a_reason(error, expected):
    awake = FakeSpawn(error=error).awake()
    assert awake.hold() is False
    assert awake.unavailable is not None and awake.unavailable.startswith(expected)
    assert not awake.holding


def test_an_inhibitor_that_exits_at_once_gives_false_and_is_not_retried():
    spawn = FakeSpawn(exit_code=1)
    awake = spawn.awake()
    assert awake.hold() is False
    assert awake.unavailable == "systemd-inhibit stopte meteen (code 1); het mag of kan hier niet"
    assert awake.method == "systemd-inhibit"  # what was tried
    assert awake.hold() is False
    assert len(spawn.started) == 1
    awake.release()
    assert spawn.group_signals == []


def test_an_inhibitor_that_died_later_is_started_again():
    spawn = FakeSpawn()
    awake = spawn.awake()
    awake.hold()
    spawn.started[0].returncode = 0  # ended on its own (logind restarted, say)
    assert not awake.holding
    assert awake.hold()
    assert len(spawn.started) == 2 and awake.holding


class FakeExecutionState:
    """SetThreadExecutionState: records each call with the thread it came from."""

    def __init__(self, result: int = ES_CONTINUOUS, error: Exception | None = None):
        self.result = result
        self.error = error
        self.calls: list[tuple[int, int]] = []

    def __call__(self, flags: int) -> int:
        self.calls.append((flags, threading.get_ident()))
        if self.error is not None:
            raise self.error
        return self.result


def test_windows_requests_and_clears_the_state_on_one_thread_of_its_own():
    state = FakeExecutionState()
    awake = KeepAwake("SetThreadExecutionState", set_state=state)
    assert awake.hold() and awake.hold() and awake.holding
    awake.release()
    awake.release()
    assert not awake.holding
    assert [flags for flags, _ in state.calls] == [
        ES_CONTINUOUS | ES_SYSTEM_REQUIRED,
        ES_CONTINUOUS,
    ]
    threads = {thread for _, thread in state.calls}
    assert len(threads) == 1 and threading.get_ident() not in threads


@pytest.mark.parametrize(
    "state", [FakeExecutionState(result=0), FakeExecutionState(error=OSError("no kernel32"))]
)
def test_windows_refusing_gives_false_and_a_reason(state):
    awake = KeepAwake("SetThreadExecutionState", set_state=state)
    assert awake.hold() is False
    assert awake.unavailable == "Windows weigerde het verzoek (SetThreadExecutionState)"
    assert not awake.holding
    awake.release()
    assert len(state.calls) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="checks the guard where there is no windll")
def test_the_real_windows_call_elsewhere_is_false_not_an_error():
    awake = KeepAwake.detect("win32")
    assert awake.hold() is False
    assert awake.unavailable is not None


def test_the_module_needs_neither_the_ui_nor_the_cli():
    code = "import sys, intervisie_tui.keep_awake\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich", "typer"}}
    assert not {m for m in loaded if m.startswith(("intervisie_tui.tui", "intervisie_tui.cli"))}


@posix_only
@pytest.mark.slow
def test_the_watching_child_ends_once_the_watched_process_is_killed():
    watched = subprocess.Popen(["sleep", "60"])
    watcher = subprocess.Popen(watch_command(watched.pid), stdin=subprocess.DEVNULL)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            watcher.wait(timeout=0.3)  # it keeps running while the process lives
        watched.kill()  # SIGKILL: nothing of ours gets to clean up
        watched.wait(timeout=5)
        assert watcher.wait(timeout=WATCH_INTERVAL + 5) == 0
    finally:
        for process in (watched, watcher):
            if process.poll() is None:
                process.kill()
                process.wait(timeout=5)


def _recording_popen(started: list[subprocess.Popen]):
    def spawn(args, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(args, **kwargs)
        started.append(process)
        return process

    return spawn


def _hold_and_release_for_real(command: str) -> tuple[KeepAwake, list[subprocess.Popen]]:
    started: list[subprocess.Popen] = []
    awake = KeepAwake(
        "systemd-inhibit", (command,), spawn=_recording_popen(started), kill_group=os.killpg
    )
    return awake, started


@posix_only
@pytest.mark.slow
def test_release_ends_a_real_inhibitor_and_its_child(tmp_path: Path):
    """A stand-in for systemd-inhibit that runs its command, as the real one does."""
    stand_in = tmp_path / "systemd-inhibit"
    stand_in.write_text(
        '#!/bin/sh\nwhile [ $# -gt 0 ]; do case "$1" in --*) shift;; *) break;; esac; done\n'
        'exec "$@"\n',
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    awake, started = _hold_and_release_for_real(str(stand_in))
    try:
        assert awake.hold(), awake.unavailable
        assert awake.holding and started[0].poll() is None
    finally:
        awake.release()
    assert started[0].poll() is not None
    assert not awake.holding


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="systemd-inhibit is Linux only")
def test_the_real_systemd_inhibit_holds_and_lets_go():
    found = shutil.which("systemd-inhibit")
    if found is None:
        pytest.skip("systemd-inhibit is not installed here")
    awake, started = _hold_and_release_for_real(found)
    try:
        if not awake.hold():
            assert not awake.holding
            pytest.skip(f"systemd-inhibit does not work in this sandbox: {awake.unavailable}")
        assert awake.holding and started[0].poll() is None
    finally:
        awake.release()
    assert started[0].poll() is not None
    assert not awake.holding
