"""Keys that arrive in one burst (a stalled app, a bouncing key, a fast typist) end up
exactly as typed: every key is taken in order, after the one before it had its effect."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot

from intervisie_tui.core.session import Snapshot
from intervisie_tui.tui.screens.run import RunScreen
from intervisie_tui.tui.widgets.capture import CaptureBar
from intervisie_tui.tui.widgets.countdown import Countdown

from .harness import RunHarness, make_session


def burst(pilot: Pilot, *keys: str) -> None:
    """Queue `keys` at once, as a terminal delivers what was typed while the app was busy."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        name = {" ": "space"}.get(key, key)
        char = key if len(key) == 1 else {"space": " ", "enter": "\r"}.get(key)
        event = events.Key(name, char)
        event.set_sender(pilot.app)
        driver.send_message(event)


async def settle(pilot: Pilot) -> None:
    for _ in range(5):
        await pilot.pause()


def texts(snap: Snapshot) -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in snap.entries]


async def started(pilot: Pilot) -> RunScreen:
    await pilot.pause()
    await pilot.press("space")
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    return screen


async def after_burst(*keys: str, step: int = 0) -> Snapshot:
    """Start a session, go to `step`, send `keys` in one burst: the session afterwards."""
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        for _ in range(step):
            await pilot.press("right")
        burst(pilot, *keys)
        await settle(pilot)
        return session.snapshot()


async def test_text_typed_straight_after_the_opening_key_lands_in_the_field():
    snap = await after_burst("i", *"Belangrijk inzicht nummer 0", "enter")
    assert texts(snap) == [("insight", "Belangrijk inzicht nummer 0")]


async def test_a_double_enter_saves_once_and_the_next_keys_are_commands_again():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        burst(pilot, "n", *"eerste", "enter", "enter", "space")
        await settle(pilot)
        assert texts(session.snapshot()) == [("note", "eerste")]
        assert session.snapshot().paused  # the space after the entry paused the clock
        assert not screen.query_one(CaptureBar).active
        assert app.focused is screen.query_one(Countdown)


async def test_an_action_item_typed_in_one_burst_keeps_each_field_apart():
    snap = await after_burst(
        "a", *"Bel de wijk", "enter", *"bo", "enter", *"vrijdag", "enter", "enter"
    )
    (action,) = snap.entries
    assert (action.text, action.owner) == ("Bel de wijk", "Bo")
    assert action.due is not None


async def test_editing_keys_in_a_burst_apply_in_order():
    snap = await after_burst("i", *"abc", "backspace", "d", "left", "left", "X", "enter")
    assert texts(snap) == [("insight", "aXbd")]


async def test_a_go_around_typed_in_one_burst_gives_each_name_its_own_words():
    snap = await after_burst(
        "enter", *"Wie beslist", "enter", "enter", *"Waarom nu", "enter", "enter", "space", step=1
    )  # Cor passes, is asked again at the end, passes again; then space pauses
    statements = [(e.participant, e.text) for e in snap.entries]
    assert statements == [("Bo", "Wie beslist"), ("Dirk", "Waarom nu")]
    assert snap.passed == ("Cor", "Cor")
    assert snap.paused


async def test_escape_in_a_burst_cancels_and_the_next_key_is_a_command():
    snap = await after_burst("n", *"half", "escape", "space", "i", *"heel", "enter")
    assert texts(snap) == [("insight", "heel")]
    assert snap.paused


async def test_text_typed_before_the_field_heard_of_its_focus_is_kept():
    """Bug (real terminal, slow disk): the field selected what was typed when its focus
    event came in, and the next key replaced it all: "Eerst de feiten" became "feiten"."""
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        burst(pilot, "n", *"Eerst de")
        await settle(pilot)  # the field's focus event arrives after those keys
        burst(pilot, *" feiten", "enter")
        await settle(pilot)
        assert texts(session.snapshot()) == [("note", "Eerst de feiten")]


async def test_an_enter_typed_before_the_app_had_the_terminal_still_saves():
    """Bug (real terminal): keys typed while the app started arrived through the tty's
    line discipline, which turns Enter into a newline (ctrl+j): the note stayed unsaved."""
    snap = await after_burst("n", *"Vooraf getypt", "ctrl+j")
    assert texts(snap) == [("note", "Vooraf getypt")]
