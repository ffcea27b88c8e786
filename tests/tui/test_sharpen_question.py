"""`h` in the step that sharpens the help question: prefilled, saved, shown on the run screen."""

from __future__ import annotations

from textual.widgets import Static

from intervisie_tui.core.library import find_method

from .harness import RunHarness, make_session, until

QUESTION = "Hoe ga ik om met een boze vader?"


async def test_h_sharpens_the_question_starting_from_the_one_brought_in():
    session, _ = make_session(
        find_method("incidentmethode").method,
        participants=("An", "Bo", "Cor", "Dirk"),
        roles={"inbrenger": ("An",), "voorzitter": ("Bo",)},
        question=QUESTION,
    )
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.press("h")  # not in the first step: says so
        await pilot.pause()
        assert any("aangescherpte hulpvraag" in n.message for n in app._notifications)
        while "question" not in session.snapshot().step.capture:
            await pilot.press("right")
        recent = app.screen.query_one("#recent", Static)
        assert f"Hulpvraag: {QUESTION}" in str(recent.render())
        await pilot.press("h")
        box = app.screen.query_one("#capture-input")
        await until(pilot, lambda: getattr(box, "value", "") == QUESTION)
        await pilot.press("ctrl+u", *"Hoe blijf ik rustig?", "enter")
        await until(pilot, lambda: session.snapshot().sharpened == "Hoe blijf ik rustig?")
        assert "Aangescherpte hulpvraag: Hoe blijf ik rustig?" in str(recent.render())
        await pilot.press("right")
        await pilot.pause()
        assert "Aangescherpte hulpvraag: Hoe blijf ik rustig?" in str(recent.render())
