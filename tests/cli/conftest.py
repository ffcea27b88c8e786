"""Run the `intervisie` command in-process, as a user would type it."""

from __future__ import annotations

import pytest

from intervisie_tui.cli import main


def invoke_cli(capsys, args: list[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `intervisie ARGS` (SystemExit becomes a code)."""
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `intervisie ARGS`; return (exit code, stdout, stderr). Dutch unless --lang says."""
    monkeypatch.setenv("INTERVISIE_LANG", "nl")
    return lambda *args: invoke_cli(capsys, list(args))


@pytest.fixture
def opened(monkeypatch):
    """The AppConfig every `open_app` would have started the app with."""
    from intervisie_tui.cli import launch

    configs: list = []
    monkeypatch.setattr(launch, "open_app", configs.append)
    return configs
