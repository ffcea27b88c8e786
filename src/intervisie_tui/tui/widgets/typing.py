"""Fields whose typed characters the app puts in at once, in the order typed.

They take part in `KeysInOrder` (tui/app.py): a character goes in before the
next key is looked at, so "Team Noord", Tab and the names typed in one burst
land in their own fields. They never select their text on focus: the focus
event may come after the first keys typed into them, and the next key would
then replace them all. The text area is in typed_area.py: Textual's TextArea
costs tens of milliseconds to import, which the run screen does not pay.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TypedInput(Input):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, select_on_focus=False, **kwargs)

    def take_key(self, event: events.Key) -> bool:
        """A typed character, inserted now (Input's own rule, without a trip through a queue)."""
        if not event.is_printable or event.character is None:
            return False
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(event.character)
        else:
            self.replace(event.character, *selection)
        return True
