"""The summary screen and the log show the same times: planned (+/-), actual, difference, pauses."""

from __future__ import annotations

from textual.widgets import DataTable

from intervisie_tui.core.logbook.render import render_log
from intervisie_tui.tui.screens.summary import SummaryScreen

from .harness import ScreenHarness, incident_session


def eventful_summary(lang: str = "nl", insight: str = ""):
    """The incident session with +2 min and a pause, overtime, a skipped step and -1 min."""
    session, clock = incident_session(lang)
    assert session.adjust(120).ok
    assert session.pause().ok
    clock.advance(4 * 60)
    assert session.toggle().ok
    clock.advance(9 * 60)  # overtime
    assert session.jump(session.snapshot().index + 2).ok  # one step skipped
    assert session.adjust(-60).ok
    while not session.snapshot().is_last_step:
        clock.advance(3 * 60)
        assert session.next().ok
    if insight:
        assert session.add_insight(insight).ok
    assert session.finish().ok
    return session


def log_rows(text: str) -> list[list[str]]:
    """The agenda table of a log: its cells per row, the step number left off, bold undone."""
    agenda = text.split("## Agenda\n\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    rows = [[cell.strip().strip("*") for cell in line.strip("|").split("|")] for line in agenda]
    return [row[1:] for row in rows]


async def test_summary_and_log_agree_on_every_number():
    session = eventful_summary()
    final = session.snapshot()
    app = ScreenHarness(lambda: SummaryScreen(final))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#summary-steps", DataTable)
        shown = [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]
    logged = log_rows(render_log(session.runner.state))
    assert [row[1:] for row in shown] == [row[1:] for row in logged]  # every number
    for name, full in zip([r[0] for r in shown], [r[0] for r in logged], strict=True):
        assert full.startswith(name.removesuffix("…"))  # a long name cut to fit 80 columns
    assert any("(+2 min)" in row[1] and row[4] for row in shown)  # adjustment and pause
    assert any(row[2] == "overgeslagen" for row in shown)
    assert any("(-1 min)" in row[1] for row in shown)
    assert shown[-1][0] == "Totaal"
