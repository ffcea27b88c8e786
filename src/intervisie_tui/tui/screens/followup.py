"""Looking back: decide for each open action item of earlier sessions what became of it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from intervisie_tui.errors import IntervisieError
from intervisie_tui.i18n import t
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.session_view import SessionView
from intervisie_tui.tui.widgets.keybar import KeyBar

DECISIONS = {"1": "done", "2": "continued", "3": "dropped"}


class FollowUpScreen(TranslatedBindings, ModalScreen[None]):
    BINDINGS = [
        Binding("1", "decide('done')", "followup.done"),
        Binding("2", "decide('continued')", "followup.continued"),
        Binding("3", "decide('dropped')", "followup.dropped"),
        Binding("escape,f", "dismiss", "key.back"),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="followup-dialog"):
            previous = ", ".join(self.view.runner.plan.setup.previous_inbrenger)
            question = (
                t("followup.ask_inbrenger", name=previous) if previous else t("followup.title")
            )
            yield Label(question, classes="dialog-question")
            yield DataTable(cursor_type="row", id="followup-items")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("followup.item"), t("followup.owner"), t("followup.decision"))
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        decided = self.view.runner.state.followups
        for item in self.view.open_items():
            decision = decided.get(item.key)
            label = t(f"followup.{decision.decision}") if decision else "—"
            table.add_row(item.text, item.owner or "", label, key=item.key)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def action_decide(self, decision: str) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = self.view.open_items()[table.cursor_row].key
        try:
            self.view.runner.decide_followup(key, decision)
        except IntervisieError as problem:
            self.notify(str(problem), severity="warning")
            return
        self._fill()
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
