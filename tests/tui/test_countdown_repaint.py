"""A new second repaints the cells that changed, not the whole countdown (CPU on battery)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from intervisie_tui.tui.widgets.bigclock import ROWS
from intervisie_tui.tui.widgets.countdown import Countdown, changed_regions


def test_only_the_cells_that_differ_are_listed_one_region_per_row():
    before = [(0, "12345", ""), (2, "same", ""), (0, "status 04:51", "countdown--status")]
    after = [(0, "12395", ""), (2, "same", ""), (0, "status 04:50", "countdown--status")]
    assert changed_regions(before, after) == [Region(3, 0, 1, 1), Region(11, 2, 1, 1)]


def test_a_longer_or_shorter_line_and_another_style_repaint_what_they_cover():
    assert changed_regions([(0, "ab", "")], [(0, "abcd", "")]) == [Region(2, 0, 2, 1)]
    assert changed_regions([(1, "abcd", "")], [(0, "ab", "")]) == [Region(0, 0, 5, 1)]
    assert changed_regions([(0, "ab", "a")], [(0, "ab", "b")]) == [Region(0, 0, 2, 1)]


class OneCountdown(App[None]):
    def compose(self) -> ComposeResult:
        yield Countdown(id="countdown")


async def test_a_new_second_marks_one_digit_and_the_status_line_dirty(monkeypatch):
    app = OneCountdown()
    async with app.run_test(size=(60, 16)) as pilot:
        countdown = app.query_one(Countdown)
        countdown.show(291.0, 60, False, "nog te gaan", "stap 1/8 · 04:51 · loopt")
        await pilot.pause()
        asked: list[tuple[Region, ...]] = []
        original = countdown.refresh

        def counted(*regions: Region, **kwargs: bool) -> Countdown:
            asked.append(regions)
            return original(*regions, **kwargs)

        monkeypatch.setattr(countdown, "refresh", counted)
        countdown.show(290.0, 60, False, "nog te gaan", "stap 1/8 · 04:50 · loopt")
        assert len(asked) == 1
        regions = asked[0]
        status_row = len(countdown._rows()) - 1  # digits, caption, status
        digit_rows = [r for r in regions if r.y < status_row]
        assert 1 <= len(digit_rows) <= ROWS  # "1" and "0" share their bottom row
        assert all(r.width <= 3 * 2 for r in digit_rows)  # one glyph, three pixels wide
        assert [r.width for r in regions if r.y == status_row] == [1]  # "1" -> "0"
        await pilot.pause()
        assert "04:50" in "".join(s.text for s in countdown.render_line(countdown.size.height - 1))
