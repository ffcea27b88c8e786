"""The group's agreements, looked at before the first step: goal, confidentiality, recording.

Groups read their agreements aloud at the start of every meeting (see the
seeds); the panel shows what the group file says and goes with one key.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from intervisie_tui.i18n import t
from intervisie_tui.tui.actions import AGREEMENTS_ACTIONS, Action, bindings
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import BaseScreen
from intervisie_tui.tui.widgets.keybar import KeyBar


class AgreementsScreen(TranslatedBindings, ModalScreen[None]):
    ACTIONS: ClassVar[tuple[Action, ...]] = AGREEMENTS_ACTIONS
    BINDINGS = bindings(AGREEMENTS_ACTIONS)
    HORIZONTAL_BREAKPOINTS = BaseScreen.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = BaseScreen.VERTICAL_BREAKPOINTS

    def __init__(self, group: str, agreements: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.group = group
        self.agreements = agreements

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="agreements-dialog"):
            yield Label(plain(t("agreements.title", group=self.group)), classes="dialog-question")
            with VerticalScroll(id="agreements-text"):
                for key, text in self.agreements:
                    line = Text.assemble((t(f"group.{key}") + ": ", "bold"), plain(text))
                    yield Static(line, classes="agreement")
            yield Label(t("agreements.hint"), classes="dialog-hint")
        yield KeyBar()

    def action_go_on(self) -> None:
        self.dismiss()
