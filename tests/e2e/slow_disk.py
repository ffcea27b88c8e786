"""`intervisie` on a slow disk: every fsync takes E2E_FSYNC_SECONDS (a USB stick, a network share).

Run as `python -m tests.e2e.slow_disk run ...` from the project folder; the
end-to-end test types into it while it saves.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from intervisie_tui.cli import main

if TYPE_CHECKING:
    from _typeshed import HasFileno

DELAY = float(os.environ.get("E2E_FSYNC_SECONDS", "0.5"))
_fsync = os.fsync


def _slow_fsync(fd: int | HasFileno) -> None:
    time.sleep(DELAY)  # the slow disk itself, not a wait in a test
    _fsync(fd)


if __name__ == "__main__":
    os.fsync = _slow_fsync
    sys.argv[0] = "intervisie"
    main()
