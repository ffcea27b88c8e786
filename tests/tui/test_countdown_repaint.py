"""A new second repaints the countdown once; the same second repaints nothing (CPU on battery)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from intervisie_tui.tui.widgets.countdown import Countdown


class OneCountdown(App[None]):
    def compose(self) -> ComposeResult:
        yield Countdown(id="countdown")


async def test_a_new_second_repaints_once_and_the_same_second_not_at_all(monkeypatch):
    app = OneCountdown()
    async with app.run_test(size=(60, 16)) as pilot:
        countdown = app.query_one(Countdown)
        countdown.show(291.0, 60, False, "Nog 04:51 van 5 min")
        await pilot.pause()
        asked: list[bool] = []
        original = countdown.refresh

        def counted(*regions: Region, **kwargs: bool) -> Countdown:
            asked.append(bool(kwargs.get("layout")))
            return original(*regions, **kwargs)

        monkeypatch.setattr(countdown, "refresh", counted)
        countdown.show(290.4, 60, False, "Nog 04:51 van 5 min")
        assert asked == []  # still 04:51 on the screen
        countdown.show(290.0, 60, False, "Nog 04:50 van 5 min")
        assert asked == [False]  # one repaint, no layout
        await pilot.pause()
        last = countdown.render_line(countdown.size.height - 1)
        assert "04:50" in "".join(segment.text for segment in last)


async def test_overtime_is_shown_with_a_sign_and_keeps_counting():
    app = OneCountdown()
    async with app.run_test(size=(60, 16)) as pilot:
        countdown = app.query_one(Countdown)
        countdown.show(-61.0, 60, False, "Overtijd +01:01 (gepland 5 min)")
        await pilot.pause()
        assert countdown.value == "+01:01" and countdown.has_class("-overtime")
