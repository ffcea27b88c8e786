"""The setup screen's method filter and list, whose Enter takes effect before the next key.

Both take part in `KeysInOrder` (tui/app.py). Enter picks the highlighted
method and hands over to `chosen` (the screen moves the focus to the group
field) at once, so a group name typed in the same burst as that Enter lands
in the group field, not in the filter or the list.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import OptionList

from intervisie_tui.tui.widgets.typing import TypedInput


class MethodFilter(TypedInput):
    def __init__(self, chosen: Callable[[], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self._chosen = chosen

    async def action_submit(self) -> None:
        self._chosen()


class MethodList(OptionList):
    def __init__(self, chosen: Callable[[], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self._chosen = chosen

    def take_key(self, event: events.Key) -> bool:
        """Nothing typed goes in here: its keys are bindings (up, down, Enter), in order."""
        return False

    def action_select(self) -> None:
        """Enter or a click: the method is taken (OptionSelected) and the form comes next."""
        super().action_select()
        if self.highlighted is not None:
            self._chosen()
