"""Small modal dialogs: confirm (after a long explanation, too), the keys overview, a question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from intervisie_tui.i18n import t
from intervisie_tui.tui.actions import (
    ASK_ACTIONS,
    CHOICE_ACTIONS,
    CONFIRM_ACTIONS,
    HELP_ACTIONS,
    bindings,
)
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.plain import plain


class Confirm(TranslatedBindings, ModalScreen[bool]):
    """A yes/no question; `y`/`enter` confirm, `n`/`escape` cancel."""

    BINDINGS = bindings(CONFIRM_ACTIONS)
    FIRST_FOCUS = "yes"
    """The button that has the focus first (enter presses it)."""

    def __init__(self, question: str, yes: str, no: str | None = None) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no or t("dialog.cancel")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield from self.body()
            yield Label(plain(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    def body(self) -> ComposeResult:
        """What comes before the question (nothing here)."""
        yield from ()

    def on_mount(self) -> None:
        self.query_one(f"#{self.FIRST_FOCUS}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class Explain(Confirm):
    """A yes/no question after a long explanation: the text scrolls, the buttons stay.

    The focus starts on "no": enter alone never says yes to dropping something.
    """

    FIRST_FOCUS = "no"

    def __init__(self, explanation: str, question: str, yes: str, no: str | None = None) -> None:
        super().__init__(question, yes, no)
        self.explanation = explanation

    def body(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-explanation"):
            yield Label(plain(self.explanation))


class Choice(TranslatedBindings, ModalScreen[str]):
    """A question with several answers (buttons); escape answers `cancel`."""

    BINDINGS = bindings(CHOICE_ACTIONS)

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.question), classes="dialog-question")
            with Vertical(classes="dialog-choices"):
                for value, label in self.choices:
                    yield Button(plain(label), id=f"choice-{value}", compact=True)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))


class Ask(TranslatedBindings, ModalScreen[str | None]):
    """One line of text; escape gives None."""

    BINDINGS = bindings(ASK_ACTIONS)

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question, self.value = question, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.question), classes="dialog-question")
            # cursor at the end, nothing selected: the first key must not wipe the text
            yield Input(self.value, id="answer", select_on_focus=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class HelpScreen(TranslatedBindings, ModalScreen[None]):
    """Every key of the run screen with what it does."""

    BINDINGS = bindings(HELP_ACTIONS)

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        # imported here: DataTable costs the run screen's first frame ~15 ms to import
        from textual.widgets import DataTable

        with Vertical(classes="dialog", id="help-dialog"):
            yield Label(t("help.title"), classes="dialog-question")
            yield DataTable(show_cursor=False, id="help-keys")
            yield Label(t("help.footer"), classes="dialog-hint")

    def on_mount(self) -> None:
        from textual.widgets import DataTable

        table = self.query_one(DataTable)
        table.add_columns(t("help.key"), t("help.action"))
        for key, text in self.rows:
            table.add_row(key, text)
        table.focus()  # so the arrows scroll it on a small terminal
