"""The summary at the end: planned vs actual, every insight and action item, the log."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Markdown, Static

from intervisie_tui.core.dates import format_due
from intervisie_tui.core.duration import format_duration, format_elapsed
from intervisie_tui.i18n import get_language, t
from intervisie_tui.tui.screens.base import BaseScreen
from intervisie_tui.tui.session_view import SessionView
from intervisie_tui.tui.widgets.keybar import KeyBar


class SummaryScreen(BaseScreen):
    BINDINGS = [
        Binding("o", "open_log", "key.open_log", id="open_log"),
        Binding("q", "app.quit", "key.close_app", id="close_app"),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(
                t("summary.title", method=self.view.runner.plan.method.name), id="summary-title"
            )
            yield DataTable(show_cursor=False, zebra_stripes=True, id="summary-steps")
            yield Static("", id="summary-entries")
            yield Static("", id="summary-log")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            t("summary.step"), t("summary.planned"), t("summary.actual"), t("summary.diff")
        )
        for step, planned, actual in self.view.runner.planned_vs_actual():
            diff = round(actual - planned)
            sign = "+" if diff > 0 else ("-" if diff < 0 else "")
            style = "bold red" if diff > 60 else ""
            table.add_row(
                step.name,
                format_duration(planned),
                format_elapsed(actual),
                Text(f"{sign}{format_elapsed(abs(diff))}" if diff else "", style=style),
            )
        state = self.view.runner.state
        lines = [Text(t("summary.insights"), style="bold")]
        insights = [e for e in state.entries if e.kind == "insight"]
        lines += [Text(f"• {e.text}") for e in insights] or [Text(t("summary.none"), style="dim")]
        lines.append(Text(""))
        lines.append(Text(t("summary.actions"), style="bold"))
        actions = [e for e in state.entries if e.kind == "action"]
        for entry in actions:
            extra = f" ({entry.owner})" if entry.owner else ""
            when = format_due(entry.due, get_language()) if entry.due else ""
            due = f" · {t('summary.due', date=when)}" if entry.due else ""
            lines.append(Text(f"☐ {entry.text}{extra}{due}"))
        if not actions:
            lines.append(Text(t("summary.none"), style="dim"))
        self.query_one("#summary-entries", Static).update(Text("\n").join(lines))
        path = self.view.log_path()
        where = t("summary.log_at", path=str(path)) if path else t("summary.no_log")
        self.query_one("#summary-log", Static).update(where)

    def action_open_log(self) -> None:
        path = self.view.log_path()
        if path is None or not path.exists():
            self.notify(t("summary.no_log"), severity="warning")
            return
        self.app.push_screen(LogScreen(path.read_text(encoding="utf-8")))


class LogScreen(BaseScreen):
    """The session log rendered in the terminal."""

    BINDINGS = [Binding("escape,q,o", "app.pop_screen", "key.back")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="log-view"):
            yield Markdown(_without_front_matter(self.markdown))
        yield KeyBar()


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text
