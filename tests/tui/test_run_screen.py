"""Drive the run screen with keys on a FakeClock and check the session state."""

from __future__ import annotations

from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.widgets.countdown import Countdown

from .harness import RunHarness, beat, make_session


async def test_space_starts_and_the_countdown_follows_the_clock():
    session, clock = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert session.runner.state.status == "ready"
        await pilot.press("space")
        assert session.runner.state.status == "running"
        clock.advance(61)
        await beat(pilot)
        status = screen.query_one(Countdown).caption
        assert "03:59" in status
        await pilot.press("space")
        assert session.runner.is_paused
        clock.advance(600)
        await beat(pilot)
        assert "03:59" in screen.query_one(Countdown).caption
        await pilot.press("space", "right")
        assert session.runner.state.current == 1
        assert not screen.query_one(Countdown).has_class("-overtime")
