"""Fix what was typed: every entry of the session in one list, by step, to edit or delete.

The run screen opens it with `e` whatever step is current: correcting an entry
of an earlier step never means going back to it (that would restart its clock).
Enter edits the highlighted entry (text; owner and due date of an action item),
`d` deletes it after a confirmation. Every change is a command to the session
(through the app), so it is journaled like any other and the log follows; the
clock and the steps are not touched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Label, Static

from intervisie_tui.core.dates import format_due, typed_due
from intervisie_tui.core.session import Result, SessionController, Snapshot
from intervisie_tui.core.state import Entry
from intervisie_tui.i18n import get_language, t
from intervisie_tui.tui.actions import EDIT_ENTRY_ACTIONS, ENTRIES_ACTIONS, Action, bindings
from intervisie_tui.tui.bindings import TranslatedBindings
from intervisie_tui.tui.messages import SessionUpdate
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import BaseScreen, app_of
from intervisie_tui.tui.screens.dialogs import Confirm
from intervisie_tui.tui.widgets.capture import completed
from intervisie_tui.tui.widgets.keybar import KeyBar
from intervisie_tui.tui.widgets.typing import TypedInput
from intervisie_tui.tui.wording import ENTRY_LABELS

HINTS = {"text": "entries.hint.text", "owner": "capture.owner_hint", "due": "capture.due_hint"}
"""What an empty field says: for owner and due date the capture bar's words."""

COLUMNS = ("entries.step", "entries.kind", "entries.who", "entries.due", "entries.text")
NARROW = 60
"""A table narrower than this shows step, kind and text; who and when are said below it."""
NARROW_COLUMNS = ("entries.step", "entries.kind", "entries.text")

Changes = dict[str, str]
"""Field name -> what was typed, only the fields that changed."""


def one_row(text: str) -> str:
    """Text of several lines on one table row."""
    return text.replace("\n", " ⏎ ")


