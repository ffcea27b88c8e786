"""A whole incidentmethode session through the real app, on a FakeClock.

Setup screen -> run screen with captures in several phases, overtime, pause
and going back -> quit -> resume from the journal -> finish -> summary, and
the Markdown log holds everything.
"""

from __future__ import annotations

from datetime import datetime

from intervisie_tui import paths
from intervisie_tui.core import store
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.dialogs import Choice
from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.screens.setup import SetupScreen
from intervisie_tui.tui.screens.summary import SummaryScreen
from intervisie_tui.tui.widgets.countdown import Countdown

from .harness import beat, session_of

START = datetime(2026, 11, 24, 19, 30).astimezone()


async def wait_for(pilot, screen_type, tries: int = 50):
    for _ in range(tries):
        if isinstance(pilot.app.screen, screen_type):
            return pilot.app.screen
        await pilot.pause(0.01)
    raise AssertionError(f"expected {screen_type.__name__}, got {pilot.app.screen!r}")


async def wait_stored(pilot, tries: int = 50):
    """The run screen, once its new session is on disk (right after the first frame)."""
    run = await wait_for(pilot, RunScreen)
    for _ in range(tries):
        if not session_of(pilot).pending:
            return run
        await pilot.pause(0.01)
    raise AssertionError("the new session never reached the disk")


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


def log_files():
    return sorted(paths.log_dir().rglob("*.md"))


async def test_setup_run_quit_resume_finish(monkeypatch):
    clock = FakeClock(START)
    app = IntervisieApp(AppConfig(clock=clock, sound="off"))
    async with app.run_test(size=(100, 32)) as pilot:
        setup = await wait_for(pilot, SetupScreen)
        await pilot.pause()
        setup.query_one("#method-filter").focus()
        await type_text(pilot, "incident")
        await pilot.pause()
        assert setup.method is not None and setup.method.id == "incidentmethode"
        setup.query_one("#group").value = "Team Noord"
        setup.query_one("#participants").text = "An, Bo, Cor, Dirk, Eva"
        await pilot.pause()
        setup.query_one("#role-inbrenger").value = "An"
        setup.query_one("#case").value = "Overdracht nachtdienst"
        setup.query_one("#question").text = "Hoe zeg ik nee?"
        await pilot.pause()
        await pilot.press("ctrl+s")
        run = await wait_for(pilot, RunScreen)
        runner = session_of(pilot).runner
        assert runner.plan.setup.roles["inbrenger"] == ("An",)
        assert runner.plan.setup.roles["voorzitter"]  # filled by the rotation suggestion

        await pilot.press("space")  # start
        assert runner.state.status == "running"
        await pilot.press("i")  # this step writes down notes only: what is typed is a note
        await type_text(pilot, "Onzekerheid over de rol")
        await pilot.press("enter")
        assert [(e.kind, e.text) for e in runner.state.entries] == [
            ("note", "Onzekerheid over de rol")
        ]

        clock.advance(6 * 60)  # one minute over the 5 minutes of step 1
        await beat(pilot)
        assert run.query_one(Countdown).has_class("-overtime")
        assert "+01:00" in run.query_one(Countdown).caption

        await pilot.press("right")
        assert runner.state.current == 1

        await pilot.press("left")  # back to step 1
        assert runner.state.current == 0
        await pilot.press("right", "space")  # pause in step 2
        assert runner.is_paused
        clock.advance(120)
        await pilot.press("space")
        assert runner.state.status == "running"
        await pilot.press("n")
        await type_text(pilot, "Pauze was nodig")
        await pilot.press("enter")
        await pilot.press("plus")
        assert runner.state.steps[1].extra == 60

        await pilot.press("q")
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    session_id = runner.state.session_id
    journal_entries = [e.text for e in runner.state.entries]

    # The app starts again: it offers the interrupted session first.
    clock.advance(300)
    app2 = IntervisieApp(AppConfig(clock=clock, sound="off"))
    async with app2.run_test(size=(100, 32)) as pilot:
        choice = await wait_for(pilot, Choice)
        assert "Team Noord" in choice.question
        await pilot.click("#choice-meeting")
        run = await wait_for(pilot, RunScreen)
        runner = session_of(pilot).runner
        assert runner.state.session_id == session_id
        assert [e.text for e in runner.state.entries] == journal_entries
        assert runner.state.current == 1
        for _ in range(len(runner.plan.steps) - 2):
            await pilot.press("right")
        assert runner.state.current == len(runner.plan.steps) - 1
        await pilot.press("a")
        await type_text(pilot, "Bel de leverancier")
        await pilot.press("enter")
        await type_text(pilot, "Bo")
        await pilot.press("enter")
        await type_text(pilot, "2026-12-01")
        await pilot.press("enter")
        action = runner.state.entries[-1]
        assert (action.kind, action.owner, str(action.due)) == ("action", "Bo", "2026-12-01")
        await pilot.press("i")
        await type_text(pilot, "Goed gesprek")
        await pilot.press("enter")
        await pilot.press("right")  # last step: asks to finish
        await pilot.press("y")
        summary = await wait_for(pilot, SummaryScreen)
        assert runner.is_finished
        shown = str(summary.query_one("#summary-entries").render())
        assert "Bel de leverancier (Bo)" in shown and "Goed gesprek" in shown
        assert not paths.has_journals()  # finished: out of the way of the next start
        assert (store.finished_dir() / f"{session_id}.jsonl").is_file()

    [log] = log_files()
    text = log.read_text(encoding="utf-8")
    assert "status: finished" in text
    for step in runner.plan.steps:
        assert step.name in text
    for needle in (
        "Onzekerheid over de rol",
        "Bel de leverancier",
        "Pauze was nodig",
        "Goed gesprek",
        "Hoe zeg ik nee?",
    ):
        assert needle in text
