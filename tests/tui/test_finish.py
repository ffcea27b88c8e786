"""Finishing a session: the summary at once; journal and lock let go once it is on disk."""

from __future__ import annotations

import errno

import pytest
from textual.widgets import Static

from intervisie_tui.core import store
from intervisie_tui.core.journal import Journal
from intervisie_tui.core.lock import SessionLocked
from intervisie_tui.tui.screens.summary import SummaryScreen

from .harness import RunHarness, new_focus_session, saved, until


async def test_a_finish_the_disk_refuses_is_kept_until_it_is_saved(monkeypatch):
    """Bug: a refused finish still showed "Afgerond" and let go of journal and lock."""
    session = new_focus_session()
    session.retry_seconds = 0.01
    app = RunHarness(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        while not session.snapshot().is_last_step:
            await pilot.press("right")
        await saved(pilot)

        def disk_full(self, line):
            raise OSError(errno.ENOSPC, "No space left on device")

        real_append = Journal.append
        monkeypatch.setattr(Journal, "append", disk_full)
        await pilot.press("right", "y")
        await until(pilot, lambda: session.snapshot().save_error is not None)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        bottom = str(app.screen.query_one("#summary-log", Static).render())
        assert "nog niet bewaard" in bottom and "vol" in bottom
        with pytest.raises(SessionLocked):  # journal and lock still the app's meanwhile
            store.resume(session.runner.session_id, session.runner.clock)

        monkeypatch.setattr(Journal, "append", real_append)  # room again
        await saved(pilot)
        bottom = str(app.screen.query_one("#summary-log", Static).render())
        assert "niet bewaard" not in bottom
        assert session.queue is not None and session.queue.finished
    archived = store.finished_dir() / f"{session.runner.session_id}.jsonl"
    assert archived.is_file()


async def test_the_summary_offers_a_review_before_sharing_without_names(monkeypatch, tmp_path):
    from intervisie_tui.tui.screens.share_review import ShareReviewScreen

    monkeypatch.setenv("HOME", str(tmp_path))
    session = new_focus_session()
    app = RunHarness(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space", "n", *"Bo twijfelde", "enter")
        while not session.snapshot().is_last_step:
            await pilot.press("right")
        await pilot.press("right", "y")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await saved(pilot)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ShareReviewScreen))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
    (shared,) = tmp_path.glob("*-gedeeld.md")
    text = shared.read_text(encoding="utf-8")
    assert "Team Noord" not in text and "Bo " not in text
    assert any("gedeeld.md" in n.message for n in app._notifications)
