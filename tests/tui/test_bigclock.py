"""The big clock's drawing: blocks exactly where the pixel font has pixels."""

from __future__ import annotations

import pytest

from intervisie_tui.tui.widgets.bigclock import ROWS, fitting_size, pixel_rows, render_rows


@pytest.mark.parametrize("text", ["00:00", "+12:34", "59:59", "1:05:00", "?"])
@pytest.mark.parametrize(("cell_width", "scale"), [(1, 1), (2, 1), (4, 2)])
def test_every_pixel_becomes_cell_width_blocks_and_scale_rows(text, cell_width, scale):
    expected = []
    for row in pixel_rows(text):
        line = "".join(("█" if px == "#" else " ") * cell_width for px in row)
        expected += [line] * scale
    assert render_rows(text, cell_width, scale) == expected
    assert len(expected) == ROWS * scale


def test_the_largest_drawing_that_fits_is_chosen():
    assert fitting_size("00:00", 80, 10, max_scale=2) == (4, 2)
    assert fitting_size("00:00", 40, 10, max_scale=2) == (2, 1)
    assert fitting_size("00:00", 20, 5) == (1, 1)
    assert fitting_size("00:00", 5, 5) == (0, 0)
