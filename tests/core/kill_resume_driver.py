"""Driver for test_kill_resume: run a session and acknowledge entries until killed.

`python -m tests.core.kill_resume_driver <session-id> new|resume`, run from the repository
root. Prints `ACK <id> <step>` after every entry the runner acknowledged, so the test knows
what must survive.
"""

from __future__ import annotations

import sys

from intervisie_tui.core import store
from intervisie_tui.core.clock import SystemClock
from tests.core.engine_helpers import incident_plan


def main() -> None:
    session_id, mode = sys.argv[1], sys.argv[2]
    clock = SystemClock()
    if mode == "new":
        runner = store.new_session(incident_plan(), clock, session_id)
        runner.start()
    else:
        runner, _ = store.resume(session_id, clock)
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        entry = runner.add_note(f"{mode} {n}: één\nregel twee 😀")
        print(f"ACK {entry.id} {entry.step}", flush=True)
        if n % 5 == 0 and runner.state.current < len(runner.plan.steps) - 1:
            runner.next()
        runner.poll_alerts()


if __name__ == "__main__":
    main()
