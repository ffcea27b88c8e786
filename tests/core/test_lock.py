"""The session lock: one instance per session, no stale lock after a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from intervisie_tui.core.lock import SessionLock, SessionLocked

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from intervisie_tui.core.lock import SessionLock

    lock = SessionLock(Path(sys.argv[1]), "s1").acquire()
    print("LOCKED", flush=True)
    sys.stdin.read()  # hold the lock until killed
    """
)
TRY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from intervisie_tui.core.lock import SessionLock, SessionLocked

    try:
        SessionLock(Path(sys.argv[1]), "s1").acquire()
    except SessionLocked as problem:
        print(problem)
        sys.exit(3)
    print("GOT IT")
    """
)


def test_a_second_lock_is_refused_until_the_first_is_released(tmp_path):
    path = tmp_path / "s1.lock"
    first = SessionLock(path, "s1").acquire()
    assert first.held
    with pytest.raises(SessionLocked, match="s1 is al geopend"):
        SessionLock(path, "s1").acquire()
    first.release()
    first.release()
    with SessionLock(path, "s1") as again:
        assert again.held
    assert not again.held


@pytest.mark.slow
def test_another_process_is_refused_and_a_killed_holder_leaves_no_stale_lock(tmp_path):
    path = tmp_path / "s1.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "LOCKED"
        refused = subprocess.run(
            [sys.executable, "-c", TRY, str(path)], capture_output=True, text=True, timeout=60
        )
        assert refused.returncode == 3
        assert "al geopend" in refused.stdout
        with pytest.raises(SessionLocked):
            SessionLock(path, "s1").acquire()
    finally:
        holder.kill()
        holder.wait(timeout=60)
        for stream in (holder.stdout, holder.stdin):
            if stream is not None:
                stream.close()
    assert path.exists()  # the file stays; the OS lock went with the process
    with SessionLock(path, "s1"):
        pass
