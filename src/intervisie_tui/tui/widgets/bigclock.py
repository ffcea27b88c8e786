"""A countdown font big enough to read from across the table (drawing only).

Textual's Digits are three rows tall. This draws each character on a 3x5
grid of square "pixels" (two cells wide each) and scales up by whole steps
while the text still fits the widget, so the presenter view on a projector
fills the screen and a 40x12 terminal still shows the time.
"""

from __future__ import annotations

from functools import lru_cache

GLYPHS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
}
ROWS = 5
PIXEL = 2  # cells per pixel horizontally, so pixels look square


def pixel_rows(text: str) -> list[str]:
    """The text as rows of '#'/'.' pixels, one blank pixel column between characters."""
    glyphs = [GLYPHS.get(ch, GLYPHS["-"]) for ch in text]
    return [".".join(g[row] for g in glyphs) for row in range(ROWS)]


def render_rows(text: str, cell_width: int, scale: int) -> list[str]:
    """Block-character rows for `text`: each pixel `cell_width` cells wide, `scale` rows high."""
    gap = " " * cell_width  # the blank pixel column between characters
    glyphs = [glyph_rows(ch, cell_width) for ch in text]
    lines = []
    for row in range(ROWS):
        lines.extend([gap.join(glyph[row] for glyph in glyphs)] * scale)
    return lines


@lru_cache(maxsize=64)
def glyph_rows(ch: str, cell_width: int) -> tuple[str, ...]:
    """One character's rows of blocks; cached, since a clock draws the same few glyphs."""
    glyph = GLYPHS.get(ch, GLYPHS["-"])
    return tuple("".join(("█" if px == "#" else " ") * cell_width for px in row) for row in glyph)


def fitting_size(text: str, width: int, height: int, max_scale: int = 4) -> tuple[int, int]:
    """(cell width per pixel, rows per pixel) of the largest drawing that fits, or (0, 0).

    Square pixels (2 cells wide per row) at scales max_scale..1, then a narrow
    1-cell pixel so a small terminal still gets big digits.
    """
    columns = len(pixel_rows(text)[0])
    options = [(PIXEL * s, s) for s in range(max_scale, 0, -1)] + [(1, 1)]
    for cell_width, scale in options:
        if columns * cell_width <= width and ROWS * scale <= height:
            return cell_width, scale
    return 0, 0
