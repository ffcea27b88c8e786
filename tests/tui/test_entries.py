"""One list of every entry of the session: edit text, owner and due date, or delete, by keys.

The clock and the steps stay as they are: fixing an earlier step's entry never
means going back to that step.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

from textual.widgets import DataTable, Input

from intervisie_tui.tui.screens.dialogs import Confirm
from intervisie_tui.tui.screens.entries import EditEntry, EntriesScreen
from intervisie_tui.tui.screens.run import RunScreen

from .harness import RunHarness, make_session


@asynccontextmanager
async def in_step_three(size: tuple[int, int] = (80, 24)) -> AsyncIterator[tuple[Any, Any, Any]]:
    """(app, pilot, session): entries in steps 1 and 2, then on to step 3, the clock running."""
    session, clock = make_session()
    app = RunHarness(session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("space", "a", *"Bel de huisrats", "enter", "enter", "enter")
        await pilot.press("n", *"weg ermee", "enter")
        clock.advance(60)
        await pilot.press("right", "enter", *"Wie beslist", "enter", "escape")
        clock.advance(30)
        await pilot.press("right")
        await pilot.pause()
        assert session.snapshot().index == 2
        yield app, pilot, session


def rows(screen: Any) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_every_entry_of_the_session_is_listed_by_step_and_an_earlier_one_edited():
    async with in_step_three() as (app, pilot, session):
        before = session.snapshot()
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, EntriesScreen)
        assert rows(screen) == [
            ["1", "Actiepunt", "", "", "Bel de huisrats"],
            ["1", "Notitie", "", "", "weg ermee"],
            ["2", "Rondje", "Bo", "", "Wie beslist"],
        ]
        assert screen.query_one(DataTable).cursor_row == 2  # nothing in step 3: the last one
        await pilot.press("up", "up")
        assert "Stap 1 · Beschrijving: Bel de huisrats" in str(
            screen.query_one("#entries-detail").render()
        )
        await pilot.press("enter")
        edit = app.screen
        assert isinstance(edit, EditEntry)
        text = edit.query_one("#edit-text", Input)
        assert app.focused is text and text.value == "Bel de huisrats"
        await pilot.press(*["backspace"] * 4, *"arts", "enter")  # the typo, then on
        assert app.focused is edit.query_one("#edit-owner", Input)
        await pilot.press(*"di", "enter")  # the grey suggestion, as in the capture bar
        assert edit.query_one("#edit-owner", Input).value == "Dirk"
        await pilot.press(*"1-12", "enter")
        await pilot.pause()
        assert app.screen is screen
        (action, *_) = session.snapshot().entries
        assert (action.text, action.owner, action.due) == (
            "Bel de huisarts",
            "Dirk",
            date(2026, 12, 1),
        )
        assert action.step == 0
        assert rows(screen)[0] == ["1", "Actiepunt", "Dirk", "di 01-12", "Bel de huisarts"]
        assert "Wijziging bewaard" in [n.message for n in app._notifications]
        after = session.snapshot()
        assert (after.index, after.status, after.agenda) == (
            before.index,
            before.status,
            before.agenda,
        )
        assert type(session.runner.events[-1]).__name__ == "Edit"
        await pilot.press("escape")
        assert isinstance(app.screen, RunScreen)


async def test_delete_asks_first_and_no_keeps_the_entry():
    async with in_step_three() as (app, pilot, session):
        await pilot.press("e", "up", "d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert len(session.snapshot().entries) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert [e.text for e in session.snapshot().entries] == ["Bel de huisrats", "Wie beslist"]
        assert isinstance(app.screen, EntriesScreen)
        assert len(rows(app.screen)) == 2
        assert session.snapshot().index == 2 and session.snapshot().running


async def test_a_date_not_understood_keeps_the_dialog_open_with_what_was_typed():
    async with in_step_three() as (app, pilot, session):
        await pilot.press("e", "up", "up", "enter", "enter", *"Bo", "enter", *"morgenochtend")
        await pilot.press("enter")
        await pilot.pause()
        edit = app.screen
        assert isinstance(edit, EditEntry)  # still open: nothing typed is lost
        problem = str(edit.query_one("#edit-problem").render())
        assert "'morgenochtend' niet begrepen" in problem and "+7" in problem
        assert app.focused is edit.query_one("#edit-due", Input)
        assert edit.query_one("#edit-owner", Input).value == "Bo"
        assert session.snapshot().entries[0].owner is None  # nothing changed yet
        await pilot.press("escape")  # change nothing
        assert isinstance(app.screen, EntriesScreen)
        assert session.snapshot().entries[0].owner is None


async def test_a_note_has_only_its_text_and_an_emptied_text_is_not_saved():
    async with in_step_three() as (app, pilot, _):
        await pilot.press("e", "up", "enter")
        edit = app.screen
        assert isinstance(edit, EditEntry)
        assert [box.id for box in edit.query(Input)] == ["edit-text"]
        edit.query_one("#edit-text", Input).value = "  "
        await pilot.press("enter")
        assert app.screen is edit and app.bells == 1
        await pilot.press("ctrl+a", *"weg", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EntriesScreen)


async def test_the_list_and_the_edit_dialog_fit_a_small_terminal():
    async with in_step_three((40, 12)) as (app, pilot, _):
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, EntriesScreen)
        table = screen.query_one(DataTable)
        assert table.region.height >= 3 and screen.region.contains_region(table.region)
        await pilot.press("up", "up", "enter")
        edit = app.screen
        for box in edit.query(Input):
            assert edit.region.contains_region(box.region), box.id
