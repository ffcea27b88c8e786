"""Shared fixtures: every test gets its own config, data and state folders."""

from __future__ import annotations

import pytest

from intervisie_tui import i18n, paths


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Point every platformdirs location at a temporary folder."""
    home = tmp_path / "home"
    for env, sub in (
        (paths.ENV_CONFIG_DIR, "config"),
        (paths.ENV_DATA_DIR, "data"),
        (paths.ENV_STATE_DIR, "state"),
    ):
        monkeypatch.setenv(env, str(home / sub))
    for env in (paths.ENV_METHODS, paths.ENV_LOG_DIR, i18n.ENV_LANG):
        monkeypatch.delenv(env, raising=False)
    i18n.set_language("nl")
    yield home
    i18n.set_language("nl")
