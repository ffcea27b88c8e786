"""SessionProgress: no ETA timer, and it only moves when the bar visibly moves."""

from __future__ import annotations

from textual.app import App, ComposeResult

from intervisie_tui.tui.widgets.progress import SessionProgress


class ProgressApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SessionProgress(id="progress")


async def test_no_timer_runs_for_an_eta_we_never_show():
    app = ProgressApp()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        assert not app.query_one(SessionProgress)._timers


async def test_moves_by_half_cells_only():
    app = ProgressApp()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(SessionProgress)
        half_cell = 1000 / (bar.size.width * 2)
        bar.show(0, 1000)
        assert (bar.total, bar.progress) == (1000, 0)
        bar.show(half_cell * 0.9, 1000)  # not yet half a cell: nothing to redraw
        assert bar.progress == 0
        bar.show(half_cell * 1.1, 1000)
        assert bar.progress == half_cell * 1.1
        bar.show(half_cell * 1.1, 2000)  # a new total always applies
        assert bar.total == 2000
