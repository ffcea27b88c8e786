"""Markup and escape characters in methods, names and typed text: every screen shows them
as text, none crashes, and no ESC byte reaches the terminal."""

from __future__ import annotations

import copy

from textual import events
from textual.widgets import OptionList

from intervisie_tui.tui.screens.entries import EntriesScreen
from intervisie_tui.tui.screens.presenter import PresenterScreen
from intervisie_tui.tui.screens.summary import LogScreen, SummaryScreen

from .harness import SMALL_METHOD, RunHarness, make_session, until

MARKUP = copy.deepcopy(SMALL_METHOD)
MARKUP["name"] = "Proef [/] [red]rood"
MARKUP["phases"][0]["name"] = "Stap [/b] een"
MARKUP["phases"][0]["instruction"] = "Zeg [bold]iets[/]"
MARKUP["phases"][0]["prompts"] = {"inbrenger": "Vertel [/] kort", "leden": "[link=x]Luister"}
MARKUP["roles"][0]["name"] = "Inbrenger [/]"


def shown(app: RunHarness) -> str:
    svg = app.export_screenshot()
    assert "\x1b" not in svg and "&#27;" not in svg and "&#x1b;" not in svg.lower()
    return svg.replace("&#160;", " ").replace("\xa0", " ")


async def test_markup_and_escapes_show_as_text_on_every_screen():
    session, _ = make_session(MARKUP, group="Team [/] Noord", case_title="Casus [b]x")
    app = RunHarness(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space", "n")
        box = app.focused
        assert box is not None
        box.post_message(events.Paste("geplakt \x1b[2J\x1b]0;titel\x07 [/] eind"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        (entry,) = session.snapshot().entries
        assert entry.text == "geplakt \\x1b[2J\\x1b]0;titel\\x07 [/] eind"
        screen = shown(app)
        assert "Stap [/b] een" in screen and "Zeg [bold]iets[/]" in screen
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EntriesScreen))
        assert "[/] eind" in shown(app)
        await pilot.press("escape", "p")
        await until(pilot, lambda: isinstance(app.screen, PresenterScreen))
        assert "Stap [/b] een" in shown(app)
        await pilot.press("p", "question_mark")
        await pilot.pause()
        shown(app)
        await pilot.press("escape")
        while not session.snapshot().is_last_step:
            await pilot.press("right")
        await pilot.press("right", "y")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert "Proef [/] [red]rood" in shown(app)
        app.notify("pad/met[/]haken\x1b[2J")  # a path in a message is text too
        await pilot.pause()
        (toast,) = [n for n in app._notifications if "haken" in n.message]
        assert toast.message == "pad/met[/]haken\\x1b[2J" and not toast.markup
        shown(app)
        await pilot.press("o")
        await pilot.pause()
        if isinstance(app.screen, LogScreen):
            shown(app)


HOSTILE_METHOD = """\
id: kaping
name: "Kaping [/] methode"
source: "[red]ergens"
description: "Een methode met [b]haken[/b]."
roles:
  - {id: inbrenger, name: "Inbrenger [/]", min: 1, max: 1, exclusive: true}
  - {id: leden, name: Leden, rest: true}
phases:
  - {name: "Een [/]", duration: 5}
"""


async def test_the_setup_screen_lists_a_method_with_markup_and_skips_one_with_escapes(tmp_path):
    from intervisie_tui.tui.app import IntervisieApp
    from intervisie_tui.tui.config import AppConfig
    from intervisie_tui.tui.screens.setup import SetupScreen

    (tmp_path / "kaping.yaml").write_text(HOSTILE_METHOD, encoding="utf-8")
    (tmp_path / "titel.yaml").write_text(
        HOSTILE_METHOD.replace("kaping", "titel").replace("Kaping [/]", "Titel\\e]0;x\\a"),
        encoding="utf-8",
    )
    config = AppConfig(methods_dirs=(tmp_path,), check_interrupted=False)
    app = IntervisieApp(config)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SetupScreen))
        await pilot.pause()
        screen = shown(app)  # type: ignore[arg-type]
        assert "Kaping [/] methode" in screen
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Kaping [/] methode" in p for p in prompts)
        assert not any("Titel" in p for p in prompts)  # refused: a control character
        said = " ".join(n.message for n in app._notifications)
        assert "titel.yaml" in said  # the refused file is named, not shown as a method


async def test_the_look_back_shows_hostile_open_items_as_text():
    from intervisie_tui.core.setup import OpenItem
    from intervisie_tui.tui.screens.followup import FollowUpScreen

    items = (
        OpenItem(key="k1", text="Bel [/] de wijk \\x1b[2J", owner="[red]An"),
        OpenItem(key="k2", text="Mail [bold]iedereen"),
    )
    session, _ = make_session(followup=True, open_items=items, previous_inbrenger=("[/]Bo",))
    app = RunHarness(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        assert session.snapshot().step.kind == "followup"
        assert "Bel [/] de wijk" in shown(app) and "[/]Bo" in shown(app)
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        screen = shown(app)
        assert "Mail [bold]iedereen" in screen and "[red]An" in screen
