"""Looking back: decide for each open action item of earlier sessions what became of it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from intervisie_tui.core.session import Snapshot
from intervisie_tui.core.state import FollowUpDecision
from intervisie_tui.i18n import t
from intervisie_tui.tui.actions import FOLLOWUP_ACTIONS, Action, bindings
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.messages import SessionUpdate
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import app_of
from intervisie_tui.tui.widgets.keybar import KeyBar


class FollowUpScreen(TranslatedBindings, ModalScreen[None]):
    ACTIONS: ClassVar[tuple[Action, ...]] = FOLLOWUP_ACTIONS
    BINDINGS = bindings(FOLLOWUP_ACTIONS)

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="followup-dialog"):
            previous = ", ".join(self.snapshot.plan.setup.previous_inbrenger)
            question = (
                t("followup.ask_inbrenger", name=previous) if previous else t("followup.title")
            )
            yield Label(plain(question), classes="dialog-question")
            yield DataTable(cursor_type="row", id="followup-items")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("followup.item"), t("followup.owner"), t("followup.decision"))
        self._fill()
        table.focus()

    @on(SessionUpdate)
    def _session_update(self, message: SessionUpdate) -> None:
        self.snapshot = message.snapshot
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        decided = self.snapshot.followups
        for item in self.snapshot.plan.setup.open_items:
            decision = decided.get(item.key)
            label = t(f"followup.{decision.decision}") if decision else "—"
            table.add_row(plain(item.text), plain(item.owner or ""), label, key=item.key)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def action_decide(self, decision: FollowUpDecision) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = self.snapshot.plan.setup.open_items[table.cursor_row].key
        if not app_of(self).command(lambda s: s.decide_followup(key, decision)).ok:
            return
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
