"""Time per person on the run screen: the speaker's countdown, the warning, the next name."""

from __future__ import annotations

from contextlib import asynccontextmanager

from intervisie_tui.tui.widgets.countdown import Countdown
from intervisie_tui.tui.widgets.prompts import PromptPanel
from tests.core.engine_helpers import ROUND_TABLE

from .harness import RunHarness, beat, make_session


@asynccontextmanager
async def _started():
    """A round table on the run screen, its clock started: (pilot, app, session, clock)."""
    session, clock = make_session(ROUND_TABLE, roles={"inbrenger": ("An",)}, evaluation=False)
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        yield pilot, app, session, clock


async def test_the_speaker_counts_down_is_warned_and_the_turn_goes_on_when_time_is_up():
    async with _started() as (pilot, app, session, clock):
        countdown = app.screen.query_one(Countdown)
        clock.advance(50)
        await beat(pilot)
        assert countdown.caption.startswith("Bo: nog 01:10 (ieder 2 min) · ")
        clock.advance(45)
        await beat(pilot)  # 25 s left for Bo: warned, with the bell
        assert app.bells == 1
        clock.advance(25)
        await beat(pilot)  # Bo's time is up: Cor's turn, by itself
        assert app.bells == 2
        assert session.snapshot().next_speaker == "Cor"
        assert countdown.caption.startswith("Cor: nog 02:00 (ieder 2 min) · ")
        assert "Bo ✓" in app.screen.query_one(PromptPanel).plain
        assert "Cor ▶" in app.screen.query_one(PromptPanel).plain


async def test_enter_gives_the_next_name_a_full_turn():
    async with _started() as (pilot, app, session, clock):
        clock.advance(40)
        await pilot.press("r", *"Herkenbaar", "enter")  # Bo's statement; on to Cor
        await pilot.pause()
        assert [e.participant for e in session.snapshot().entries] == ["Bo"]
        await pilot.press("enter")  # Cor passes: on to Dirk
        await pilot.pause()
        clock.advance(10)
        await beat(pilot)
        caption = app.screen.query_one(Countdown).caption
        assert caption.startswith("Dirk: nog 01:50 (ieder 2 min) · ")


async def test_a_step_without_countdown_counts_up_on_the_screen():
    async with _started() as (pilot, app, session, clock):
        session.jump(3)
        clock.advance(12 * 60 + 3)
        await beat(pilot)
        countdown = app.screen.query_one(Countdown)
        assert countdown.value == "12:03"
        assert not countdown.has_class("-overtime") and not countdown.has_class("-warning")
        assert countdown.caption == "12:03 verstreken van 10 min; telt op"
