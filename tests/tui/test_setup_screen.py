"""The setup screen, driven by keys as a timekeeper would."""

from __future__ import annotations

import pytest
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


def burst(app, keys) -> None:
    """Keys as one burst: all in the app's queue before the first is handled."""
    from textual import events

    driver = app._driver
    assert driver is not None
    for key in keys:
        name = {" ": "space", ",": "comma"}.get(key, key)
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(app)
        driver.send_message(event)


async def settle(pilot, rounds: int = 6) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def test_no_tab_stop_is_outside_a_field_and_nothing_typed_vanishes():
    """Item 6: Tab landed on the invisible scroll container; what was typed there was lost."""
    from textual.widgets import Button, Checkbox

    fields = (Input, TextArea, OptionList, Checkbox, Button)
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # Incidentmethode
        stops = []
        for _ in range(14):
            await pilot.press("tab")
            stops.append(app.focused)
        assert all(isinstance(stop, fields) for stop in stops), stops
        setup.set_focus(setup.query_one("#method-filter"))
        await pilot.press("tab", "tab", *"Team")  # filter -> list -> the group field
        assert setup.query_one("#group", Input).value == "Team"


async def test_the_help_question_is_readable_at_80_columns():
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # Incidentmethode
        question = setup.query_one("#question", TextArea)
        question.text = "Hoe geef ik grenzen aan zonder de relatie te schaden?"
        await pilot.pause()
        lines = question.wrapped_document.height
        assert 2 <= lines <= question.content_size.height  # all of it in view, wrapped
        assert question.content_size.width >= 24


@pytest.mark.parametrize("where", ["list", "filter"])
async def test_a_method_picked_with_enter_then_a_burst_lands_in_the_group(where):
    """Leftover: text typed in the same burst as the Enter that picks a method went astray."""
    picking = ["down"] * 4 if where == "list" else [*"incident"]
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        setup.set_focus(setup.query_one(f"#method-{where}"))
        await pilot.pause()
        burst(app, [*picking, "enter", *"Team Noord", "tab", *"An, Bo"])
        await settle(pilot)
        assert setup.method is not None and setup.method.id == "incidentmethode"
        typed = "" if where == "list" else "incident"
        assert setup.query_one("#method-filter", Input).value == typed
        assert setup.query_one("#group", Input).value == "Team Noord"
        assert setup.query_one("#participants", TextArea).text == "An, Bo"


async def test_speedsparren_asks_for_no_case_no_inbrenger_and_no_help_question():
    """Item 12: everyone brings a question of their own."""
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press(*"speed", "enter")
        await settle(pilot)
        assert not setup.query_one("#case-row").display
        assert not setup.query_one("#question-row").display
        assert not setup.query("#role-inbrenger")
        setup.query_one("#participants", TextArea).text = "An, Bo, Cor, Dirk, Eva, Fien"
        setup.query_one("#question", TextArea).text = "left from another method"
        await settle(pilot)
        built = setup.build_setup()
        assert built is not None and (built.case_title, built.question) == ("", "")
        assert setup.query_one("#start").disabled is False
        setup.query_one("#method-filter", Input).value = "incident"  # a method with a case
        await settle(pilot)
        assert setup.method is not None and setup.method.id == "incidentmethode"
        assert setup.query_one("#question-row").display


async def test_a_typed_inbrenger_gets_no_other_role_from_the_suggestion():
    """Item 15 on the screen: Bo typed as inbrenger is not suggested as tijdbewaker."""
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # Incidentmethode
        await pilot.press(*"Team", "tab", *"An, Bo, Cor, Dirk", "tab")
        assert setup.query_one("#role-tijdbewaker", Input).value == "Bo"  # the suggestion
        await pilot.press("home", "shift+end", *"Bo")  # Bo brings the case
        await pilot.press("tab")
        roles = {
            role: setup.query_one(f"#role-{role}", Input).value
            for role in ("voorzitter", "tijdbewaker")
        }
        assert "Bo" not in roles.values() and all(roles.values())
        setup.query_one("#role-voorzitter", Input).value = "Bo"  # typed by hand: said
        await settle(pilot)
        problems = str(setup.query_one("#setup-problems").render())
        assert "'Bo' kan niet tegelijk Inbrenger en Voorzitter zijn" in problems
        assert setup.query_one("#start").disabled


