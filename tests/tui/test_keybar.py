"""The key bar: what it shows, what fits, and that a click presses the key."""

from __future__ import annotations

from textual.screen import Screen

from intervisie_tui.tui.widgets.keybar import KeyBar, KeyItem, fit_items, item_width

from .harness import RunHarness, make_session

SPACE = KeyItem("space", "space", "Start", True)
NEXT = KeyItem("right", "→", "Volgende", True)
HELP = KeyItem("question_mark", "?", "Help", True)
PALETTE = KeyItem("ctrl+p", "^p", "palette", True)


def test_items_are_placed_in_order_with_footer_spacing():
    assert item_width(SPACE) == len(" space Start ")
    placed = fit_items([SPACE, NEXT, HELP], 80)
    assert placed == [(0, SPACE), (13, NEXT), (13 + item_width(NEXT), HELP)]


def test_an_item_that_does_not_fit_is_left_out_whole_and_so_is_the_rest():
    width = item_width(SPACE) + item_width(NEXT) - 1
    assert fit_items([SPACE, NEXT, HELP], width) == [(0, SPACE)]
    assert fit_items([SPACE], 3) == []


def test_the_palette_key_sits_at_the_right_edge_when_it_fits():
    placed = fit_items([SPACE, NEXT], 60, right=PALETTE)
    assert placed[-1] == (60 - item_width(PALETTE), PALETTE)
    assert placed[:-1] == [(0, SPACE), (13, NEXT)]
    assert fit_items([SPACE], 5, right=PALETTE) == []  # nothing fits, not even the palette


def bar_text(screen: object) -> str:
    assert isinstance(screen, Screen)
    bar = screen.query_one(KeyBar)
    return "".join(segment.text for segment in bar.render_line(0))


async def test_the_run_screen_bar_follows_the_state_and_a_click_presses_the_key():
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert " space Start " in bar_text(screen)
        assert "^p" not in bar_text(screen)  # the run screen leaves room for ? and q
        await pilot.press("space")
        await pilot.pause()
        text = bar_text(screen)
        assert " space Pauze " in text and " ? Help " in text and " q Stop " in text
        assert len(text) == 80
        bar = screen.query_one(KeyBar)
        x = next(x for x, item in bar._placed if item.key == "right")
        await pilot.click(KeyBar, offset=(x + 2, 0))
        await pilot.pause()
        assert session.runner.state.current == 1


async def test_after_a_resize_the_bar_leaves_out_whole_items_never_half_ones():
    """Bug: after a resize the bar showed '+ +1 mi' and '? H'."""
    session, _ = make_session()
    app = RunHarness(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        screen = app.screen
        wide = bar_text(screen)
        for width in (61, 57, 100, 80):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            text = bar_text(screen)
            assert len(text) == width
            kept = text.rstrip()
            assert wide.startswith(kept), (width, kept)  # a cut would end inside an item
            assert wide[len(kept) : len(kept) + 2].startswith("  ") or kept == wide.rstrip()
