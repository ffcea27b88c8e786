"""TUI tests never keep the real laptop awake: the app gets a fake unless a test gives its own."""

from __future__ import annotations

import pytest

import intervisie_tui.keep_awake

from .harness import FakeAwake


@pytest.fixture(autouse=True)
def no_real_inhibitor(monkeypatch):
    monkeypatch.setattr(intervisie_tui.keep_awake.KeepAwake, "detect", lambda *a, **k: FakeAwake())
