"""Across sessions in the app: the look-back step, decisions on open items, the group file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from intervisie_tui import paths
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.group import group_file_path, load_group_file
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig, RunRequest
from intervisie_tui.tui.screens.agreements import AgreementsScreen
from intervisie_tui.tui.screens.followup import FollowUpScreen
from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.screens.setup import SetupScreen
from intervisie_tui.tui.screens.summary import SummaryScreen

from .harness import session_of
from .test_whole_session import wait_for

PEOPLE = ("An", "Bo", "Cor", "Dirk", "Eva", "Fien")


def request(roles: dict[str, tuple[str, ...]] | None = None) -> RunRequest:
    return RunRequest(
        method_id="focusmethode",
        group="Team Zuid",
        participants=PEOPLE,
        roles={"inbrenger": ("An",)} if roles is None else roles,
    )


async def finish(pilot, runner) -> None:
    while runner.state.current < len(runner.plan.steps) - 1:
        await pilot.press("right")
    await pilot.press("right", "y")
    await wait_for(pilot, SummaryScreen)


async def test_open_items_come_back_and_decisions_are_logged():
    clock = FakeClock(datetime(2026, 11, 3, 14, 0).astimezone())
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=request()))
    async with app.run_test(size=(100, 32)) as pilot:
        run = await wait_for(pilot, RunScreen)
        runner = session_of(pilot).runner
        assert runner.plan.steps[0].kind == "phase"  # a new group: nothing to look back on
        await pilot.press("space")
        while "actions" not in runner.step.capture:  # action items where the method has them
            await pilot.press("right")
        for text, owner in (("Bel de huisarts", "Bo"), ("Lees het protocol", "Cor")):
            await pilot.press("a", *text, "enter", *owner, "enter", "enter")
        await finish(pilot, runner)

    clock.advance(14 * 24 * 3600)
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=request(roles={})))
    async with app.run_test(size=(100, 32)) as pilot:
        run = await wait_for(pilot, RunScreen)
        runner = session_of(pilot).runner
        setup = runner.plan.setup
        assert runner.plan.steps[0].kind == "followup"
        assert [item.text for item in setup.open_items] == ["Bel de huisarts", "Lees het protocol"]
        assert setup.previous_inbrenger == ("An",)
        assert setup.roles["inbrenger"] != ("An",)  # the rotation picks someone else
        shown = str(run.query_one("#recent").render())
        assert "An, wat heb je met het advies" in shown and "Bo: Bel de huisarts" in shown
        await pilot.press("space", "f")
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("1")  # done; the cursor moves on
        await pilot.press("2")  # continued
        await pilot.press("escape")
        decisions = {k: f.decision for k, f in runner.state.followups.items()}
        assert sorted(decisions.values()) == ["continued", "done"]
        await finish(pilot, runner)
        log = session_of(pilot).snapshot().log_path

    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "Bel de huisarts" in text and "Lees het protocol" in text
    assert "- [x] Bo: Bel de huisarts" in text


def _team_zuid_with_a_topic() -> Path:
    folder = group_file_path("Team Zuid", paths.log_dir())
    folder.parent.mkdir(parents=True)
    folder.write_text(
        "name: Team Zuid\n"
        "goal: Leren van lastige overdrachten\n"
        "agreements:\n  confidentiality: Wat hier gezegd wordt, blijft hier\n"
        "topics:\n  - title: Overdracht in de nacht\n",
        encoding="utf-8",
    )
    return folder


async def test_setup_shows_the_group_file_and_marks_the_topic_taken_as_the_case():
    folder = _team_zuid_with_a_topic()
    clock = FakeClock(datetime(2026, 11, 24, 14, 0).astimezone())
    req = RunRequest(method_id="incidentmethode", group="Team Zuid")
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=req))
    async with app.run_test(size=(100, 32)) as pilot:
        setup = await wait_for(pilot, SetupScreen)
        await pilot.pause()
        info = str(setup.query_one("#group-info").render())
        assert "Leren van lastige overdrachten" in info
        assert "Wat hier gezegd wordt, blijft hier" in info
        assert "Overdracht in de nacht" in info
        setup.query_one("#participants").text = ", ".join(PEOPLE)
        setup.query_one("#case").value = "Overdracht in de nacht"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, AgreementsScreen)  # the group's agreements come first
        await pilot.press("enter")
        await wait_for(pilot, RunScreen)
    group = load_group_file(folder)
    assert group is not None
    topic = group.topic("Overdracht in de nacht")
    assert topic is not None
    assert [str(day) for day in topic.chosen] == ["2026-11-24"]


async def test_a_method_without_its_own_evaluation_can_skip_the_apps():
    """Speedsparren (no case, so no topic either): the added evaluation may be switched off."""
    _team_zuid_with_a_topic()
    clock = FakeClock(datetime(2026, 11, 24, 14, 0).astimezone())
    req = RunRequest(method_id="speedsparren", group="Team Zuid")
    app = IntervisieApp(AppConfig(clock=clock, sound="off", request=req))
    async with app.run_test(size=(100, 32)) as pilot:
        setup = await wait_for(pilot, SetupScreen)
        await pilot.pause()
        setup.query_one("#participants").text = ", ".join(PEOPLE)
        await pilot.pause()
        setup.query_one("#add-evaluation").value = False
        await pilot.pause()
        await pilot.press("ctrl+s")
        agreements = await wait_for(pilot, AgreementsScreen)  # looked at before the first step
        await pilot.pause()
        shown = " ".join(str(line.render()) for line in agreements.query(".agreement"))
        assert "Leren van lastige overdrachten" in shown and "blijft hier" in shown
        await pilot.press("enter")
        await wait_for(pilot, RunScreen)
        kinds = [step.kind for step in session_of(pilot).runner.plan.steps]
        assert "evaluation" not in kinds
