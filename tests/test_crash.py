"""The crash report: written, private, never over another file, importable from anywhere.

More on its modes under umask 000 in tests/core/test_file_modes.py.
"""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from intervisie_tui import __version__, crash, paths

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


class _Fixed(datetime):
    """`datetime.now()` at a fixed moment, so the report's name is known."""

    @classmethod
    def now(cls, tz=None):
        return cls(2026, 3, 2, 19, 30, 5)


TOKENS = ("a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3")
"""The random parts of the names, in the order `paths._token` gives them."""
NAME = f"crash-20260302-193005-{TOKENS[0]}.txt"


def _failure() -> BaseException:
    def deep_inside_the_app() -> None:
        raise RuntimeError("de klok liep vast")

    try:
        deep_inside_the_app()
    except RuntimeError as error:
        return error
    raise AssertionError("unreachable")


@pytest.fixture
def fixed_time(monkeypatch):
    monkeypatch.setattr(crash, "datetime", _Fixed)
    tokens = iter(TOKENS)
    monkeypatch.setattr(paths, "_token", lambda: next(tokens))


def test_the_report_holds_the_version_and_the_traceback(fixed_time):
    where = crash.write_crash_report(_failure())
    assert where == str(paths.state_dir() / NAME)
    text = (paths.state_dir() / NAME).read_text(encoding="utf-8")
    assert text.startswith(f"intervisie {__version__}\nTraceback (most recent call last):")
    assert "deep_inside_the_app" in text
    assert text.rstrip().endswith("RuntimeError: de klok liep vast")


@posix_only
def test_the_report_is_private():
    path = crash.write_crash_report(_failure())
    assert stat.S_IMODE(paths.state_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(Path(path).stat().st_mode) == 0o600


@posix_only
def test_an_existing_state_folder_is_made_private():
    paths.state_dir().mkdir(parents=True, mode=0o755)
    paths.state_dir().chmod(0o755)
    crash.write_crash_report(_failure())
    assert stat.S_IMODE(paths.state_dir().stat().st_mode) == 0o700


def test_a_second_report_in_the_same_second_gets_its_own_file(fixed_time):
    first = crash.write_crash_report(_failure())
    second = crash.write_crash_report(ValueError("nog een"))
    assert first != second and second.endswith(f"crash-20260302-193005-{TOKENS[1]}.txt")
    assert "de klok liep vast" in Path(first).read_text(encoding="utf-8")
    assert "nog een" in Path(second).read_text(encoding="utf-8")


@posix_only
def test_the_report_never_follows_a_symlink(fixed_time, tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("van iemand anders", encoding="utf-8")
    paths.state_dir().mkdir(parents=True)
    (paths.state_dir() / NAME).symlink_to(target)
    where = crash.write_crash_report(_failure())
    assert target.read_text(encoding="utf-8") == "van iemand anders"
    assert where.endswith(f"-{TOKENS[1]}.txt") and not Path(where).is_symlink()


def test_a_state_folder_that_cannot_be_made_gives_a_dash(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.ENV_STATE_DIR, str(blocker / "state"))
    assert crash.write_crash_report(_failure()) == "-"


def test_the_cli_still_offers_it():
    from intervisie_tui.cli import write_crash_report

    assert write_crash_report is crash.write_crash_report


def test_a_bug_in_a_command_leaves_one_line_and_a_report(fixed_time, monkeypatch, capsys):
    import intervisie_tui.cli as cli

    def broken(command=None):
        raise RuntimeError("de klok liep vast")

    monkeypatch.setattr(cli, "register", broken)
    with pytest.raises(SystemExit) as done:
        cli.main(["methods", "list"])
    err = capsys.readouterr().err
    assert done.value.code == 70 and len(err.splitlines()) == 1
    assert str(paths.state_dir() / NAME) in err
    assert "de klok liep vast" in (paths.state_dir() / NAME).read_text(encoding="utf-8")


def test_importing_it_loads_neither_typer_nor_textual_nor_the_cli():
    code = "import sys\nimport intervisie_tui.crash\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "intervisie_tui.crash" in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"typer", "textual", "click"}}
    assert not {
        m for m in loaded if m == "intervisie_tui.cli" or m.startswith("intervisie_tui.cli.")
    }
