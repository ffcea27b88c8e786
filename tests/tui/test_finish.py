"""Finishing a session: the summary only once the finish is on disk."""

from __future__ import annotations

import errno

from intervisie_tui.core.journal import Journal
from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.screens.summary import SummaryScreen

from .harness import RunHarness, new_focus_session


async def test_a_finish_the_disk_refuses_shows_no_summary_and_keeps_the_session(monkeypatch):
    """Bug: a refused finish still showed "Afgerond" and let go of journal and lock."""
    session = new_focus_session()
    app = RunHarness(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        while not session.snapshot().is_last_step:
            await pilot.press("right")

        def disk_full(self, line):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(Journal, "append", disk_full)
        await pilot.press("right", "y")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert session.runner.state.status == "running" and not session.runner.closed
        said = [n.message for n in app._notifications]
        assert any("No space left" in message for message in said)

        monkeypatch.undo()  # space again: the same keys finish it
        await pilot.press("right", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert session.runner.is_finished and session.runner.closed
