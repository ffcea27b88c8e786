"""Drive the run screen with keys on a FakeClock and check the session state."""

from __future__ import annotations

from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.widgets.countdown import Countdown

from .harness import RunHarness, make_view


async def test_space_starts_and_the_countdown_follows_the_clock():
    view, clock = make_view()
    app = RunHarness(view)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert view.runner.state.status == "ready"
        await pilot.press("space")
        assert view.runner.state.status == "running"
        clock.advance(61)
        screen.refresh_clock()
        status = screen.query_one(Countdown).status
        assert "03:59" in status
        await pilot.press("space")
        assert view.runner.is_paused
        clock.advance(600)
        screen.refresh_clock()
        assert "03:59" in screen.query_one(Countdown).status
        await pilot.press("space", "right")
        assert view.runner.state.current == 1
        assert not screen.query_one(Countdown).has_class("-overtime")
