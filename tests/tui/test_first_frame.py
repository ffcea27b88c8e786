"""Start-up near the first frame: size classes up front, collection as usual after."""

from __future__ import annotations

import gc

from intervisie_tui import collect
from intervisie_tui.tui.screens.run import RunScreen

from .harness import RunHarness, make_session


async def test_a_screen_has_its_size_classes_before_its_first_resize():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = RunScreen(session.snapshot())  # made, not yet mounted or resized
        assert {"-normal", "-medium"} <= screen.classes
        assert not {"-narrow", "-wide", "-short", "-tall"} & screen.classes
    async with RunHarness(session).run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert {"-narrow", "-short"} <= RunScreen(session.snapshot()).classes


async def test_the_first_screen_drawn_ends_the_start_up_collection():
    before = gc.get_threshold()
    collect.starting()
    try:
        session, _ = make_session()
        async with RunHarness(session).run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.get_threshold() == before
            assert gc.get_freeze_count() > 0
    finally:
        collect.started()
        gc.unfreeze()
        gc.set_threshold(*before)
