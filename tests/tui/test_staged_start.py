"""`intervisie run ...` draws the clock first and puts the session on disk right after.

The journal, lock and log must exist before the first command; a disk that
refuses them ends the app with one line before anything was typed.
"""

from __future__ import annotations

from intervisie_tui import paths
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.journal import read_journal
from intervisie_tui.errors import IntervisieError
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.run import RunScreen

from .harness import RunHarness, new_focus_session, session_of
from .test_resume_flow import START, request
from .test_whole_session import wait_stored


def test_a_new_session_is_drawable_before_anything_is_on_disk():
    session = new_focus_session()
    journal = paths.journal_dir() / f"{session.runner.session_id}.jsonl"
    assert session.pending and not journal.exists() and session.log is None
    assert session.open_on_disk().ok
    assert journal.is_file() and session.log is not None  # the log file follows the start
    assert session.open_on_disk().ok  # once on disk, opening again does nothing
    session.close()


async def test_run_stores_the_session_right_after_the_first_frame():
    app = IntervisieApp(AppConfig(clock=FakeClock(START), sound="off", request=request()))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_stored(pilot)
        await pilot.press("space")
        path = paths.journal_dir() / f"{session_of(pilot).runner.session_id}.jsonl"
        assert [type(e).__name__ for e in read_journal(path).events] == ["Start"]


async def test_a_key_before_the_store_stores_first_so_no_command_is_lost(monkeypatch):
    session = new_focus_session()
    app = RunHarness(session)
    monkeypatch.setattr(RunScreen, "_open_files", lambda self: None)
    async with app.run_test(size=(80, 24)) as pilot:  # the after-first-frame store never comes
        await pilot.pause()
        assert session.pending
        await pilot.press("space")
        assert not session.pending and session.runner.is_running
        path = paths.journal_dir() / f"{session.runner.session_id}.jsonl"
        assert [type(e).__name__ for e in read_journal(path).events] == ["Start"]


async def test_a_disk_that_refuses_the_session_ends_the_app_with_one_line(monkeypatch):
    session = new_focus_session()

    def refuse(runner: object) -> None:
        raise IntervisieError("De sessie kan niet worden opgeslagen: schijf vol")

    monkeypatch.setattr("intervisie_tui.core.store.store_on_disk", refuse)
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
    assert app.return_code == 1
    assert session.runner.state.status == "ready"  # nothing ran without a journal
