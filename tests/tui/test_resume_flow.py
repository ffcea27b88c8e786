"""Resuming and discarding an interrupted session from the app's first screen."""

from __future__ import annotations

from datetime import datetime

from intervisie_tui import paths
from intervisie_tui.core import store
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.i18n import t_lang
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig, RunRequest
from intervisie_tui.tui.screens.dialogs import Choice
from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.screens.setup import SetupScreen

from .harness import session_of
from .test_whole_session import wait_for, wait_stored

START = datetime(2026, 11, 24, 14, 0).astimezone()


def request(group: str = "Team Noord") -> RunRequest:
    return RunRequest(
        method_id="focusmethode",
        group=group,
        participants=("An", "Bo", "Cor", "Dirk"),
        roles={"inbrenger": ("An",)},
    )


async def interrupted_session(clock, log_dir=None) -> str:
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=request(), log_dir=log_dir))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, RunScreen)
        await pilot.press("space", "n", *"Eerste notitie", "enter", "q", "y")
    return session_of(pilot).runner.state.session_id


async def test_resume_writes_to_the_log_folder_the_session_began_with(tmp_path):
    clock = FakeClock(START)
    shared = tmp_path / "gedeelde-schijf"
    session_id = await interrupted_session(clock, log_dir=shared)
    clock.advance(60)
    app = IntervisieApp(AppConfig(clock=clock, sound="off", resume_id=session_id))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, RunScreen)
        await pilot.press("n", *"Na de herstart", "enter")
        log = session_of(pilot).snapshot().log_path
    assert log is not None and shared in log.parents
    assert not list(paths.log_dir().rglob("*.md"))  # nothing split off into the default
    text = log.read_text(encoding="utf-8")
    assert "Eerste notitie" in text and "Na de herstart" in text


async def test_discarding_removes_the_journal_and_the_half_written_log():
    clock = FakeClock(START)
    await interrupted_session(clock)
    assert list(paths.log_dir().rglob("*.md"))
    app = IntervisieApp(AppConfig(clock=clock, sound="off"))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, Choice)
        await pilot.press("down", "down", "enter")  # arrows move between the answers
        await pilot.press("y")  # it had an entry: confirm throwing it away
        await wait_for(pilot, SetupScreen)
    assert store.interrupted_sessions() == []
    assert not list(paths.log_dir().rglob("*.md"))


async def test_run_for_another_group_is_not_held_up_by_an_interrupted_session():
    clock = FakeClock(START)
    await interrupted_session(clock)
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=request("Team Zuid")))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_stored(pilot)
        assert session_of(pilot).runner.plan.setup.group == "Team Zuid"
    assert len(store.interrupted_sessions()) == 2


async def test_discarding_a_session_with_entries_asks_first_and_no_keeps_it():
    from intervisie_tui.tui.screens.dialogs import Confirm

    clock = FakeClock(START)
    await interrupted_session(clock)
    app = IntervisieApp(AppConfig(clock=clock, sound="off"))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, Choice)
        await pilot.click("#choice-discard")
        await wait_for(pilot, Confirm)
        await pilot.press("n")
        await wait_for(pilot, Choice)  # asked again: nothing was thrown away
    assert len(store.interrupted_sessions()) == 1


async def test_a_session_stopped_with_q_is_offered_without_asking_how_the_time_counts():
    """Bug: the dialog said "de tijd liep door" for a session whose clock stood still."""
    clock = FakeClock(START)
    await interrupted_session(clock)  # q pauses the clock before it stops
    app = IntervisieApp(AppConfig(clock=clock, sound="off"))
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await wait_for(pilot, Choice)
        answers = [value for value, _ in dialog.choices]
        assert answers == ["meeting", "new", "discard"]
        assert dict(dialog.choices)["meeting"] == "Verder gaan (de klok stond stil)"


def test_a_session_whose_clock_ran_is_asked_how_the_gap_counts(tmp_path):
    from tests.core.engine_helpers import fake_clock, small_plan

    runner = store.new_session(small_plan(), fake_clock(), "liep")
    runner.start()
    runner.close()  # the app died with the clock running
    runner = store.new_session(small_plan(), fake_clock(), "stond")
    runner.close()  # set up, never started
    infos = {info.session_id: info.clock_ran for info in store.interrupted_sessions()}
    assert infos == {"liep": True, "stond": False}


async def test_a_session_begun_in_english_is_resumed_all_in_english():
    """Issue 14, item 13: `run --lang en`, then `resume` without it came back half Dutch."""
    from intervisie_tui.i18n import get_language
    from intervisie_tui.tui.widgets.keybar import KeyBar

    clock = FakeClock(START)
    app = IntervisieApp(AppConfig(lang="en", clock=clock, sound="off", request=request()))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, RunScreen)
        await pilot.press("space", "n", *"First note", "enter", "q", "y")
    session_id = session_of(pilot).runner.state.session_id
    clock.advance(60)
    app = IntervisieApp(AppConfig(lang="nl", clock=clock, sound="off"))  # offered at start
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, Choice)
        await pilot.press("enter")  # go on
        run = await wait_for(pilot, RunScreen)
        await pilot.pause()
        assert get_language() == "en"
        keys = [item.description for item in run.query_one(KeyBar).items()]
        assert t_lang("en", "key.next") in keys and t_lang("nl", "key.next") not in keys
        theme = app.screen.active_bindings["f2"].binding.description
        assert theme == t_lang("en", "key.theme")  # the app's own keys as well
        await pilot.press("n", *"Second note", "enter")
        log = session_of(pilot).snapshot().log_path
        assert session_of(pilot).runner.state.session_id == session_id
    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "Second note" in text and t_lang("nl", "log.sub.notes") not in text
