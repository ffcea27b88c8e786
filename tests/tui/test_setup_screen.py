"""The setup screen, driven by keys as a timekeeper would."""

from __future__ import annotations

from textual.widgets import Input, OptionList, TextArea

from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.setup import SetupScreen

from .test_whole_session import wait_for


async def open_setup(pilot) -> SetupScreen:
    screen = await wait_for(pilot, SetupScreen)
    await pilot.pause()
    return screen


async def test_typing_names_keeps_role_suggestions_in_step_with_the_list():
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # Incidentmethode
        assert setup.method is not None and setup.method.id == "incidentmethode"
        await pilot.press(*"Team", "tab", *"Anna, Bram, Cees, Daan", "tab")
        roles = {r: setup.query_one(f"#role-{r}", Input).value for r in ("inbrenger", "voorzitter")}
        assert roles["inbrenger"] == "Anna"  # a new group: the first in the list
        assert roles["voorzitter"] in ("Bram", "Cees", "Daan")  # whole names, not "B"
        assert setup.query_one("#start").disabled is False


async def test_a_role_typed_by_hand_is_kept_and_problems_are_listed():
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")
        await pilot.press(*"Team", "tab", *"Anna, Bram, Cees", "tab")
        await pilot.press("home", "shift+end", *"Zoë")  # inbrenger: someone not in the list
        problems = str(setup.query_one("#setup-problems").render())
        assert "'Zoë' (inbrenger) staat niet in de lijst van deelnemers" in problems
        assert setup.query_one("#start").disabled
        setup.query_one("#participants", TextArea).text = "Anna, Bram, Cees, Zoë"
        await pilot.pause()
        assert setup.query_one("#role-inbrenger", Input).value == "Zoë"  # typed: not overwritten
        assert setup.query_one("#start").disabled is False


async def test_the_method_filter_narrows_the_list():
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        setup.query_one("#method-filter").focus()
        await pilot.press(*"hoeden")
        options = setup.query_one("#method-list", OptionList)
        assert options.option_count == 1
        assert setup.method is not None and setup.method.id == "zes-denkhoeden"


async def test_a_burst_of_typing_in_the_filter_does_not_trip_over_its_own_fields(tmp_path):
    """Pasting into the filter rebuilt the role and step fields faster than they were removed."""
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        setup.query_one("#method-filter").focus()
        for text in ("s", "sp", "spe", "f", "fo", "", "speed", "zes", "5", "speedsparren"):
            setup.query_one("#method-filter", Input).value = text  # no pause between changes
        await pilot.pause()
        await pilot.pause()
        assert setup.method is not None and setup.method.id == "speedsparren"
        assert len(setup.query("#add-evaluation")) == 1
        assert len(setup.query("#role-vragenstellers")) == 1


async def test_fields_typed_in_one_burst_with_tab_land_in_their_own_fields():
    """Bug (tmux): "Team Noord", Tab and the names in one burst garbled both fields."""
    from textual import events

    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # Incidentmethode
        await pilot.pause()
        setup.set_focus(setup.query_one("#group", Input))
        driver = app._driver
        assert driver is not None
        for key in [*"Team Noord", "tab", *"An, Bo, Cor, Dirk", "tab"]:
            name = {" ": "space", ",": "comma"}.get(key, key)
            event = events.Key(name, None if key == "tab" else key)
            event.set_sender(app)
            driver.send_message(event)
        for _ in range(5):
            await pilot.pause()
        assert setup.query_one("#group", Input).value == "Team Noord"
        assert setup.query_one("#participants", TextArea).text == "An, Bo, Cor, Dirk"
