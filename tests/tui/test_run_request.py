"""`intervisie run ...` straight to the run screen: the setup's rules hold there too (issue 14)."""

from __future__ import annotations

from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig, RunRequest
from intervisie_tui.tui.screens.setup import SetupScreen

from .harness import session_of
from .test_whole_session import wait_for, wait_stored


async def test_roles_given_on_the_command_line_keep_the_inbrenger_out_of_other_roles():
    """Item 15: `--role inbrenger=Bo --role voorzitter=An`; the suggestion made Bo tijdbewaker."""
    request = RunRequest(
        method_id="incidentmethode",
        group="Team Noord",
        participants=("An", "Bo", "Cor", "Dirk"),
        roles={"inbrenger": ("Bo",), "voorzitter": ("An",)},
    )
    app = IntervisieApp(AppConfig(sound="off", request=request, check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_stored(pilot)
        held = session_of(pilot).runner.plan.holders
    assert held["inbrenger"] == ("Bo",) and held["voorzitter"] == ("An",)
    assert held["tijdbewaker"] and "Bo" not in held["tijdbewaker"]
    assert "Bo" not in held["leden"]


async def test_a_group_too_small_without_force_opens_the_setup_screen_that_asks():
    request = RunRequest(
        method_id="incidentmethode",
        group="Team Noord",
        participants=("An", "Bo", "Cor"),
        roles={"inbrenger": ("An",)},
    )
    app = IntervisieApp(AppConfig(sound="off", request=request, check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SetupScreen)
    forced = RunRequest(**{**request.__dict__, "force": True})
    app = IntervisieApp(AppConfig(sound="off", request=forced, check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_stored(pilot)
        assert session_of(pilot).runner.plan.setup.participants == ("An", "Bo", "Cor")
