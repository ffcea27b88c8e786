"""SessionRunner capture: notes, insights, actions, statements, edits, follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from intervisie_tui.core.commands import SessionError, replay
from intervisie_tui.core.runner import SessionRunner
from intervisie_tui.core.setup import OpenItem
from tests.core.engine_helpers import START, fake_clock, small_plan

TEXTS = [
    "Ik merk dat ik boos werd 😤",
    "Regel één\nRegel twee\n\n  ingesprongen  \n",
    "café – naïef – ‘quotes’ – 中文 – \t tab",
    '{"type": "finish"}\n{"not": "an event"}',
]


@pytest.fixture
def clock():
    return fake_clock()


@pytest.fixture
def runner(clock):
    r = SessionRunner(small_plan(), clock, session_id="s1")
    r.start()
    return r


@pytest.mark.parametrize("text", TEXTS)
def test_text_is_kept_exactly(runner, text):
    entry = runner.add_insight(text)
    assert entry.text == text
    assert runner.state.entries[-1].text == text
    assert (
        replay(runner.plan, "s1", runner.events, runner.state.created_at).entries[-1].text == text
    )


def test_entries_attach_to_the_current_step_with_the_wall_time(runner, clock):
    clock.advance(90)
    note = runner.add_note("a")
    runner.next()
    insight = runner.add_insight("b")
    assert (note.step, note.kind, note.id) == (0, "note", "e1")
    assert (insight.step, insight.kind, insight.id) == (1, "insight", "e2")
    assert note.created == START + timedelta(seconds=90)
    assert runner.state.entries_of(1) == [insight]


def test_actions_keep_owner_and_due_date(runner):
    action = runner.add_action("Bel de huisarts", owner="Bram", due=date(2025, 4, 1))
    assert (action.owner, action.due) == ("Bram", date(2025, 4, 1))
    bare = runner.add_action("Iets")
    assert (bare.owner, bare.due) == (None, None)


def test_statements_need_a_participant_of_the_session(runner):
    entry = runner.add_statement("Chaima", "De centrale vraag is ...")
    assert entry.participant == "Chaima"
    with pytest.raises(SessionError, match="Zoë"):
        runner.add_statement("Zoë", "x")


def test_edit_replaces_in_place_and_delete_removes(runner):
    a = runner.add_note("eerste")
    b = runner.add_action("tweede")
    c = runner.add_note("derde")
    edited = runner.edit_entry(b.id, text="tweede, beter", owner="Eva", due=date(2025, 5, 1))
    assert edited.text == "tweede, beter"
    assert edited.due == date(2025, 5, 1)
    assert edited.created == b.created
    runner.delete_entry(a.id)
    assert [e.id for e in runner.state.entries] == [b.id, c.id]
    assert runner.state.entries[0] == edited
    new = runner.add_note("vierde")
    assert new.id == "e4"  # ids are never reused
    assert replay(runner.plan, "s1", runner.events, runner.state.created_at) == runner.state


def test_an_edit_that_changes_nothing_writes_nothing(runner):
    note = runner.add_note("zelfde")
    count = len(runner.events)
    assert runner.edit_entry(note.id, text="zelfde") == note
    assert len(runner.events) == count


@pytest.mark.parametrize(
    "changes",
    [{"owner": "Eva"}, {"kind": "insight"}, {"step": 2}, {"participant": "Eva"}, {"text": ""}],
)
def test_edits_that_do_not_fit_the_entry_are_refused(runner, changes):
    note = runner.add_note("x")
    with pytest.raises(SessionError):
        runner.edit_entry(note.id, **changes)


def test_a_bad_due_date_is_refused(runner):
    action = runner.add_action("x")
    with pytest.raises(SessionError, match="due"):
        runner.edit_entry(action.id, due="volgende week")


def test_capture_works_before_the_start_and_after_the_finish(clock):
    runner = SessionRunner(small_plan(), clock)
    runner.add_note("voor de start")
    runner.start()
    runner.next()
    runner.finish()
    late = runner.add_insight("na afloop")
    assert late.step == 1
    assert len(runner.state.entries) == 2


def test_followup_decisions(clock):
    items = (OpenItem(key="k1", text="Bellen"), OpenItem(key="k2", text="Mailen"))
    runner = SessionRunner(small_plan(open_items=items, followup=True), clock)
    runner.start()
    runner.decide_followup("k1", "done")
    runner.decide_followup("k2", "continued", note="loopt nog")
    runner.decide_followup("k1", "dropped")
    assert runner.state.followups["k1"].decision == "dropped"
    assert runner.state.followups["k2"].note == "loopt nog"
    with pytest.raises(SessionError):
        runner.decide_followup("k1", "maybe")  # type: ignore[arg-type]
