"""The laptop slept during a phase: the app asks how that time counts, as on resume."""

from __future__ import annotations

import pytest

from intervisie_tui.tui.screens.dialogs import Choice

from .harness import RunHarness, beat, make_session


@pytest.mark.parametrize(("answer", "left"), [("escape", 5 * 60 - 10 - 8 * 60), ("pause", 290)])
async def test_after_a_sleep_the_timekeeper_says_whether_it_was_meeting_time(answer, left):
    session, clock = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await beat(pilot)
        clock.advance(10)
        await beat(pilot)
        clock.sleep(8 * 60)  # the lid was closed for eight minutes
        await beat(pilot)
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "8 minuten" in app.screen.question
        if answer == "pause":
            await pilot.click("#choice-pause")
        else:
            await pilot.press("escape")  # not now: as the clock ran
        await pilot.pause()
        assert not isinstance(app.screen, Choice)
        assert session.snapshot().remaining == pytest.approx(left)
        await beat(pilot)
        await pilot.pause()
        assert not isinstance(app.screen, Choice)  # asked once
