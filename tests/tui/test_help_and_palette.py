"""The help and the palette, as derived from the action table, fit and do not repeat."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label

from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.dialogs import HelpScreen
from intervisie_tui.tui.screens.setup import SetupScreen

from .harness import RunHarness, make_session
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
