"""The help and the palette, as derived from the action table, fit and do not repeat."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label

from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.dialogs import HelpScreen
from intervisie_tui.tui.screens.setup import SetupScreen

from .harness import RunHarness, make_session, until
from .test_whole_session import wait_for


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_every_help_row_can_be_reached_and_the_closing_line_stays_in_view(size):
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        table = help_screen.query_one(DataTable)
        hint = help_screen.query(Label).last()
        assert hint.region.bottom <= size[1]
        hidden = table.row_count + 1 - table.size.height  # rows, header line included
        assert table.max_scroll_y >= hidden  # the rest scrolls into view
        table.scroll_end(animate=False)
        await pilot.pause()
        assert table.scroll_y == table.max_scroll_y


async def test_the_setup_palette_offers_each_action_once():
    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(100, 32)) as pilot:
        setup = await wait_for(pilot, SetupScreen)
        names = [command.title for command in app.get_system_commands(setup)]
        assert len(names) == len(set(names))
        assert "Afsluiten" in names and "Stop" not in names


async def test_a_search_without_matches_says_so_in_dutch():
    """Bug: the palette said Textual's own "No matches found"."""
    from textual.command import CommandList, CommandPalette

    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"qqqzzz")

        def shown() -> list[str]:
            options = app.screen.query_one(CommandList).options
            return [str(getattr(o.prompt, "renderable", o.prompt)) for o in options]

        await until(pilot, lambda: any("Geen acties gevonden" in p for p in shown()))
        assert not any("No matches" in p for p in shown())


async def test_the_key_bar_names_the_palette_in_dutch():
    from intervisie_tui.tui.widgets.keybar import KeyBar

    app = IntervisieApp(AppConfig(check_interrupted=False))
    async with app.run_test(size=(100, 32)) as pilot:
        setup = await wait_for(pilot, SetupScreen)
        item = setup.query_one(KeyBar).palette_item()
        assert item is not None and (item.display, item.description) == ("ctrl+p", "Acties")
