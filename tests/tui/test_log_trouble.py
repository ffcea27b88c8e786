"""A full disk or a read-only log folder: say so once, keep going, offer another folder."""

from __future__ import annotations

import errno
from datetime import datetime

from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.logbook import files
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig, RunRequest
from intervisie_tui.tui.screens.dialogs import Ask
from intervisie_tui.tui.screens.run import RunScreen

from .harness import session_of
from .test_whole_session import wait_for


async def test_disk_full_keeps_the_session_and_the_log_moves_elsewhere(tmp_path, monkeypatch):
    full = tmp_path / "vol"
    real_write = files.atomic_write

    def disk_full(path, text, **kwargs):
        if full in path.parents:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, text, **kwargs)

    monkeypatch.setattr(files, "atomic_write", disk_full)
    monkeypatch.setattr("intervisie_tui.core.logbook.writer.atomic_write", disk_full)
    request = RunRequest(
        method_id="focusmethode",
        group="Team",
        participants=("An", "Bo", "Cor", "Dirk"),
        roles={"inbrenger": ("An",)},
    )
    clock = FakeClock(datetime(2026, 11, 24, 14, 0).astimezone())
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=request, log_dir=full))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, RunScreen)
        await pilot.press("space")
        ask = await wait_for(pilot, Ask)  # the first write failed: where else?
        assert str(full) in ask.value
        assert session_of(pilot).runner.state.status == "running"  # the meeting goes on
        await pilot.press("escape")  # not now
        await pilot.press("n", *"Niets kwijt", "enter")
        assert [e.text for e in session_of(pilot).runner.state.entries] == ["Niets kwijt"]
        assert not isinstance(app.screen, Ask)  # the same problem is not asked twice
        await pilot.press("n", *"Tweede", "enter")
        await pilot.press("ctrl+o")  # later, the timekeeper picks another folder after all
        ask = await wait_for(pilot, Ask)
        ask.query_one("Input").value = str(tmp_path / "usb")
        await pilot.press("enter")
        await pilot.pause()
        log = session_of(pilot).snapshot().log_path
        assert log is not None and (tmp_path / "usb") in log.parents
        text = log.read_text(encoding="utf-8")
        assert "Niets kwijt" in text and "Tweede" in text
