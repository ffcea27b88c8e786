"""A journal the disk refuses: the meeting goes on and nothing typed is lost."""

from __future__ import annotations

import errno
import threading

import pytest
from textual.widgets import Label, Static

import intervisie_tui.tui.app
from intervisie_tui import paths
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.core.commands import Add
from intervisie_tui.core.journal import Journal, read_journal
from intervisie_tui.tui.screens.dialogs import Choice
from intervisie_tui.tui.widgets.capture import CaptureBar
from intervisie_tui.tui.widgets.countdown import Countdown
from intervisie_tui.tui.widgets.progress import SessionProgress

from .harness import RunHarness, beat, new_focus_session, saved, until


def disk_full(self: Journal, line: str) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    ("keys", "kind", "text"),
    [
        (("n", *"Wat ik typte"), "note", "Wat ik typte"),
        (("a", *"Bel de huisarts", "enter", *"Bo", "enter"), "action", "Bel de huisarts"),
    ],
)
async def test_what_a_full_disk_refuses_stays_on_screen_and_is_saved_when_there_is_room(
    monkeypatch, keys, kind, text
):
    session = new_focus_session()
    session.retry_seconds = 0.01  # the worker tries again at once, not after two seconds
    app = RunHarness(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        while kind == "action" and "actions" not in session.snapshot().step.capture:
            await pilot.press("right")
        await saved(pilot)
        real_append = Journal.append
        monkeypatch.setattr(Journal, "append", disk_full)
        await pilot.press(*keys, "enter")
        await until(pilot, lambda: session.snapshot().save_error is not None)
        [entry] = session.snapshot().entries  # on screen, not thrown away ...
        assert entry.text == text and entry.id in session.snapshot().unsaved_ids
        recent = str(app.screen.query_one("#recent", Static).render())
        assert text in recent and "nog niet bewaard" in recent
        said = [n.message for n in app._notifications]
        assert any("Nog niet bewaard" in m and "vol" in m for m in said)
        assert not any("bewaard" in m and "niet" not in m for m in said)  # ... nor called saved
        assert not app.screen.query_one(CaptureBar).active
        monkeypatch.setattr(Journal, "append", real_append)  # room: saved without a key
        await saved(pilot)
        brief = app.screen.query_one(SessionProgress).text  # said where it covers nothing
        assert brief.startswith("✓") and brief.endswith("bewaard") and "niet" not in brief
        assert session.snapshot().unsaved_ids == frozenset()
        recent = str(app.screen.query_one("#recent", Static).render())
        assert "nog niet bewaard" not in recent and "✓ " in recent
    journal = read_journal(paths.journal_dir() / f"{session.runner.session_id}.jsonl")
    assert [e.entry.text for e in journal.events if isinstance(e, Add)] == [text]


async def test_a_slow_disk_keeps_the_clock_going_and_says_saved_only_once_it_is(monkeypatch):
    monkeypatch.setattr(intervisie_tui.tui.app, "LEAVE_WAIT_SECONDS", 0.05)
    session = new_focus_session()
    app = RunHarness(session)
    clock = session.runner.clock
    assert isinstance(clock, FakeClock)
    gate = threading.Event()
    real_append = Journal.append

    def slow(self: Journal, line: str) -> None:
        assert gate.wait(30)
        real_append(self, line)

    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await saved(pilot)
        monkeypatch.setattr(Journal, "append", slow)
        await pilot.press("n", *"Tijdens het wachten", "enter")
        countdown = app.screen.query_one(Countdown)
        before = countdown.value
        clock.advance(2)
        await beat(pilot)
        await pilot.pause()
        assert countdown.value != before  # the clock goes on while the disk works
        assert "bewaren" in app.screen.query_one(SessionProgress).text
        recent = str(app.screen.query_one("#recent", Static).render())
        assert "… Notitie: Tijdens het wachten" in recent  # on its way, not yet saved
        await pilot.press("q", "y")  # stop: the disk is not done yet, so it asks
        await until(pilot, lambda: isinstance(app.screen, Choice))
        question = str(app.screen.query_one(".dialog-question", Label).render())
        assert "nog niet bewaard" in question
        await pilot.press("escape")  # wait (escape never throws text away)
        assert app.is_running
        gate.set()  # the disk is done: the app ends by itself
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0
    journal = read_journal(paths.journal_dir() / f"{session.runner.session_id}.jsonl")
    assert [e.entry.text for e in journal.events if isinstance(e, Add)] == ["Tijdens het wachten"]
