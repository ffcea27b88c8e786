"""The group's agreements are looked at before the first step, and go with one key."""

from __future__ import annotations

import pytest

from intervisie_tui.core.group import GroupFile
from intervisie_tui.tui.screens.agreements import AgreementsScreen
from intervisie_tui.tui.screens.run import RunScreen

from .harness import RunHarness, make_session, until

TEAM = GroupFile.model_validate(
    {
        "name": "Team Noord",
        "goal": "Leren van lastige thuiszorgsituaties",
        "agreements": {
            "frequency": "zes keer per jaar, twee uur",
            "confidentiality": "wat hier besproken wordt, blijft hier",
            "recorded": "inzichten en actiepunten, geen cliëntnamen",
            "shared_with": "alleen de samenvatting, met het teamoverleg",
        },
    }
)


def with_agreements():
    session, _ = make_session(agreements=TEAM.agreement_lines())
    return session


def test_the_group_file_gives_goal_and_agreements_in_order():
    assert [key for key, _ in TEAM.agreement_lines()] == [
        "goal", "frequency", "confidentiality", "recorded", "shared_with",
    ]  # fmt: skip
    assert GroupFile(name="Leeg").agreement_lines() == ()


@pytest.mark.parametrize("key", ["enter", "escape", "space"])
async def test_the_agreements_come_first_and_one_key_goes_on(key):
    session = with_agreements()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AgreementsScreen))
        await until(pilot, lambda: len(app.screen.query(".agreement")) == 5)
        await pilot.pause()
        shown = " ".join(str(s.render()) for s in app.screen.query(".agreement"))
        assert "blijft hier" in shown and "Vertrouwelijkheid" in shown and "Doel" in shown
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, RunScreen))
        assert session.snapshot().status == "ready"  # the panel's key does not start the clock
        await pilot.press("space")
        await until(pilot, lambda: session.snapshot().running)


async def test_without_agreements_or_once_started_there_is_no_panel():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
    started = with_agreements()
    started.start()  # a resumed session has begun: its agreements were looked at
    app = RunHarness(started)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
