"""SessionProgress: one line, bar in half cells, repaints only when the line changes."""

from __future__ import annotations

from textual.app import App, ComposeResult

from intervisie_tui.tui.widgets.progress import SessionProgress, bar_text


class ProgressApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SessionProgress(id="progress")


def test_bar_text_moves_in_half_cells():
    assert bar_text(0, 4) == ("", "────")
    assert bar_text(0.125, 4) == ("╸", "───")
    assert bar_text(0.5, 4) == ("━━", "──")
    assert bar_text(2.0, 4) == ("━━━━", "")  # overtime: full, never longer


async def test_no_timer_and_no_repaint_while_the_line_stays_the_same(monkeypatch):
    app = ProgressApp()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(SessionProgress)
        assert not bar._timers
        bar.show(0, 1000, "Einde ± 14:10")
        await pilot.pause()
        line = "".join(s.text for s in bar.render_line(0))
        assert line.endswith(" Einde ± 14:10") and line.startswith("─")
        calls: list[tuple[object, ...]] = []
        monkeypatch.setattr(bar, "refresh", lambda *a, **k: calls.append(a))
        bar.show(1, 1000, "Einde ± 14:10")  # far less than half a cell: same line
        assert calls == []
        bar.show(500, 1000, "Einde ± 14:10")
        assert len(calls) == 1
