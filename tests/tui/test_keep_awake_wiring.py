"""The app keeps the laptop awake from the run screen until the session is closed."""

from __future__ import annotations

from intervisie_tui.tui.screens.summary import SummaryScreen

from .harness import RunHarness, make_session, until


async def test_the_laptop_is_kept_awake_while_the_session_runs_and_let_go_at_the_finish():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.awake.held.wait(30)
        assert app.awake.released == 0
        await pilot.press("space")
        while not session.snapshot().is_last_step:
            await pilot.press("right")
        await pilot.press("right", "y")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert app.awake.released == 1  # finished: the laptop may sleep again
    assert app.awake.released == 1  # and not twice


async def test_quitting_lets_the_laptop_sleep_again():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "q", "y")
        await until(pilot, lambda: not app.is_running)
    assert app.awake.released == 1
