"""Keys of the run screen: go-around, alerts, presenter, help, palette, resizing."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input

from intervisie_tui.tui.screens.dialogs import HelpScreen
from intervisie_tui.tui.screens.presenter import PresenterScreen
from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.widgets.capture import CaptureBar
from intervisie_tui.tui.widgets.countdown import Countdown
from intervisie_tui.tui.widgets.prompts import PromptPanel

from .harness import SMALL_METHOD, RunHarness, beat, make_session


async def started(pilot) -> RunScreen:
    await pilot.pause()
    await pilot.press("space")
    return pilot.app.screen


async def test_go_around_walks_every_lid_in_order_and_empty_enter_skips():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("right")  # the go-around step
        await pilot.press("enter")
        bar = screen.query_one(CaptureBar)
        assert bar.active and "Bo" in str(bar.query_one("#capture-label").render())
        await pilot.press(*"Wie beslist", "enter")
        assert "Cor" in str(bar.query_one("#capture-label").render())
        await pilot.press("enter")  # Cor passes
        await pilot.press(*"Waarom nu", "enter")
        assert bar.active and "Cor" in str(bar.query_one("#capture-label").render())
        assert "Bo ✓ · Cor ▶ · Dirk ✓" in screen.query_one("#prompts", PromptPanel).plain
        await pilot.press("enter")  # Cor, asked once more, passes again: the round is done
        assert not bar.active
        statements = [(e.participant, e.text) for e in session.runner.state.entries]
        assert statements == [("Bo", "Wie beslist"), ("Dirk", "Waarom nu")]
        assert "Bo ✓ · Cor – · Dirk ✓" in screen.query_one("#prompts", PromptPanel).plain
        await pilot.press("enter")  # everyone had a turn: no new round
        assert not bar.active


async def test_escape_cancels_a_capture_and_returns_to_the_timer():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("n", *"half af", "escape")
        assert not screen.query_one(CaptureBar).active
        assert session.runner.state.entries == []
        assert app.focused is screen.query_one(Countdown)
        await pilot.press("space")  # keys work again at once
        assert session.runner.is_paused


async def test_warning_and_zero_flash_and_sound_once_each():
    session, clock = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        countdown = screen.query_one(Countdown)
        clock.advance(4 * 60 + 1)  # 59 s left of 5 min: the one-minute warning
        await beat(pilot)
        assert countdown.has_class("-flash") and countdown.has_class("-warning")
        assert app.bells == 1
        await beat(pilot)
        assert app.bells == 1  # once per crossing
        clock.advance(60)
        await beat(pilot)
        assert app.bells == 2 and countdown.has_class("-overtime")


async def test_presenter_view_shows_the_time_and_space_pauses_there():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("p")
        assert isinstance(app.screen, PresenterScreen)
        prompts = app.screen.query_one("#presenter-prompts", PromptPanel)
        assert "An (inbrenger): Vertel kort" in prompts.plain
        await pilot.press("space")
        assert session.runner.is_paused
        await pilot.press("p")
        assert isinstance(app.screen, RunScreen)


async def test_help_lists_every_key():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _ in app.screen.rows]
        for key in ("space", "→", "←", "+", "-", "i", "a", "n", "p", "?", "q", "esc"):
            assert key in keys
        assert all(text for _, text in app.screen.rows)  # no key without a description
        assert len(keys) == len(set(keys))
        await pilot.press("escape")
        assert isinstance(app.screen, RunScreen)


async def test_resizing_down_to_40x12_keeps_half_typed_text():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("i", *"nog niet klaar")
        for size in ((40, 12), (120, 40), (41, 13), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press(*" maar nu wel", "enter")
        assert [e.text for e in session.runner.state.entries] == ["nog niet klaar maar nu wel"]
        assert screen.query_one("#agenda").display  # back at 80 columns: agenda shown


async def test_narrow_terminal_hides_the_agenda_but_keeps_the_time():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await started(pilot)
        assert not screen.query_one("#agenda").display
        assert "05:00" in screen.query_one(Countdown).caption


async def test_the_command_palette_offers_the_run_actions():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        titles = [c.title for c in app.get_system_commands(screen)]
        for title in ("Pauze", "Volgende", "Inzicht", "Actie", "Presentatie"):
            assert title in titles
        assert "Start" not in titles  # already started: only what applies now
        assert not isinstance(app.screen, CommandPalette)


async def test_the_presenter_view_flashes_on_an_alert_and_the_hidden_run_screen_does_not():
    """Bug: both screens' beats ran under the presenter, and the hidden one took the alert."""
    session, clock = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        run = await started(pilot)
        await pilot.press("p")
        presenter = app.screen
        assert isinstance(presenter, PresenterScreen)
        clock.advance(4 * 60 + 1)  # the one-minute warning
        await beat(pilot)
        assert presenter.query_one(Countdown).has_class("-flash")
        assert not run.query_one(Countdown).has_class("-flash")
        assert app.bells == 1
        await beat(pilot)
        assert app.bells == 1


async def test_capture_keys_follow_the_capture_list_of_the_step():
    """Bug: a phase's `capture:` list was ignored by the run screen's keys."""
    method = {**SMALL_METHOD, "phases": [dict(p) for p in SMALL_METHOD["phases"]]}
    method["phases"][0]["capture"] = ["notes"]
    session, _ = make_session(method)
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        assert screen.check_action("capture_insight", ()) is None  # dimmed in the footer
        assert screen.check_action("capture_action", ()) is None
        await pilot.press("n", *"wel hier", "enter")
        await pilot.press("right", "i", *"nu wel", "enter")
        assert [(e.kind, e.text) for e in session.runner.state.entries] == [
            ("note", "wel hier"),
            ("insight", "nu wel"),
        ]


