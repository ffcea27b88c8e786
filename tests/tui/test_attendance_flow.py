"""Marking a late arrival and an early leave during the session, from the run screen."""

from __future__ import annotations

from textual.widgets import DataTable

from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.tui.screens.attendance import AttendanceScreen
from intervisie_tui.tui.screens.run import RunScreen

from .harness import RunHarness, make_session, until


async def test_w_marks_who_came_late_and_who_left_early():
    session, clock = make_session(participants=("An", "Bo", "Cor", "Dirk"), absent=("Eva",))
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(600)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == [
            "An", "Bo", "Cor", "Dirk", "Eva",
        ]  # fmt: skip
        assert str(table.get_row_at(4)[1]) == "Afwezig"
        await pilot.press("down", "down", "down", "1")  # Dirk comes in late
        await pilot.press("down", "1")  # Eva after all, late too
        await pilot.press("up", "up", "2")  # Cor leaves early
        await pilot.pause()
        assert str(table.get_row_at(3)[1]).startswith("Later binnen ")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RunScreen))
    marks = {name: mark for name, (mark, _) in session.snapshot().presence.items()}
    assert marks == {"An": "present", "Bo": "present", "Cor": "left", "Dirk": "late", "Eva": "late"}
    text = render_log(session.runner.state)
    assert "- Later binnen: Dirk (14:10), Eva (14:10)" in text
