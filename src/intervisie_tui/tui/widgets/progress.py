"""The session's progress: one line with a bar and the projected end, drawn as one widget.

Textual's ProgressBar wakes up every second for an ETA we never show, and it
is three widgets (bar, percentage, ETA) that Textual visits on every frame.
This draws the bar in half cells and the text in one line, and repaints only
when what it shows changes (idle CPU on a laptop on battery for three hours).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

FULL, HALF, EMPTY = "━", "╸", "─"


def bar_text(fraction: float, width: int) -> tuple[str, str]:
    """(done part, rest) of a bar `width` cells wide, in half-cell steps."""
    if width <= 0:
        return "", ""
    halves = round(min(max(fraction, 0.0), 1.0) * width * 2)
    done = FULL * (halves // 2) + (HALF if halves % 2 else "")
    return done, EMPTY * (width - len(done))


class SessionProgress(Widget):
    COMPONENT_CLASSES = {"progress--done", "progress--rest", "progress--text"}
    DEFAULT_CSS = """
    SessionProgress { height: 1; padding: 0 1; }
    SessionProgress > .progress--done { color: $primary; }
    SessionProgress > .progress--rest { color: $panel-lighten-2; }
    SessionProgress > .progress--text { color: $text-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fraction = 0.0
        self.text = ""
        self.brief = ""
        self._usual = ""
        self._shown: tuple[str, str, str] | None = None

    def show(self, done: float, total: float, text: str) -> None:
        """Set the bar and the text; repaints only when the drawn line changes."""
        self.fraction = done / max(total, 1.0)
        self._usual = text
        self._redraw()

    def say(self, text: str, seconds: float = 3.0) -> None:
        """Show `text` instead of the usual words for a few seconds ("Notitie bewaard")."""
        self.brief = text
        self._redraw()
        self.set_timer(seconds, lambda: self._end_brief(text))

    def _end_brief(self, text: str) -> None:
        if self.brief == text:
            self.brief = ""
            self._redraw()

    def _redraw(self) -> None:
        self.text = f"✓ {self.brief}" if self.brief else self._usual
        drawn = self._parts(self.size.width)
        if drawn != self._shown:
            self.refresh()

    def _parts(self, width: int) -> tuple[str, str, str]:
        label = f" {self.text}" if self.text else ""
        done, rest = bar_text(self.fraction, max(0, width - len(label)))
        return done, rest, label

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        self._shown = parts = self._parts(width)
        styles = [self.get_component_rich_style(c) for c in COMPONENTS]
        return Strip([Segment(part, style) for part, style in zip(parts, styles, strict=True)])


COMPONENTS = ("progress--done", "progress--rest", "progress--text")
