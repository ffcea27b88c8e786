"""NO_COLOR and light/dark: time must read without colour, and both themes work."""

from __future__ import annotations

from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.setup import SetupScreen
from intervisie_tui.tui.widgets.countdown import Countdown

from .harness import RunHarness, beat, make_session
from .test_whole_session import wait_for


async def test_no_color_still_says_overtime_in_words_and_sign(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    session, clock = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await pilot.pause()
        await pilot.press("space")
        clock.advance(6 * 60)
        screen = app.screen
        await beat(pilot)
        assert "+01:00" in screen.query_one(Countdown).caption
        assert "Overtijd" in screen.query_one(Countdown).caption


async def test_f2_switches_between_dark_and_light():
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SetupScreen)
        assert app.current_theme.dark
        await pilot.press("f2")
        assert not app.current_theme.dark
        await pilot.press("f2")
        assert app.current_theme.dark
