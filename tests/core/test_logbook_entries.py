"""A session's entries read back from its log, older logs included."""

from __future__ import annotations

from pathlib import Path

from intervisie_tui.core.logbook.entries import read_entries
from intervisie_tui.core.logbook.render import render_log
from tests.core.test_logbook_render import scripted_state


def test_notes_under_the_old_heading_aantekeningen_are_still_read(tmp_path: Path):
    state = scripted_state()
    text = render_log(state)
    assert "#### Notities" in text
    old = tmp_path / "old.md"
    old.write_text(text.replace("#### Notities", "#### Aantekeningen"), encoding="utf-8")
    notes = [e.text for e in read_entries(old, state.plan).entries if e.kind == "note"]
    assert notes == [e.text for e in state.entries if e.kind == "note"]
    assert notes
