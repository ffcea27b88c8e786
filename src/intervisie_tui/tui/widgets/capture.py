"""The capture bar: one line at the bottom that asks for one field after another.

A note or insight is one field; an action item asks text, then owner, then
due date (both optional: enter skips). The screen drives go-arounds by
starting the bar again for the next name. Escape cancels and hands focus back.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from intervisie_tui.tui.actions import CAPTURE_BAR_ACTIONS, bindings
from intervisie_tui.tui.bindings import TranslatedBindings


@dataclass(frozen=True)
class Field:
    label: str
    placeholder: str = ""
    suggestions: tuple[str, ...] = ()
    required: bool = True


def completed(typed: str, suggestions: tuple[str, ...]) -> str:
    """What Enter saves: the suggestion shown in grey (`Di` -> `Dirk`), else what was typed.

    The same rule as the Input's SuggestFromList: the first suggestion that starts
    with what was typed, ignoring case.
    """
    if not typed:
        return typed
    folded = typed.casefold()
    exact = [s for s in suggestions if s.casefold() == folded]  # `An` is An, not Anouk
    starting = [s for s in suggestions if s.casefold().startswith(folded)]
    return (exact or starting or [typed])[0]


class CaptureBar(TranslatedBindings, Horizontal):
    """Collects the answers to a list of fields, then posts `Done`."""

    BINDINGS = bindings(CAPTURE_BAR_ACTIONS)

    @dataclass
    class Done(Message):
        kind: str
        values: list[str]
        fields: list[Field]
        """What was asked: to ask it again, filled in, when the save is refused."""

    @dataclass
    class Cancelled(Message):
        kind: str

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kind = ""
        self._fields: list[Field] = []
        self._values: list[str] = []
        self._typed: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="capture-label")
        yield Input(id="capture-input")

    @property
    def active(self) -> bool:
        return self.has_class("-active")

    def begin(self, kind: str, fields: list[Field], typed: list[str] | None = None) -> None:
        """Ask `fields` one after another; `typed` fills them in again (a refused save)."""
        self.kind = kind
        self._fields = list(fields)
        self._values = []
        self._typed = list(typed or [])
        self.add_class("-active")
        self.screen.refresh_bindings()  # the screen's keys wait while this one has them
        self._ask()

    def _ask(self) -> None:
        field = self._fields[len(self._values)]
        self.query_one("#capture-label", Label).update(field.label)
        box = self.query_one("#capture-input", Input)
        at = len(self._values)
        box.value = self._typed[at] if at < len(self._typed) else ""
        box.cursor_position = len(box.value)
        box.placeholder = field.placeholder
        box.suggester = (
            SuggestFromList(field.suggestions, case_sensitive=False) if field.suggestions else None
        )
        box.focus()

    def close(self) -> None:
        self.remove_class("-active")
        self.screen.refresh_bindings()
        self.query_one("#capture-input", Input).value = ""

    @on(Input.Submitted, "#capture-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.active:  # a second Enter right after the last field: already done
            return
        field = self._fields[len(self._values)]
        if field.required and not event.value.strip():
            self.app.bell()
            return
        self._values.append(completed(event.value, field.suggestions))
        if len(self._values) < len(self._fields):
            self._ask()
            return
        kind, values, fields = self.kind, self._values, self._fields
        self.close()
        self.post_message(self.Done(kind, values, fields))

    def action_cancel(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self.active:
            self.close()
            self.post_message(self.Cancelled(self.kind))
