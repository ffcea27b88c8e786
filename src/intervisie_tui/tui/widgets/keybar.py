"""The key bar: the keys a screen offers now, drawn as one line at the bottom.

Textual's Footer is a container with a widget per key; measured on the run
screen (benchmarks/README.md, 2026-12-01) it cost about 15% more CPU per
second and put the run screen over its target (1.5x the bare Textual
countdown), and it cuts the last key that does not fit (`+1 mi`). This draws
the same information as one widget: keys in the screen's binding order (from
the action table), disabled ones dimmed, whole items only, and a click on an
item presses its key, as in the Footer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import ActiveBinding
from textual.strip import Strip
from textual.widget import Widget

from intervisie_tui.i18n import t


class KeyItem(NamedTuple):
    key: str
    """The key to simulate on a click."""
    display: str
    description: str
    enabled: bool


def fit_items(
    items: list[KeyItem], width: int, right: KeyItem | None = None
) -> list[tuple[int, KeyItem]]:
    """(x, item) of the items that fit in `width`, in order; stops at the first that does not.

    `right` (the command palette key) goes at the right edge when it fits there too.
    """
    if right is not None and item_width(right) <= width:
        left = width - item_width(right)
        return [*fit_items(items, left), (left, right)]
    placed, x = [], 0
    for item in items:
        size = item_width(item)
        if x + size > width:
            break
        placed.append((x, item))
        x += size
    return placed


def item_width(item: KeyItem) -> int:
    return sum(map(len, item_parts(item)))


def item_parts(item: KeyItem) -> tuple[str, str]:
    """` key ` and `description `: the same spacing as Textual's Footer."""
    return f" {item.display} ", f"{item.description} "


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .keybar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(self, palette: bool = True, **kwargs) -> None:
        """`palette`: show the command palette's key at the right edge."""
        super().__init__(**kwargs)
        self.palette = palette
        self._items: tuple[KeyItem | None, ...] | None = None
        self._strip: Strip | None = None
        self._placed: list[tuple[int, KeyItem]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        """Redraw only when what the bar shows changes (not on every refresh of the bindings)."""
        if not (self.is_attached and screen is self.screen and self._items is not None):
            return
        items, right = self._shown()
        if (*items, right) != self._items:
            self._strip = None
            self.refresh()

    def on_resize(self) -> None:
        self._strip = None

    def _shown(self) -> tuple[list[KeyItem], KeyItem | None]:
        """The items and the palette item, from one look at the screen's bindings."""
        active = self.screen.active_bindings  # computed anew at each look: ask once
        return self.items(active), self.palette_item(active)

    def items(self, bindings: Mapping[str, ActiveBinding] | None = None) -> list[KeyItem]:
        """One item per action the screen shows now, first key of each, in binding order."""
        seen, found = set(), []
        for active in (self.screen.active_bindings if bindings is None else bindings).values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            found.append(self._item(binding, active.enabled))
        return found

    def palette_item(self, bindings: Mapping[str, ActiveBinding] | None = None) -> KeyItem | None:
        if not (self.palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        bindings = self.screen.active_bindings if bindings is None else bindings
        active = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None:
            return None
        # Textual's own binding says "palette" and "^p": ours says it in the catalog's words
        return KeyItem(active.binding.key, "ctrl+p", t("key.palette"), active.enabled)

    def _item(self, binding, enabled: bool) -> KeyItem:
        return KeyItem(binding.key, self.app.get_key_display(binding), binding.description, enabled)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip = None  # another theme or class: draw again

    def render_line(self, y: int) -> Strip:
        # by width too: a resize can be drawn before on_resize is heard ("? H" cut off)
        if self._strip is None or self._strip.cell_length != self.size.width:
            items, right = self._shown()
            self._items = (*items, right)
            self._placed = fit_items(items, self.size.width, right)
            self._strip = self._draw(self.size.width)
        return self._strip

    def _draw(self, width: int) -> Strip:
        base = self.rich_style
        key_style = base + self.get_component_rich_style("keybar--key", partial=True)
        text_style = base + self.get_component_rich_style("keybar--description", partial=True)
        dim = Style(dim=True)
        segments, used = [], 0
        for x, item in self._placed:
            if x > used:  # the gap before the palette key at the right edge
                segments.append(Segment(" " * (x - used), base))
            key, description = item_parts(item)
            extra = Style() if item.enabled else dim
            segments += [Segment(key, key_style + extra), Segment(description, text_style + extra)]
            used = x + len(key) + len(description)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width)

    def on_click(self, event: events.Click) -> None:
        """A click on an item presses its key, as in Textual's Footer."""
        for x, item in self._placed:
            if x <= event.x < x + item_width(item):
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return
