"""The summary at the end: planned vs actual (as the log has it), insights, action items."""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Markdown, Static

from intervisie_tui.core.dates import format_due
from intervisie_tui.core.logbook.front import split_front
from intervisie_tui.core.session import Snapshot
from intervisie_tui.core.timing import TimeCells, row_cells, total_cells
from intervisie_tui.i18n import get_language, t, t_lang
from intervisie_tui.tui import wording
from intervisie_tui.tui.actions import LOG_ACTIONS, SUMMARY_ACTIONS, Action, bindings
from intervisie_tui.tui.messages import SessionUpdate
from intervisie_tui.tui.plain import plain
from intervisie_tui.tui.screens.base import BaseScreen, app_of
from intervisie_tui.tui.widgets.keybar import KeyBar


class SummaryScreen(BaseScreen):
    """Drawn once from the finished session's last snapshot."""

    ACTIONS: ClassVar[tuple[Action, ...]] = SUMMARY_ACTIONS
    BINDINGS = bindings(SUMMARY_ACTIONS)

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            method = self.snapshot.plan.method.name
            yield Static(plain(t("summary.title", method=method)), id="summary-title")
            yield DataTable(show_cursor=False, zebra_stripes=True, id="summary-steps")
            yield Static("", id="summary-entries")
            yield Static("", id="summary-log")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        sheet, lang = self.snapshot.times, self.snapshot.plan.setup.language
        cols = ("step", "planned", "actual", "diff", "paused")
        heads = [t_lang(lang, f"log.col.{col}") for col in cols]
        rows = [
            (row.step.name, row_cells(row, sheet.finished, lang), (row.difference or 0) > 60)
            for row in sheet.rows
        ]
        total = total_cells(sheet, lang)
        # the numbers always fit; the step names get what is left (80 columns: no scrolling)
        numbers = [astuple(cells) for _, cells, _ in rows] + [astuple(total)]
        widths = [max(len(head), *(len(r[i]) for r in numbers)) for i, head in enumerate(heads[1:])]
        room = max(12, self.app.size.width - sum(widths) - 2 * len(cols) - SUMMARY_MARGIN)
        table.add_columns(*heads)
        for name, cells, over in rows:
            shown = plain(name)
            shown.truncate(room, overflow="ellipsis")
            table.add_row(shown, *_numbers(cells, "bold red" if over else ""))
        table.add_row(
            plain(t_lang(lang, "log.total"), style="bold"),
            *_numbers(total, "", "bold"),
        )
        entries = self.snapshot.entries
        lines = [Text(t("summary.insights"), style="bold")]
        insights = [e for e in entries if e.kind == "insight"]
        lines += [Text(f"• {e.text}") for e in insights] or [Text(t("summary.none"), style="dim")]
        lines.append(Text(""))
        lines.append(Text(t("summary.actions"), style="bold"))
        actions = [e for e in entries if e.kind == "action"]
        for entry in actions:
            extra = f" ({entry.owner})" if entry.owner else ""
            when = format_due(entry.due, get_language()) if entry.due else ""
            due = f" · {t('summary.due', date=when)}" if entry.due else ""
            lines.append(Text(f"☐ {entry.text}{extra}{due}"))
        if not actions:
            lines.append(Text(t("summary.none"), style="dim"))
        self.query_one("#summary-entries", Static).update(Text("\n").join(lines))
        self._show_where()

    @on(SessionUpdate)
    def _disk_news(self, message: SessionUpdate) -> None:
        """The last lines reached the disk (or still wait): the bottom line says so."""
        self.snapshot = message.snapshot
        self._show_where()

    def _show_where(self) -> None:
        snap = self.snapshot
        path = snap.log_path
        where = t("summary.log_at", path=str(path)) if path else t("summary.no_log")
        if snap.unsaved:
            waiting = wording.progress_text(snap) if snap.save_error else t("run.saving")
            where = f"{waiting}\n{where}"
        self.query_one("#summary-log", Static).update(Text(where))

    def action_open_log(self) -> None:
        path = self.snapshot.log_path
        if path is None or not path.exists():
            self.notify(t("summary.no_log"), severity="warning")
            return
        self.app.push_screen(LogScreen(path.read_text(encoding="utf-8")))

    def action_share(self) -> None:
        """Review the shareable summary (no case, no names) and save it in the home folder."""
        from intervisie_tui.core.logbook.parse import LogParseError, read_log
        from intervisie_tui.core.logbook.share import load_context
        from intervisie_tui.tui.screens.share_review import ShareReviewScreen

        path = self.snapshot.log_path
        if path is None or not path.exists():
            self.notify(t("summary.no_log"), severity="warning")
            return
        try:
            record = read_log(path)
        except LogParseError as problem:
            self.notify(str(problem), severity="error")
            return
        target = Path.home() / f"{path.stem}-{t('summary.shared_suffix')}.md"
        context = load_context(record, app_of(self).log_root())

        def saved(written: Path | None) -> None:
            if written is not None:
                self.notify(t("summary.shared", path=str(written)), timeout=8)

        self.app.push_screen(ShareReviewScreen(record, target, context), saved)

    def action_close_app(self) -> None:
        app_of(self).leave()


SUMMARY_MARGIN = 8
"""Columns around the table: the screen's padding and a vertical scrollbar."""


def _numbers(cells: TimeCells, over: str, style: str = "") -> list[Text]:
    """The times as cells; the difference in `over` style when the step ran long."""
    planned, actual, difference, paused = astuple(cells)
    return [
        Text(planned, style=style),
        Text(actual, style=style),
        Text(difference, style=over or style),
        Text(paused, style=style),
    ]


class LogScreen(BaseScreen):
    """The session log rendered in the terminal."""

    BINDINGS = bindings(LOG_ACTIONS)

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="log-view"):
            yield Markdown(_body(self.markdown))
        yield KeyBar()


def _body(text: str) -> str:
    """The log without its front matter (the reader wants the meeting, not the metadata)."""
    parts = split_front(text)
    return text if parts is None else parts[1]
