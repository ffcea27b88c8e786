"""`intervisie run ...` draws the clock first and puts the session on disk right after.

The journal, lock and log must exist before the first command; a disk that
refuses them ends the app with one line before anything was typed.
"""

from __future__ import annotations

from intervisie_tui import paths
from intervisie_tui.core.journal import read_journal
from intervisie_tui.core.library import find_method
from intervisie_tui.core.setup import SessionSetup
from intervisie_tui.errors import IntervisieError
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.startup import begin_session

from .harness import RunHarness, make_view
from .test_resume_flow import START, request
from .test_whole_session import wait_stored


def test_a_new_session_is_drawable_before_anything_is_on_disk():
    from intervisie_tui.core.clock import FakeClock

    app = IntervisieApp(AppConfig(clock=FakeClock(START), sound="off"))
    method = find_method("focusmethode").method
    setup = SessionSetup(
        method_id="focusmethode", group="Team Noord", participants=("An", "Bo", "Cor"),
        roles={"inbrenger": ("An",)},
    )  # fmt: skip
    view = begin_session(app, method, setup)
    journal = paths.journal_dir() / f"{view.runner.session_id}.jsonl"
    assert not journal.exists() and view.log is None
    view.store()
    assert journal.is_file() and view.log is not None  # the log file follows the start
    view.store()  # once on disk, storing again does nothing
    view.leave()


async def test_run_stores_the_session_right_after_the_first_frame():
    from intervisie_tui.core.clock import FakeClock

    app = IntervisieApp(AppConfig(clock=FakeClock(START), sound="off", request=request()))
    async with app.run_test(size=(100, 32)) as pilot:
        run = await wait_stored(pilot)
        await pilot.press("space")
        path = paths.journal_dir() / f"{run.view.runner.session_id}.jsonl"
        assert [type(e).__name__ for e in read_journal(path).events] == ["Start"]


async def test_a_key_before_the_store_stores_first_so_no_command_is_lost():
    view, _ = make_view()
    app = RunHarness(view)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        order: list[str] = []
        view.pending_store = lambda: order.append(view.runner.state.status)
        await pilot.press("space")
        assert order == ["ready"] and view.runner.is_running
        assert view.pending_store is None


async def test_a_disk_that_refuses_the_session_ends_the_app_with_one_line():
    view, _ = make_view()

    def refuse() -> None:
        raise IntervisieError("De sessie kan niet worden opgeslagen: schijf vol")

    view.pending_store = refuse
    app = RunHarness(view)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert view.runner.state.status == "ready"  # nothing ran without a journal
