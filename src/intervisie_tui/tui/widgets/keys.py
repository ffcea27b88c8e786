"""The footer: Textual's own Footer, showing whole keys only.

Textual's Footer cuts the last key that does not fit (`+1 mi`); a timekeeper
reads that as a broken key. This leaves out, from the end, whatever does not
fit the width; every key stays in the help screen (`?`) and the palette.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def key_width(key: FooterKey) -> int:
    """Cells of one key as Footer draws it: ` key ` then `description `."""
    return cell_len(key.key_display) + 2 + cell_len(key.description) + 1


class Keys(Footer):
    def compose(self) -> ComposeResult:
        room = self.size.width or self.app.size.width
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                room -= key_width(widget)
                if room < 0:
                    return
            yield widget

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)
