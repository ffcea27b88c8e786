"""Looking back: decide for each open action item of earlier sessions what became of it.

The table fits the dialog: owner, due date and decision get the width they
need and the item text wraps in what is left; where even that is too narrow
(40 columns) owner and due date go under the text, in one column with it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import DataTable

from intervisie_tui.core.dates import format_due
from intervisie_tui.core.state import FollowUpDecision
from intervisie_tui.i18n import t
from intervisie_tui.safe_text import visible
from intervisie_tui.tui.actions import FOLLOWUP_ACTIONS, Action, bindings
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import app_of
from intervisie_tui.tui.screens.table_dialog import TableDialog

NARROW_ITEM = 24
"""Below this many columns for the item text, owner and due date go under it."""
DECISIONS = ("done", "continued", "dropped")


class FollowUpScreen(TableDialog):
    ACTIONS: ClassVar[tuple[Action, ...]] = FOLLOWUP_ACTIONS
    BINDINGS = bindings(FOLLOWUP_ACTIONS)
    DIALOG_ID = "followup-dialog"
    TABLE_ID = "followup-items"

    def question(self) -> str:
        previous = ", ".join(self.snapshot.plan.setup.previous_inbrenger)
        return t("followup.ask_inbrenger", name=previous) if previous else t("followup.title")

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.refill)  # again once the table knows its width

    def on_resize(self) -> None:
        self.call_after_refresh(self.refill)

    def fill(self, table: DataTable) -> None:
        items = self.snapshot.plan.setup.open_items
        lang = self.snapshot.plan.setup.language
        dues = [format_due(item.due, lang) if item.due else "" for item in items]
        owners = [item.owner or "" for item in items]
        decision = max([len(t("followup.decision")), *(len(t(f"followup.{d}")) for d in DECISIONS)])
        owner = min(12, max([len(t("followup.owner")), *map(len, owners)]))
        due = max([len(t("followup.due")), *map(len, dues)])
        # each column has one cell of padding either side; the scrollbar takes 2
        room = max(8, table.size.width or self.app.size.width - 10) - 2
        item = room - (owner + 2) - (due + 2) - (decision + 2) - 2
        wide = item >= NARROW_ITEM
        if not wide:
            item = room - (decision + 2) - 2
        table.add_column(t("followup.item"), width=max(8, item))
        if wide:
            table.add_column(t("followup.owner"), width=owner)
            table.add_column(t("followup.due"), width=due)
        table.add_column(t("followup.decision"), width=decision)
        decided = self.snapshot.followups
        for open_item, who, when in zip(items, owners, dues, strict=True):
            chosen = decided.get(open_item.key)
            label = t(f"followup.{chosen.decision}") if chosen else "—"
            text = plain(open_item.text)
            if wide:
                cells = [text, plain(who), plain(when), label]
            else:
                extra = " · ".join(part for part in (who, when) if part)
                if extra:
                    text.append("\n" + visible(extra), style="dim")
                cells = [text, label]
            table.add_row(*cells, key=open_item.key, height=None)

    def action_decide(self, decision: FollowUpDecision) -> None:
        table, row = self.query_one(DataTable), self.chosen_row
        if row is None:
            return
        key = self.snapshot.plan.setup.open_items[row].key
        if not app_of(self).command(lambda s: s.decide_followup(key, decision)).ok:
            return
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
