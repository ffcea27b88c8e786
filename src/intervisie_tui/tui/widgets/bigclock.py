"""A countdown font big enough to read from across the table.

Textual's Digits are three rows tall. This draws each character on a 3x5
grid of square "pixels" (two cells wide each) and scales up by whole steps
while the text still fits the widget, so the presenter view on a projector
fills the screen and a 40x12 terminal still shows the time.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

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
    lines = []
    for row in pixel_rows(text):
        line = "".join(("█" if px == "#" else " ") * cell_width for px in row)
        lines.extend([line] * scale)
    return lines


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


class BigClock(Widget):
    """Draws `value` as large as fits, centred; plain text when nothing fits."""

    DEFAULT_CSS = """
    BigClock { height: auto; width: 1fr; }
    """

    def __init__(
        self, value: str = "00:00", max_scale: int = 1, center: bool = False, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self._value = value
        self.max_scale = max_scale
        self.center = center

    @property
    def value(self) -> str:
        return self._value

    def update(self, value: str) -> None:
        """Repaint on a new value; lay out again only when its length changes (04:59 -> +00:01).

        A layout of the whole screen every second was most of the run screen's idle CPU.
        """
        if value != self._value:
            relayout = len(value) != len(self._value)
            self._value = value
            self.refresh(layout=relayout)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        limit = ROWS * self.max_scale if not self.center else max(ROWS, container.height)
        _, scale = fitting_size(self._value, width, limit, self.max_scale)
        return ROWS * scale if scale else 1

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        style = self.rich_style
        cell_width, scale = fitting_size(self._value, width, height, self.max_scale)
        if scale == 0:
            line = self._value if y == 0 else ""
        else:
            rows = render_rows(self._value, cell_width, scale)
            top = (height - len(rows)) // 2 if self.center else 0
            line = rows[y - top] if 0 <= y - top < len(rows) else ""
        left = (width - len(line)) // 2 if self.center else 0
        return Strip([Segment((" " * left + line).ljust(width)[:width], style)])
