"""Small modal dialogs: confirm, the keys overview, and a one-line question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label

from intervisie_tui.i18n import t
from intervisie_tui.tui.bindings import TranslatedBindings


class Confirm(TranslatedBindings, ModalScreen[bool]):
    """A yes/no question; `y`/`enter` confirm, `n`/`escape` cancel."""

    BINDINGS = [
        Binding("y,j", "answer(True)", "key.yes", show=False),
        Binding("n,escape", "answer(False)", "key.no", show=False),
    ]

    def __init__(self, question: str, yes: str, no: str | None = None) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no or t("dialog.cancel")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class Choice(TranslatedBindings, ModalScreen[str]):
    """A question with several answers (buttons); escape answers `cancel`."""

    BINDINGS = [
        Binding("escape", "dismiss('cancel')", "key.no", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            with Vertical(classes="dialog-choices"):
                for value, label in self.choices:
                    yield Button(label, id=f"choice-{value}", compact=True)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))


class Ask(TranslatedBindings, ModalScreen[str | None]):
    """One line of text; escape gives None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "key.no", show=False)]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question, self.value = question, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question")
            # cursor at the end, nothing selected: the first key must not wipe the text
            yield Input(self.value, id="answer", select_on_focus=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


#: Shown once in the help, below the one-key actions (their bindings are hidden or shared).
HELP_EXTRA = (
    ("esc", "key.escape"),
    ("↑ ↓", "key.scroll"),
    ("ctrl+o", "key.log_elsewhere"),
    ("ctrl+p", "help.palette"),
    ("F2", "key.theme"),
)
HELP_SKIP = {"start", "resume", "escape", "log_elsewhere"}


def help_rows(bindings: list[Binding]) -> list[tuple[str, str]]:
    """(key, what it does) for the help screen: every described binding, then the extras."""
    rows = [
        (b.key_display or b.key.split(",")[0], t(b.description))
        for b in bindings
        if b.description and b.id not in HELP_SKIP
    ]
    return rows + [(key, t(text)) for key, text in HELP_EXTRA]


class HelpScreen(TranslatedBindings, ModalScreen[None]):
    """Every key of the run screen with what it does."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "key.close", show=False)]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label(t("help.title"), classes="dialog-question")
            yield DataTable(show_cursor=False, id="help-keys")
            yield Label(t("help.footer"), classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("help.key"), t("help.action"))
        for key, text in self.rows:
            table.add_row(key, text)
        table.focus()  # so the arrows scroll it on a small terminal
