"""Fix what was typed: the entries of the current step, to edit or delete.

Enter edits the text of the highlighted entry, `d` deletes it after a
confirmation. Every change is a command to the session (through the app), so it
is journaled like any other and the log follows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from intervisie_tui.core.session import Result, SessionController, Snapshot
from intervisie_tui.core.state import Entry
from intervisie_tui.i18n import t
from intervisie_tui.tui.actions import ENTRIES_ACTIONS, Action, bindings
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.messages import SessionUpdate
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import app_of
from intervisie_tui.tui.screens.dialogs import Ask, Confirm
from intervisie_tui.tui.widgets.keybar import KeyBar
from intervisie_tui.tui.wording import ENTRY_LABELS


class EntriesScreen(TranslatedBindings, ModalScreen[None]):
    ACTIONS: ClassVar[tuple[Action, ...]] = ENTRIES_ACTIONS
    BINDINGS = bindings(ENTRIES_ACTIONS)

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="entries-dialog"):
            yield Label(
                plain(t("entries.title", step=self.snapshot.step.name)), classes="dialog-question"
            )
            yield DataTable(cursor_type="row", id="entries-table")
            yield Label("", id="entries-empty", classes="dialog-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("entries.kind"), t("entries.text"))
        self._fill()
        table.focus()

    @on(SessionUpdate)
    def _session_update(self, message: SessionUpdate) -> None:
        self.snapshot = message.snapshot
        self._fill()

    def _entries(self) -> tuple[Entry, ...]:
        return self.snapshot.step_entries

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for entry in self._entries():
            who = entry.participant or entry.owner
            kind = t(ENTRY_LABELS[entry.kind]) + (f" ({who})" if who else "")
            table.add_row(kind, plain(entry.text.replace("\n", " ⏎ ")), key=entry.id)
        empty = not table.row_count
        self.query_one("#entries-empty", Label).update(t("entries.none") if empty else "")
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _current(self) -> Entry | None:
        table = self.query_one(DataTable)
        entries = self._entries()
        return entries[table.cursor_row] if entries else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row is taken by the table: it means edit."""
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        entry = self._current()
        if entry is None:
            return

        def save(text: str | None) -> None:
            if text and text != entry.text:
                self._apply(lambda s: s.edit_entry(entry.id, text=text))

        self.app.push_screen(Ask(t("entries.edit_question"), entry.text), save)

    def action_delete(self) -> None:
        entry = self._current()
        if entry is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._apply(lambda s: s.delete_entry(entry.id))

        question = t("entries.delete_question", text=entry.text[:60])
        self.app.push_screen(Confirm(question, t("entries.delete")), confirmed)

    def _apply(self, command: Callable[[SessionController], Result]) -> None:
        app_of(self).command(command)  # the new snapshot comes as a SessionUpdate
