"""The tests pass whatever environment they are started from (see tests/conftest.py).

A few representative tests (snapshots, CLI help, the golden log) run again in
a child pytest under an environment a user may well have: no colour, another
language and locale, a small terminal, another time zone, Textual settings.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import textual.constants
from textual.app import App

from intervisie_tui import paths
from tests.conftest import STEADY_ENV, unsteady

ROOT = Path(__file__).resolve().parents[1]

HOSTILE_ENV = {
    "NO_COLOR": "1",
    "FORCE_COLOR": "1",
    "COLORTERM": "truecolor",
    "TERM": "dumb",
    "LANG": "C",
    "LC_ALL": "C",
    "LC_MESSAGES": "en_US.UTF-8",
    "LANGUAGE": "en",
    "COLUMNS": "40",
    "LINES": "12",
    "TZ": "America/Los_Angeles",
    "INTERVISIE_LANG": "en",
    "INTERVISIE_METHODS": os.devnull,
    "TEXTUAL_THEME": "textual-light",
    "TEXTUAL_ANIMATIONS": "none",
    "TEXTUAL_COLOR_SYSTEM": "standard",
    "TEXTUAL_FILTERS": "dim",
}
"""Each of these changed what some test saw, or could have."""

REPRESENTATIVE = [
    "tests/test_environment.py::test_every_test_sees_the_steady_environment",
    "tests/tui/test_snapshots.py::test_setup_screen[nl-80x24]",
    "tests/tui/test_snapshots.py::test_run_screen[en-40x12]",
    "tests/cli/test_cli_help.py::test_help_is_dutch_by_default",
    "tests/core/test_logbook_render.py::test_scripted_session_matches_the_golden_log",
]


def test_every_test_sees_the_steady_environment(isolated_dirs):
    folders = {paths.ENV_CONFIG_DIR, paths.ENV_DATA_DIR, paths.ENV_STATE_DIR}
    assert not [name for name in os.environ if unsteady(name) and name not in folders]
    assert all(Path(os.environ[name]).is_relative_to(isolated_dirs) for name in folders)
    for name, value in STEADY_ENV.items():
        assert os.environ[name] == value
    if hasattr(time, "tzset"):
        summer = datetime(2026, 7, 1, 12, 0).astimezone()
        assert summer.utcoffset() == timedelta(0)
    # what Textual took from TEXTUAL_* when it was imported, before tests/conftest.py
    assert textual.constants.DEFAULT_THEME == "textual-dark"
    assert App.theme._default == "textual-dark"
    assert textual.constants.TEXTUAL_ANIMATIONS == "full"
    assert textual.constants.COLOR_SYSTEM == "auto"
    assert textual.constants.FILTERS == ""


@pytest.mark.slow
def test_representative_tests_pass_in_a_hostile_environment(tmp_path):
    env = {**os.environ, **HOSTILE_ENV}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--snapshot-report",
            str(tmp_path / "snapshot_report.html"),
            *REPRESENTATIVE,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    passed = re.search(r"(\d+) passed", out)
    assert passed and int(passed.group(1)) >= len(REPRESENTATIVE), out
    assert not re.search(r"\d+ (skipped|deselected|failed|error)", out), out


@pytest.mark.skipif(shutil.which("ps") is None, reason="no ps; the /proc fallback has no width")
def test_the_process_list_of_the_e2e_pane_has_whole_command_lines(monkeypatch):
    """procps cuts `ps` output to COLUMNS; the e2e test would then not find the app to kill."""
    from tests.e2e.tmux import _processes

    monkeypatch.setenv("COLUMNS", "40")
    marker = "intervisie-" + "x" * 80
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", marker])
    try:
        args = {pid: args for pid, _, args in _processes()}[child.pid]
        assert args.endswith(marker), args
    finally:
        child.kill()
        child.wait()
