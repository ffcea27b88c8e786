"""The look-back table fits its dialog: whole words, due dates, every row reachable."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from intervisie_tui.tui.screens.followup import FollowUpScreen

from .harness import RunHarness, until
from .test_snapshots import look_back_session


def labels(table: DataTable) -> list[str]:
    return [str(column.label) for column in table.columns.values()]


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_the_table_is_never_wider_than_its_dialog_and_every_row_can_be_reached(size):
    session = look_back_session("nl")
    app = RunHarness(session)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width  # nothing cut off on the right
        for _ in range(table.row_count - 1):
            await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        region = table._get_row_region(table.cursor_row)  # the last row is in view
        assert table.scroll_y <= region.y < table.scroll_y + table.scrollable_content_region.height
        await pilot.press("1")
        assert session.snapshot().followups["k6"].decision == "done"


async def look_back_table(size: tuple[int, int]) -> list[list[str]]:
    """Column labels, then the cells of each row, of the look-back table at `size`."""
    app = RunHarness(look_back_session("nl"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]
        return [labels(table), *rows]


async def test_at_80_columns_owner_due_date_and_decision_have_their_own_columns():
    head, first, second, *_ = await look_back_table((80, 24))
    assert head == ["Actiepunt", "Wie", "Voor", "Besluit"]
    assert first[1:] == ["Dirk", "vr 04-12", "—"]
    assert second[3] == "Loopt door"


async def test_at_40_columns_owner_and_due_date_stand_under_the_text():
    head, first, *_ = await look_back_table((40, 12))
    assert head == ["Actiepunt", "Besluit"]
    assert first[0].endswith("\nDirk · vr 04-12")
