"""The capture bar: one line at the bottom that asks for one field after another.

A note or insight is one field; an action item asks text, then owner, then
due date (both optional: enter skips). The screen drives go-arounds by
starting the bar again for the next name. Escape cancels and hands focus back.

A save refused because one field was not understood (a due date like
"morgenochtend") asks that field again, everything typed still there, with the
reason above it. Escape then keeps what was typed without that optional field:
once the timekeeper has typed an action item, an escape never throws it away.

Every key here is taken by the app in the order typed (see `KeysInOrder`): Enter
moves to the next field, or saves, before the next key is looked at, so a burst
of keys (a stalled laptop, a bouncing Enter) lands exactly as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Label, Static

from intervisie_tui.tui.actions import CAPTURE_BAR_ACTIONS, bindings
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.widgets.typing import TypedInput


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


@dataclass(frozen=True)
class Captured:
    """What the bar collected: the answers to `fields`, in order."""

    kind: str
    values: list[str]
    fields: list[Field]
    """What was asked: to ask it again, filled in, when the save is refused."""


class CaptureInput(TypedInput):
    """The bar's field: Enter is the bar's; typed characters go in at once (TypedInput)."""

    async def action_submit(self) -> None:
        bar = self.parent
        if isinstance(bar, CaptureBar):
            bar.submit(self.value)


class CaptureBar(TranslatedBindings, Horizontal):
    """Collects the answers to a list of fields, then hands them to `on_done`.

    Callbacks, not messages: the answer must be dealt with before the next key.
    """

    BINDINGS = bindings(CAPTURE_BAR_ACTIONS)

    def __init__(
        self,
        on_done: Callable[[Captured], None],
        on_cancel: Callable[[str], None],
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self._on_done = on_done
        self._on_cancel = on_cancel
        self.kind = ""
        self._fields: list[Field] = []
        self._values: list[str] = []
        self._typed: list[str] = []
        self._problem = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="capture-problem")
        yield Label("", id="capture-label")
        yield CaptureInput(id="capture-input")

    @property
    def active(self) -> bool:
        return self.has_class("-active")

    def begin(
        self,
        kind: str,
        fields: list[Field],
        typed: list[str] | None = None,
        *,
        at: int = 0,
        problem: str = "",
    ) -> None:
        """Ask `fields` one after another; `typed` fills them in again (a refused save).

        `at` and `problem`: start at that field, the answers before it kept as typed,
        and say what was wrong with it.
        """
        self.kind = kind
        self._fields = list(fields)
        self._typed = list(typed or [])
        self._values = self._typed[:at]
        self._problem = problem
        self.query_one("#capture-problem", Static).update(plain(problem))
        self.set_class(bool(problem), "-problem")
        self.add_class("-active")
        self.screen.refresh_bindings()  # the screen's keys wait while this one has them
        self._ask()

    def _ask(self) -> None:
        field = self._fields[len(self._values)]
        self.query_one("#capture-label", Label).update(plain(field.label))
        box = self.query_one(CaptureInput)
        at = len(self._values)
        box.value = self._typed[at] if at < len(self._typed) else ""
        box.cursor_position = len(box.value)
        box.placeholder = field.placeholder
        box.suggester = (
            SuggestFromList(field.suggestions, case_sensitive=False) if field.suggestions else None
        )
        self.screen.set_focus(box)  # now, not after the keys already waiting

    def close(self) -> None:
        self.remove_class("-active", "-problem")
        self._problem = ""
        self.screen.refresh_bindings()
        self.query_one(CaptureInput).value = ""

    def submit(self, value: str) -> None:
        """Enter: this field's answer; then the next field, or the whole to `on_done`."""
        if not self.active:
            return
        field = self._fields[len(self._values)]
        if field.required and not value.strip():
            self.app.bell()
            return
        self._values.append(completed(value, field.suggestions))
        if len(self._values) < len(self._fields):
            self._ask()
            return
        captured = Captured(self.kind, self._values, self._fields)
        self.close()
        self._on_done(captured)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape cancels, or, once an optional field was not understood, saves without it."""
        if action in ("cancel", "keep_without"):
            field = self._fields[len(self._values)] if self.active else None
            keep = bool(self._problem) and field is not None and not field.required
            return keep == (action == "keep_without")
        return True

    def action_cancel(self) -> None:
        self.cancel()

    def action_keep_without(self) -> None:
        self.submit("")

    def cancel(self) -> None:
        if self.active:
            self.close()
            self._on_cancel(self.kind)
