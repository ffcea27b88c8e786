"""A text area whose typed characters the app puts in at once (see typing.py).

Apart from TypedInput because Textual's TextArea costs tens of milliseconds to
import: only the setup screen has one, and the run screen's first frame does
not wait for it.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class TypedTextArea(TextArea):
    def take_key(self, event: events.Key) -> bool:
        """A typed character or Enter, inserted now (TextArea's own rule)."""
        if self.read_only:
            return False
        text = "\n" if event.key == "enter" else event.character
        if text is None or not (event.is_printable or event.key == "enter"):
            return False
        self.replace(text, *self.selection)
        return True
