"""A dialog over the running session: a question, a table of rows to act on, its keys.

The look-back and the attendance dialogs are this: the table is filled again
from each snapshot the app sends, keeping the cursor where it was.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from intervisie_tui.core.session import Snapshot
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.messages import SessionUpdate
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import BaseScreen
from intervisie_tui.tui.widgets.keybar import KeyBar


class TableDialog(TranslatedBindings, ModalScreen[None]):
    HORIZONTAL_BREAKPOINTS = BaseScreen.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = BaseScreen.VERTICAL_BREAKPOINTS
    DIALOG_ID: ClassVar[str] = ""
    TABLE_ID: ClassVar[str] = ""

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def question(self) -> str:
        raise NotImplementedError

    def fill(self, table: DataTable) -> None:
        """Columns and rows, from `self.snapshot` (the table is empty)."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id=self.DIALOG_ID):
            yield Label(plain(self.question()), classes="dialog-question")
            yield DataTable(cursor_type="row", id=self.TABLE_ID)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refill()
        self.query_one(DataTable).focus()

    @on(SessionUpdate)
    def _session_update(self, message: SessionUpdate) -> None:
        self.snapshot = message.snapshot
        self.refill()

    def refill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        self.fill(table)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    @property
    def chosen_row(self) -> int | None:
        """The row under the cursor, None in an empty table."""
        table = self.query_one(DataTable)
        return table.cursor_row if table.row_count else None
