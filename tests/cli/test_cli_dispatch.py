"""Only the invoked sub-command's module is loaded; the version has one source."""

from __future__ import annotations

import subprocess
import sys

import pytest

from intervisie_tui.cli import requested_command


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["run", "incidentmethode"], "run"),
        (["--lang", "en", "run", "x"], "run"),
        (["--methods", "run", "methods", "list"], "methods"),  # a folder called 'run'
        (["--quiet", "resume"], "resume"),
        (["--help"], None),
        ([], None),
        (["frobnicate"], None),
    ],
)
def test_requested_command(args, command):
    assert requested_command(args) == command


def test_run_does_not_load_the_log_group_or_doctor_commands():
    code = (
        "import sys\nfrom intervisie_tui.cli import register\nregister('run')\n"
        "print(' '.join(m for m in sys.modules if m.startswith('intervisie_tui.cli.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "intervisie_tui.cli.session" in loaded
    assert not loaded & {
        "intervisie_tui.cli.log",
        "intervisie_tui.cli.group",
        "intervisie_tui.cli.doctor",
        "intervisie_tui.cli.methods",
    }


def test_the_version_in_the_package_is_the_installed_version():
    from importlib.metadata import version

    from intervisie_tui import __version__

    assert version("intervisie-tui") == __version__