async def test_a_group_too_small_is_said_and_start_asks_first():
    """Item 16: three people for the incidentmethode (4 to 12)."""
    from intervisie_tui.tui.screens.dialogs import Confirm
    from intervisie_tui.tui.screens.run import RunScreen

    from .test_whole_session import wait_for

    app = IntervisieApp(AppConfig(check_interrupted=False, sound="off"))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # Incidentmethode
        await pilot.press(*"Team", "tab", *"An, Bo, Cor", "tab")
        await settle(pilot)
        problems = str(setup.query_one("#setup-problems").render())
        assert "3 deelnemers: Incidentmethode is voor 4 tot 12 deelnemers" in problems
        assert setup.query_one("#start").disabled is False
        await pilot.press("ctrl+s")
        await wait_for(pilot, Confirm)
        await pilot.press("n")  # not now: back, everything as typed
        await settle(pilot)
        assert app.screen is setup and setup.query_one("#group", Input).value == "Team"
        await pilot.press("ctrl+s")
        await wait_for(pilot, Confirm)
        await pilot.press("y")
        await wait_for(pilot, RunScreen)


async def test_members_of_earlier_sessions_not_in_todays_list_are_offered_as_absent(tmp_path):
    from intervisie_tui.core.logbook.writer import LogWriter
    from tests.core.logbook_helpers import setup as log_setup
    from tests.core.logbook_helpers import state

    earlier = state(log_setup(group="Team", participants=("An", "Bo", "Cor", "Dewi", "Eef")))
    LogWriter.for_group("Team", tmp_path).write(earlier)
    app = IntervisieApp(AppConfig(check_interrupted=False, log_dir=tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # Incidentmethode
        await pilot.press(*"Team", "tab")
        await pilot.pause()
        names = setup.query_one("#participants", TextArea)
        assert names.text == "An, Bo, Cor, Dewi, Eef"  # last time's list
        absent = setup.query_one("#absent", Input)
        assert absent.value == ""
        names.text = "An, Bo, Cor, Eef"
        await pilot.pause()
        assert absent.value == "Dewi"
        absent.value = "Dewi, Fien"  # typed: kept when the list changes
        names.text = "An, Bo, Cor"
        await pilot.pause()
        assert absent.value == "Dewi, Fien"
        built = setup.build_setup()
        assert built is not None and built.absent == ("Dewi", "Fien")


async def test_the_method_list_says_which_method_replaces_a_builtin_and_counts_the_evaluation():
    from intervisie_tui import paths

    folder = paths.user_methods_dir()
    folder.mkdir(parents=True, exist_ok=True)
    builtin = paths.builtin_methods_dir() / "speedsparren.yaml"
    (folder / "speedsparren.yaml").write_text(builtin.read_text(encoding="utf-8"))
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        options = setup.query_one("#method-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        # 58 minutes of its own and the 5-minute evaluation the app adds
        assert "Speedsparren  (63 min)  (vervangt ingebouwd)" in prompts
        assert "Balint-methode  (60 min)" in prompts


async def test_rounds_are_chosen_on_the_setup_screen_and_the_total_follows(tmp_path):
    import json

    import yaml

    from tests.core.engine_helpers import ROUND_TABLE

    data = json.loads(json.dumps(ROUND_TABLE))
    data["phases"][0]["rounds"] = {"min": 1, "max": 6}
    (tmp_path / "rt.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = IntervisieApp(AppConfig(check_interrupted=False, methods_dirs=(tmp_path,)))
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        setup.query_one("#method-filter").focus()
        await pilot.press(*"rondetafel", "enter")
        await pilot.pause()
        assert setup.method is not None and setup.method.id == "rt"
        await pilot.press(*"Team", "tab", *"An, Bo, Cor", "tab")
        field = setup.query_one("#rounds-casus", Input)
        assert field.value == "3" and field.size.width >= 3  # beside its label, visible
        total = setup.query_one("#setup-total")
        # 3 rounds of 2 leden x 2 minutes, and 10 minutes open conversation, plus evaluation
        assert str(total.render()) == (
            "Deze sessie: 27 min in 5 stappen\nInbrenger per ronde: An → Bo → Cor"
        )
        field.value = "5"
        await pilot.pause()
        assert str(total.render()) == (
            "Deze sessie: 35 min in 7 stappen\nInbrenger per ronde: An → Bo → Cor → An → Bo"
        )
        built = setup.build_setup()
        assert built is not None and built.rounds == {"casus": 5}
        field.value = "8"
        await pilot.pause()
        assert "Casus: kies 1 tot 6 rondes, niet 8" in str(
            setup.query_one("#setup-problems").render()
        )
        assert setup.query_one("#start").disabled


async def test_the_filter_puts_the_method_named_so_first():
    """Found as a new user: typing "ronde" and Enter chose the Focusmethode, whose text
    mentions an adviesronde, instead of Ronde Tafel."""
    from .harness import until

    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(100, 32)) as pilot:
        setup = await wait_for(pilot, SetupScreen)
        setup.query_one("#method-filter").focus()
        await pilot.press(*"ronde")
        await until(pilot, lambda: setup.method is not None and setup.method.id == "ronde-tafel")
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"incident")
        await until(
            pilot, lambda: setup.method is not None and setup.method.id == "incidentmethode"
        )
