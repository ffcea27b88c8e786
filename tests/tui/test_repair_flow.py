"""A damaged journal at the app's start: explained, repaired only after a yes, then resumed."""

from __future__ import annotations

from textual.widgets import Label

from intervisie_tui.core import store
from intervisie_tui.core.clock import FakeClock
from intervisie_tui.tui.app import IntervisieApp
from intervisie_tui.tui.config import AppConfig
from intervisie_tui.tui.screens.dialogs import Choice, Explain
from intervisie_tui.tui.screens.run import RunScreen
from tests.core.engine_helpers import START
from tests.core.test_recovery import _cut, _files, _flip, _journal, _log, _meeting

from .harness import session_of
from .test_whole_session import wait_for


def _damaged(clock: FakeClock) -> None:
    """An interrupted session whose journal has a flipped byte in a text on line 5."""
    _meeting(clock).close()
    _flip(_journal(), 5, b"tweede", b"tweedf")
    clock.advance(60)


def _shown(screen) -> str:
    return "\n".join(str(label.render()) for label in screen.query(Label))


async def test_no_to_the_repair_goes_back_and_leaves_every_file_as_it_was():
    clock = FakeClock(START)
    _damaged(clock)
    before = _files()
    app = IntervisieApp(AppConfig(clock=clock, sound="off"))
    async with app.run_test(size=(80, 24)) as pilot:
        choice = await wait_for(pilot, Choice)
        assert "beschadigd vanaf regel 5" in _shown(choice)
        await pilot.press("enter")  # go on, the time ran on
        explain = await wait_for(pilot, Explain)
        shown = _shown(explain)
        assert "beschadigd vanaf regel 5" in shown and "- Inzicht, stap 2: tweede" in shown
        assert "tweedf" not in shown
        await pilot.press("enter")  # the focus is on "not now": enter alone says no
        await wait_for(pilot, Choice)
    after = _files()
    assert {p: after.get(p) for p in before} == before
    assert not store.damaged_dir().exists()
    assert store.interrupted_sessions()[0].damaged_line == 5


async def test_yes_repairs_resumes_and_the_log_gets_back_what_the_journal_lost():
    clock = FakeClock(START)
    _damaged(clock)
    app = IntervisieApp(AppConfig(clock=clock, sound="off"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, Choice)
        await pilot.press("enter")
        await wait_for(pilot, Explain)
        await pilot.press("y")
        await wait_for(pilot, RunScreen)
        entries = session_of(pilot).snapshot().entries
        assert [e.text for e in entries] == [
            "eerste",
            "tweede",
            "bellen",
            "derde\nregel *met* [tekens]",
        ]
        await pilot.press("q", "y")
    assert [p.name for p in store.damaged_dir().iterdir() if p.suffix == ".jsonl"] == [
        "s1-line-5.jsonl"
    ]
    text = _log().read_text(encoding="utf-8")
    assert "tweede" in text and "tweedf" not in text
    assert b"tweedf" not in _journal().read_bytes()


async def test_resume_by_id_of_a_cut_journal_asks_too_and_no_ends_the_app_unchanged():
    """`intervisie resume ID` (the CLI asked already, or a script skipped it): asked again."""
    clock = FakeClock(START)
    _meeting(clock).close()
    _cut(_journal(), 4)
    before = _files()
    shown, code = await _asked_by_id(clock)
    assert "afgebroken na regel 4" in shown
    assert code == 1
    assert _files() == before


async def test_markup_in_a_recovered_text_is_shown_as_typed():
    clock = FakeClock(START)
    meeting = _meeting(clock)
    meeting("add_note", "[b]vet[/b] en [link=x]")
    meeting.close()
    _flip(_journal(), 5, b"tweede", b"tweedf")
    shown, _ = await _asked_by_id(clock)
    assert "[b]vet[/b] en [link=x]" in shown


async def _asked_by_id(clock: FakeClock) -> tuple[str, int | None]:
    """`intervisie resume s1`: what the repair dialog says, and the exit code after an "n"."""
    app = IntervisieApp(AppConfig(clock=clock, sound="off", resume_id="s1"))
    async with app.run_test(size=(80, 24)) as pilot:
        shown = _shown(await wait_for(pilot, Explain))
        await pilot.press("n")
        await pilot.pause()
    return shown, app.return_code
