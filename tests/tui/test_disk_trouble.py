"""A journal the disk refuses: the meeting goes on and nothing typed is lost."""

from __future__ import annotations

import errno

import pytest
from textual.widgets import Input

from intervisie_tui.core.journal import Journal
from intervisie_tui.tui.widgets.capture import CaptureBar

from .harness import RunHarness, new_focus_session


def disk_full(self: Journal, line: str) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    ("keys", "kind", "text"),
    [
        (("n", *"Wat ik typte"), "note", "Wat ik typte"),
        (("a", *"Bel de huisarts", "enter", *"Bo"), "action", "Bel de huisarts"),
    ],
)
async def test_a_refused_save_keeps_what_was_typed_for_a_second_enter(
    monkeypatch, keys, kind, text
):
    session = new_focus_session()
    app = RunHarness(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        while kind == "action" and "actions" not in session.snapshot().step.capture:
            await pilot.press("right")
        monkeypatch.setattr(Journal, "append", disk_full)
        await pilot.press(*keys, "enter")
        if kind == "action":
            await pilot.press("enter")  # no due date
        await pilot.pause()
        bar = app.screen.query_one(CaptureBar)
        assert bar.active and session.snapshot().entries == ()
        said = [n.message for n in app._notifications]
        assert any("No space left" in message for message in said)
        box = bar.query_one("#capture-input", Input)
        assert box.value == text  # asked again, filled in
        monkeypatch.undo()
        await pilot.press("enter")
        if kind == "action":
            assert box.value == "Bo"
            await pilot.press("enter", "enter")
        await pilot.pause()
        [entry] = session.snapshot().entries
        assert entry.text == text
        assert (entry.kind, entry.owner) == (kind, "Bo" if kind == "action" else None)
