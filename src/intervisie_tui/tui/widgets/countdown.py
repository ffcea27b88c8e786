"""The big countdown: remaining time of the current step, calm -> warning -> overtime.

One widget draws the digits and the line under them: the time as text and
what it means ("Nog 04:12 van 5 min"), for the room and for screen readers
and `tmux capture-pane`, which cannot read the digits. One widget on purpose:
Textual visits every widget near a change on each frame, so drawing these as
one keeps the once-a-second repaint cheap (idle CPU on a laptop running on
battery for three hours). A new second repaints the widget; nothing is
repainted while the shown text stays the same.

It only renders what it is given (`show`); the run screen reads the clock.
Overtime is shown as `+mm:ss` and keeps counting, never frozen at 00:00.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from intervisie_tui.core.duration import format_clock
from intervisie_tui.tui.widgets.bigclock import ROWS, fitting_size, render_rows

MOODS = ("calm", "warning", "overtime")


def mood_for(remaining: float, warn_from: int) -> str:
    """Colour mood for a remaining time; `warn_from` is the step's first threshold."""
    if remaining < 0:
        return "overtime"
    if remaining <= warn_from:
        return "warning"
    return "calm"


class Countdown(Widget):
    """Digits as large as fit (up to `max_scale`), then the caption line."""

    COMPONENT_CLASSES = {"countdown--caption"}
    DEFAULT_CSS = """
    Countdown { height: auto; width: 1fr; }
    Countdown > .countdown--caption { color: $text; }
    """

    def __init__(self, max_scale: int = 2, center: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.max_scale = max_scale
        self.center = center
        self.value = "00:00"
        self.caption = ""
        self._cache: list[Strip] = []
        self._styles: dict[str, Style] = {}
        self._look: tuple[str, bool] | None = None
        self._cache_key: tuple[object, ...] = ()
        self._rows_cache: list[tuple[int, str, str]] = []
        self._rows_key: tuple[object, ...] = ()

    def take_key(self, event: events.Key) -> bool:
        """Nothing to type here: every key is one of the screen's, taken in order by the app.

        The screen may take a key that is no binding here before the bindings are
        looked at (`take_unused_key`: a capture key the step does not use), so
        that it, too, takes effect before the next key of a burst.
        """
        take = getattr(self.screen, "take_unused_key", None)
        return bool(take(event.key)) if take is not None else False

    def show(
        self,
        remaining: float,
        warn_from: int,
        paused: bool,
        caption: str,
        value: str | None = None,
    ) -> None:
        """`value`: other digits than the time left (a step that counts up shows time spent)."""
        value = format_clock(remaining) if value is None else value
        if (value, caption) != (self.value, self.caption):
            width = self.size.width or 80
            before = (len(self.value), len(self._text_lines(width)))
            self.value, self.caption = value, caption
            after = (len(value), len(self._text_lines(width)))
            self.refresh(layout=before != after)  # another height: a layout
        look = (mood_for(remaining, warn_from), paused)
        if look != self._look:  # classes restyle the widget: only when the mood changes
            self._look = look
            for name in MOODS:
                self.set_class(name == look[0], f"-{name}")
            self.set_class(paused, "-paused")
            self.refresh()

    def on_resize(self) -> None:
        self.refresh()  # the drawing depends on the size: never keep lines drawn for another

    def flash(self) -> None:
        """Briefly light up the countdown: the visible half of an alert."""
        self.add_class("-flash")
        self.set_timer(1.5, lambda: self.remove_class("-flash"))

    # -- drawing -------------------------------------------------------------------

    def _text_lines(self, width: int) -> tuple[tuple[str, str], ...]:
        return text_lines(self.caption, width)

    def _text_rows(self, width: int) -> int:
        return len(self._text_lines(width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        limit = ROWS * self.max_scale
        if self.center:
            limit = max(ROWS, container.height - self._text_rows(width))
        _, scale = fitting_size(self.value, width, limit, self.max_scale)
        return (ROWS * scale if scale else 1) + self._text_rows(width)

    def render_line(self, y: int) -> Strip:
        strips = self._strips()
        if 0 <= y < len(strips):
            return strips[y]
        return Strip([Segment(" " * self.size.width, self._style(""))])

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache_key = ()  # colours changed (mood, flash, theme): draw again
        self._styles = {}

    def _style(self, component: str) -> Style:
        """The widget's style, or a component's on top of it; looked up once per style change."""
        if component not in self._styles:
            style = self.rich_style
            if component:
                style = style + self.get_component_rich_style(component, partial=True)
            self._styles[component] = style
        return self._styles[component]

    def _rows(self) -> list[tuple[int, str, str]]:
        """(left padding, text, component) of every line for the current state and size."""
        width, height = self.size
        key = (self.value, self.caption, width, height)
        if self._rows_key != key:
            texts = self._text_lines(width)
            cell_width, scale = fitting_size(
                self.value, width, max(1, height - len(texts)), self.max_scale
            )
            digits = render_rows(self.value, cell_width, scale) if scale else [self.value]
            block = [(row, "") for row in digits] + list(texts)
            top = max(0, (height - len(block)) // 2) if self.center else 0
            rows = []
            for text, component in [("", "")] * top + block:
                text = text[:width]
                rows.append(
                    (max(0, (width - len(text)) // 2) if self.center else 0, text, component)
                )
            self._rows_cache, self._rows_key = rows, key
        return self._rows_cache

    def _strips(self) -> list[Strip]:
        """Every line for the current state and size, drawn once per change, not per line."""
        rows = self._rows()
        if self._cache_key != self._rows_key:
            width = self.size.width
            self._cache = [self._line(left, text, self._style(c), width) for left, text, c in rows]
            self._cache_key = self._rows_key
        return self._cache

    @staticmethod
    def _line(left: int, text: str, style: Style, width: int) -> Strip:
        right = width - left - len(text)
        # padding in segments of its own: SVG screenshots collapse leading spaces in a run
        parts = [(" " * left, style), (text, style), (" " * right, style)]
        return Strip([Segment(part, s) for part, s in parts if part])


@lru_cache(maxsize=16)
def text_lines(caption: str, width: int) -> tuple[tuple[str, str], ...]:
    """(text, component) of the lines under the digits; the caption wraps when narrow.

    Cached: the clock asks for the same lines several times per second.
    """
    wrapped = [caption] if len(caption) <= width else textwrap.wrap(caption, max(10, width))
    return tuple((line, "countdown--caption") for line in wrapped if line)