async def test_text_typed_after_a_capture_key_the_step_does_not_use_is_kept():
    """Bug: after 'i' in a notes-only step, the text typed on ran commands (space paused)."""
    method = {**SMALL_METHOD, "phases": [dict(p) for p in SMALL_METHOD["phases"]]}
    method["phases"][0]["capture"] = ["notes"]
    method["phases"][1]["capture"] = []
    session, _ = make_session(method)
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("i", *"de cliënt eerst bellen", "enter")  # one burst, as typed
        assert session.runner.state.status == "running"  # the spaces did not pause
        said = [n.message for n in app._notifications]
        assert (
            "Deze stap legt notities vast, geen inzichten (zo vraagt de methode het): "
            "wat je typt wordt bewaard als notitie"
        ) in said
        await pilot.press("right", "a", *"een actie", "enter")  # a step that records nothing
        assert [(e.kind, e.text) for e in session.runner.state.entries] == [
            ("note", "de cliënt eerst bellen"),
            ("note", "een actie"),
        ]
        assert not screen.query_one(CaptureBar).active
        assert session.runner.state.current == 1


async def test_a_pass_in_the_go_around_survives_a_new_run_screen():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("right", "enter", "enter")  # Bo passes
        assert session.runner.state.steps[1].passed == ["Bo"]
        await pilot.press("escape", "p", "p")  # presenter and back: drawn from the session
        assert "Bo –" in app.screen.query_one("#prompts", PromptPanel).plain


async def test_footer_help_and_palette_come_from_one_action_table():
    from intervisie_tui.tui.actions import APP_ACTIONS, RUN_ACTIONS

    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        ids = {binding.id for bs in screen._bindings.key_to_bindings.values() for binding in bs}
        assert {action.id for action in RUN_ACTIONS} <= ids
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.rows)
        for key in ("esc", "ctrl+p", "F2", "PgUp PgDn", "↑ ↓", "ctrl+o"):
            assert key in rows, key
        await pilot.press("escape")
        names = [c.title for c in app.get_system_commands(screen)]
        assert all(names) and len(names) == len(set(names))
        assert "Keys" not in names and "Screenshot" not in names  # Textual's English entries
        assert "Licht/donker" in names
        for action in (*RUN_ACTIONS, *APP_ACTIONS):
            assert not action.description.startswith("Toets")


async def test_while_typing_the_screen_keys_wait_and_the_footer_says_esc():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("n")
        await pilot.pause()
        shown = {b.binding.id for b in screen.active_bindings.values() if b.binding.show}
        assert shown == {"cancel_capture"}
        assert screen.check_action("more", ()) is False
        await pilot.press("escape")
        await pilot.pause()
        shown = {b.binding.id for b in screen.active_bindings.values() if b.binding.show}
        assert {"pause", "next", "note", "help", "quit"} <= shown


async def test_a_quick_second_enter_after_a_note_loses_nothing_and_does_not_crash():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("n", *"snel", "enter", "enter")
        await pilot.pause()
        assert [e.text for e in session.runner.state.entries] == ["snel"]


async def test_enter_takes_the_suggested_owner_shown_in_grey():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("a", *"Bel de huisarts", "enter", *"di", "enter", "enter")
        await pilot.pause()
        [entry] = session.runner.state.entries
        assert entry.owner == "Dirk"  # not "di": the log and the follow-up read "Dirk"


async def test_a_due_date_not_understood_is_asked_again_with_everything_typed_kept():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("a", *"Bel de huisarts", "enter", *"di", "enter", *"morgenochtend")
        await pilot.press("enter")
        await pilot.pause()
        assert session.runner.state.entries == []  # not saved without the date behind her back
        bar = screen.query_one(CaptureBar)
        assert bar.active and bar.has_class("-problem")
        problem = str(bar.query_one("#capture-problem").render())
        assert "'morgenochtend' niet begrepen" in problem and "12-01-2027" in problem
        assert "esc: bewaren zonder datum" in problem
        assert bar.query_one(Input).value == "morgenochtend"  # a second chance, not a blank
        assert "niet begrepen" not in " ".join(n.message for n in app._notifications)
        bar.query_one(Input).value = ""
        await pilot.press(*"+7", "enter")
        await pilot.pause()
        [entry] = session.runner.state.entries
        assert (entry.text, entry.owner) == ("Bel de huisarts", "Dirk")
        assert str(entry.due) == "2026-12-01"  # +7 from 24 November
        assert not bar.active and not bar.has_class("-problem")


async def test_escape_after_a_date_not_understood_keeps_the_item_without_a_date():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("a", *"Bel de huisarts", "enter", "enter", *"31-2", "enter")
        await pilot.pause()
        assert screen.query_one(CaptureBar).has_class("-problem")
        shown = {b.binding.id for b in screen.active_bindings.values() if b.binding.show}
        assert shown == {"keep_without"}  # the key bar says what escape does now
        await pilot.press("escape")
        await pilot.pause()
        [entry] = session.runner.state.entries
        assert (entry.text, entry.owner, entry.due) == ("Bel de huisarts", None, None)
        await pilot.press("a", *"Nog een", "escape")  # without a problem, escape still cancels
        await pilot.pause()
        assert len(session.runner.state.entries) == 1


async def test_plus_says_so_on_the_progress_line_not_in_a_toast_over_the_entries():
    from intervisie_tui.tui.widgets.progress import SessionProgress

    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert screen.query_one(SessionProgress).text == "✓ 1 minuut erbij"
        assert not any("erbij" in n.message for n in app._notifications)