class EntriesScreen(TranslatedBindings, ModalScreen[None]):
    ACTIONS: ClassVar[tuple[Action, ...]] = ENTRIES_ACTIONS
    BINDINGS = bindings(ENTRIES_ACTIONS)
    VERTICAL_BREAKPOINTS = BaseScreen.VERTICAL_BREAKPOINTS  # `-short`: all the height there is

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="entries-dialog"):
            yield Label(t("entries.title"), classes="dialog-question", id="entries-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="entries-table")
            yield Static("", id="entries-detail", classes="dialog-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._fill()
        mine = [i for i, e in enumerate(self._entries()) if e.step == self.snapshot.index]
        table.move_cursor(row=mine[-1] if mine else table.row_count - 1)
        table.focus()

    @on(SessionUpdate)
    def _session_update(self, message: SessionUpdate) -> None:
        self.snapshot = message.snapshot
        self._fill()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)  # the text column takes the width there is

    def _entries(self) -> list[Entry]:
        """Every entry, grouped by step, in the order typed within a step."""
        return sorted(self.snapshot.entries, key=lambda entry: entry.step)

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        narrow = 0 < table.size.width < NARROW
        columns = NARROW_COLUMNS if narrow else COLUMNS
        table.clear(columns=True)  # the widths of the cells before stay with the columns
        for key in columns:
            table.add_column(t(key), key=key)
        rows = [self._cells(entry, columns) for entry in self._entries()]
        room = self._text_room(table, rows)
        for entry, cells in zip(self._entries(), rows, strict=True):
            if room:
                cells[-1].truncate(room, overflow="ellipsis")
            table.add_row(*cells, key=entry.id)
        empty = not table.row_count
        table.display = not empty
        if empty:
            self.query_one("#entries-detail", Static).update(t("entries.none"))
        else:
            table.move_cursor(row=min(row, table.row_count - 1))
            self._describe()

    @staticmethod
    def _cells(entry: Entry, columns: tuple[str, ...]) -> tuple[Text, ...]:
        cells = {
            "entries.step": str(entry.step + 1),
            "entries.kind": t(ENTRY_LABELS[entry.kind]),
            "entries.who": entry.participant or entry.owner or "",
            "entries.due": format_due(entry.due, get_language()) if entry.due else "",
            "entries.text": one_row(entry.text),
        }
        return tuple(plain(cells[key]) for key in columns)

    @staticmethod
    def _text_room(table: DataTable, rows: list[tuple[Text, ...]]) -> int:
        """Cells the text column has beside the others (0: not laid out yet, no limit)."""
        if not table.size.width:
            return 0
        labels = [column.label.cell_len for column in table.columns.values()]
        widths = [
            max([label, *(row[i].cell_len for row in rows)]) for i, label in enumerate(labels)
        ]
        padding = 2 * table.cell_padding * len(labels) + table.styles.scrollbar_size_vertical
        return max(8, table.size.width - sum(widths[:-1]) - padding)

    @on(DataTable.RowHighlighted)
    def _describe(self) -> None:
        """Under the table: the highlighted entry's step by name, and its whole text."""
        entry = self._current()
        if entry is None:
            return
        step = self.snapshot.plan.steps[entry.step]
        where = [t("entries.where", number=step.index + 1, step=step.name)]
        if entry.participant or entry.owner:
            where.append(entry.participant or entry.owner or "")
        if entry.due:
            where.append(format_due(entry.due, get_language()))
        self.query_one("#entries-detail", Static).update(
            plain(f"{' · '.join(where)}: {entry.text}")
        )

    def _current(self) -> Entry | None:
        table = self.query_one(DataTable)
        entries = self._entries()
        if not entries or not 0 <= table.cursor_row < len(entries):
            return None
        return entries[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row is taken by the table: it means edit."""
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        entry = self._current()
        if entry is None:
            return
        names = tuple(self.snapshot.plan.setup.participants)

        def save(changes: Changes) -> Result:
            return self._apply(lambda s: s.edit_entry(entry.id, **changes), "entries.saved")

        self.app.push_screen(EditEntry(entry, self._heading(entry), names, save))

    def _heading(self, entry: Entry) -> str:
        step = self.snapshot.plan.steps[entry.step]
        kind = t(ENTRY_LABELS[entry.kind])
        return t("entries.edit_title", kind=kind, number=step.index + 1, step=step.name)

    def action_delete(self) -> None:
        entry = self._current()
        if entry is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._apply(lambda s: s.delete_entry(entry.id), "entries.deleted")

        question = t("entries.delete_question", text=one_row(entry.text)[:60])
        self.app.push_screen(Confirm(question, t("entries.delete")), confirmed)

    def _apply(self, command: Callable[[SessionController], Result], saved: str) -> Result:
        app = app_of(self)
        result = app.command(command)  # the new snapshot comes as a SessionUpdate
        if result.ok:
            app.say_when_saved(result, t(saved))
        return result


class EditEntry(TranslatedBindings, ModalScreen[None]):
    """One entry's fields: its text, and for an action item who and by when.

    Enter goes to the next field and, in the last one, saves; Enter in the owner
    field takes the name shown in grey, as the capture bar does. A save that is
    refused keeps the dialog open with everything typed (a date not understood:
    said above the fields, the date field focused).
    """

    BINDINGS = bindings(EDIT_ENTRY_ACTIONS)
    VERTICAL_BREAKPOINTS = BaseScreen.VERTICAL_BREAKPOINTS  # `-short`: the fields closer

    def __init__(
        self,
        entry: Entry,
        heading: str,
        names: tuple[str, ...],
        save: Callable[[Changes], Result],
    ) -> None:
        super().__init__()
        self.entry, self.heading, self.names, self._save = entry, heading, names, save

    def _values(self) -> Changes:
        """What each field holds first: the entry as it is now."""
        entry = self.entry
        if entry.kind != "action":
            return {"text": entry.text}
        due = typed_due(entry.due) if entry.due else ""
        return {"text": entry.text, "owner": entry.owner or "", "due": due}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="edit-entry-dialog"):
            yield Label(plain(self.heading), classes="dialog-question")
            yield Static("", id="edit-problem")
            for name, value in self._values().items():
                with Horizontal(classes="edit-row"):  # one line each: it fits 40x12
                    yield Label(t(f"entries.field.{name}"), classes="edit-label")
                    suggester = SuggestFromList(self.names, case_sensitive=False)
                    yield EditInput(
                        value,
                        placeholder=t(HINTS[name]),
                        suggester=suggester if name == "owner" else None,
                        compact=True,
                        id=f"edit-{name}",
                    )
            yield Label(t("entries.edit_keys"), classes="dialog-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#edit-text", Input))

    def submitted(self, box: Input) -> None:
        """Enter in `box`: the next field (now: the next key is already waiting), or save."""
        if box.id == "edit-owner":
            box.value = completed(box.value, self.names)
        fields = list(self.query(Input))
        at = fields.index(box)
        if at < len(fields) - 1:
            self.set_focus(fields[at + 1])
        else:
            self.action_save()

    def action_save(self) -> None:
        typed = {box.id.removeprefix("edit-"): box.value for box in self.query(Input) if box.id}
        if "owner" in typed:
            typed["owner"] = completed(typed["owner"], self.names)
        if not typed["text"].strip():
            self.app.bell()  # an entry without text: delete it instead
            self.set_focus(self.query_one("#edit-text", Input))
            return
        first = self._values()
        changes = {name: value for name, value in typed.items() if value != first[name]}
        if not changes:
            self.dismiss()
            return
        result = self._save(changes)
        if result.ok:
            self.dismiss()
        elif result.field is not None:
            problem = self.query_one("#edit-problem", Static)
            problem.update(plain(result.message))
            problem.add_class("-shown")
            self.set_focus(self.query_one(f"#edit-{result.field}", Input))

    def action_cancel(self) -> None:
        self.dismiss()


class EditInput(TypedInput):
    """A field of `EditEntry`: typed keys go in at once (KeysInOrder), Enter is the dialog's."""

    async def action_submit(self) -> None:
        screen = self.screen
        if isinstance(screen, EditEntry):
            screen.submitted(self)
