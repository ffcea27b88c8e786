"""Who is in the room: mark a late arrival or an early leave while the session runs.

Everyone of the setup is listed, the absent too (one who comes after all is
marked late). Each mark is a command, so it is journaled and in the log.
"""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import DataTable

from intervisie_tui.core.state import AttendanceMark
from intervisie_tui.i18n import t, t_lang
from intervisie_tui.tui.actions import ATTENDANCE_ACTIONS, Action, bindings
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import app_of
from intervisie_tui.tui.screens.table_dialog import TableDialog


class AttendanceScreen(TableDialog):
    ACTIONS: ClassVar[tuple[Action, ...]] = ATTENDANCE_ACTIONS
    BINDINGS = bindings(ATTENDANCE_ACTIONS)
    DIALOG_ID = "attendance-dialog"
    TABLE_ID = "attendance-people"

    def question(self) -> str:
        return t("attendance.title")

    def fill(self, table: DataTable) -> None:
        table.add_columns(t("attendance.name"), t("attendance.status"))
        lang = self.snapshot.plan.setup.language
        for name, (mark, at) in self.snapshot.presence.items():
            status = t_lang(lang, f"log.attendance.{mark}") + (f" {at:%H:%M}" if at else "")
            table.add_row(plain(name), status, key=name)

    def action_mark(self, mark: AttendanceMark) -> None:
        row = self.chosen_row
        if row is not None:
            name = list(self.snapshot.presence)[row]
            app_of(self).command(lambda s: s.mark_attendance(name, mark))
