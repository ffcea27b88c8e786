"""Sessions on disk: new, list interrupted, resume (meeting or pause), discard, load."""

from __future__ import annotations

from datetime import timedelta

import pytest

from intervisie_tui import paths
from intervisie_tui.core import store
from intervisie_tui.core.commands import SessionError
from intervisie_tui.core.journal import read_journal
from intervisie_tui.core.lock import SessionLocked
from intervisie_tui.core.runner import HEARTBEAT_SECONDS, SessionRunner
from tests.core.engine_helpers import START, fake_clock, incident_plan, small_plan


@pytest.fixture
def clock():
    return fake_clock()


def _started(clock, plan=None, session_id="s1"):
    runner = store.new_session(plan or small_plan(), clock, session_id)
    runner.start()
    clock.advance(100)
    runner.add_note("eerste")
    runner.next()
    clock.advance(40)
    runner.add_insight("tweede")
    return runner


def test_new_session_writes_a_private_journal_and_holds_the_lock(clock):
    runner = store.new_session(small_plan(), clock, "s1")
    assert (paths.journal_dir() / "s1.jsonl").is_file()
    with pytest.raises(SessionLocked):
        store.resume("s1", clock)
    runner.close()


def test_new_session_refuses_an_invalid_setup(clock):
    plan = small_plan(participants=("Anouk",), roles={"inbrenger": ("Anouk",)})
    with pytest.raises(SessionError, match="kan niet starten"):
        store.new_session(plan, clock)
    assert store.interrupted_sessions() == []


def test_a_runner_drawn_first_is_stored_before_its_first_command(clock):
    runner = SessionRunner(small_plan(), clock, session_id="s1")
    assert not (paths.journal_dir() / "s1.jsonl").exists()  # nothing on disk yet
    store.store_on_disk(runner)
    runner.start()
    clock.advance(30)
    runner.add_note("na het tekenen")
    runner.close()
    contents = read_journal(paths.journal_dir() / "s1.jsonl")
    assert contents.header.session_id == "s1"
    assert [type(e).__name__ for e in contents.events] == ["Start", "Add"]
    assert contents.header.created == runner.state.created_at


def test_a_runner_with_events_is_never_stored_halfway(clock):
    runner = SessionRunner(small_plan(), clock, session_id="s1")
    runner.start()
    with pytest.raises(SessionError):
        store.store_on_disk(runner)  # its start would be missing from the journal
    runner.close()


def test_interrupted_sessions_lists_unfinished_ones_newest_first(clock):
    old = _started(clock, session_id="old")
    old.close()
    clock.advance(60)
    done = _started(clock, session_id="done")
    done.finish()
    done.close()
    new = _started(clock, session_id="new")
    infos = store.interrupted_sessions()
    assert [i.session_id for i in infos] == ["new", "old"]
    first = infos[0]
    assert (first.group, first.method_name, first.entries) == ("Team Noord", "Small", 2)
    assert first.in_use
    assert not infos[1].in_use
    assert infos[1].started == START
    assert infos[1].last_activity == START + timedelta(seconds=140)
    new.close()


def test_a_damaged_journal_is_offered_with_its_first_damaged_line(clock):
    _started(clock).close()
    path = paths.journal_dir() / "s1.jsonl"
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"garbage"
    path.write_bytes(b"\n".join(lines))
    (info,) = store.interrupted_sessions()
    assert info.problem is None and info.damaged_line == 3
    assert (info.group, info.entries) == ("Team Noord", 0)  # what the good lines say
    with pytest.raises(SessionError, match="regel 3"):
        store.resume("s1", clock)  # not without a repair the timekeeper accepted
    store.discard("s1")
    assert store.interrupted_sessions() == []


def test_an_unreadable_header_is_listed_with_its_problem(clock):
    _started(clock).close()
    path = paths.journal_dir() / "s1.jsonl"
    path.write_bytes(b"garbage\n" + path.read_bytes().split(b"\n", 1)[1])
    (info,) = store.interrupted_sessions()
    assert info.problem is not None and "eerste regel" in info.problem
    assert info.damaged_line is None


def test_resume_counts_downtime_as_meeting_time_by_default(clock):
    runner = _started(clock)
    live = runner.state
    runner.close()
    clock.advance(300)
    resumed, warnings = store.resume("s1", clock)
    assert warnings == []
    assert resumed.state.entries == live.entries
    assert resumed.elapsed_in_step() == 40 + 300
    assert resumed.session_elapsed() == 140 + 300
    (gap,) = resumed.state.interruptions
    assert (gap.gap, gap.downtime) == (300, "meeting")
    resumed.close()


def test_resume_can_count_downtime_as_a_pause(clock):
    runner = _started(clock)
    runner.close()
    clock.advance(300)
    resumed, _ = store.resume("s1", clock, downtime="pause")
    clock.advance(10)
    assert resumed.elapsed_in_step() == 50
    assert resumed.session_elapsed() == 150
    assert sum(row.actual for row in resumed.timesheet().rows) == 150
    resumed.close()


def test_a_heartbeat_bounds_the_gap_taken_as_pause(clock):
    runner = _started(clock)
    clock.advance(HEARTBEAT_SECONDS + 5)
    runner.poll_alerts()  # journals a heartbeat: the app was still there
    clock.advance(20)  # ... then it crashed; 20 s of meeting are not journaled
    runner.close()
    clock.advance(300)
    resumed, _ = store.resume("s1", clock, downtime="pause")
    assert resumed.elapsed_in_step() == 40 + HEARTBEAT_SECONDS + 5
    resumed.close()


def test_resume_continues_the_same_journal(clock):
    runner = _started(clock)
    runner.close()
    resumed, _ = store.resume("s1", clock)
    resumed.add_action("na de herstart", owner="Eva")
    resumed.close()
    state, warnings = store.load("s1")
    assert warnings == []
    assert [e.text for e in state.entries] == ["eerste", "tweede", "na de herstart"]
    assert state == resumed.state


def test_resume_after_a_torn_write_warns_and_keeps_every_acknowledged_entry(clock):
    runner = _started(clock)
    runner.close()
    path = paths.journal_dir() / "s1.jsonl"
    with path.open("ab") as f:
        f.write(b'{"t":141.0,"wall":"2025-03-14T14:02:21Z","type":"add","entry":{"id":"e3"')
    resumed, warnings = store.resume("s1", clock)
    assert len(warnings) == 1 and "half geschreven" in warnings[0]
    assert [e.id for e in resumed.state.entries] == ["e1", "e2"]
    resumed.add_note("daarna")
    resumed.close()
    assert read_journal(path).warnings == []


def test_resume_warns_when_the_clock_was_set_back(clock):
    runner = _started(clock)
    runner.close()
    back = fake_clock()  # wall clock behind the last event
    resumed, warnings = store.resume("s1", back)
    assert any("teruggezet" in w for w in warnings)
    assert resumed.state.interruptions[-1].gap == 0
    resumed.close()


def test_resume_of_a_paused_session_stays_paused(clock):
    runner = _started(clock)
    runner.pause()
    runner.close()
    clock.advance(500)
    resumed, _ = store.resume("s1", clock)
    assert resumed.is_paused
    assert resumed.elapsed_in_step() == 40
    resumed.resume()
    clock.advance(5)
    assert resumed.session_elapsed() == 145
    resumed.close()


@pytest.mark.parametrize(
    ("session_id", "message"),
    [("nope", "geen onderbroken sessie"), ("../etc/passwd", "geen geldige sessiecode")],
)
def test_resume_of_an_unknown_session_is_a_clear_error(clock, session_id, message):
    with pytest.raises(SessionError, match=message):
        store.resume(session_id, clock)


def test_a_finished_session_cannot_be_resumed(clock):
    runner = _started(clock)
    runner.finish()
    runner.close()
    with pytest.raises(SessionError, match="al afgerond"):
        store.resume("s1", clock)
    state, _ = store.load("s1")
    assert state.status == "finished"


def test_a_finished_session_moves_out_of_the_way_of_the_next_start(clock):
    runner = _started(clock)
    runner.finish()
    runner.close()
    assert store.interrupted_sessions() == []
    assert not (paths.journal_dir() / "s1.jsonl").exists()
    assert (store.finished_dir() / "s1.jsonl").is_file()
    state, _ = store.load("s1")  # still there to regenerate the log from
    assert state.status == "finished"
    assert not paths.has_journals()  # the next start need not read any journal


def test_archive_leaves_an_open_session_alone(clock):
    runner = _started(clock)
    runner.finish()
    assert store.archive("s1") is False  # still open in this runner
    assert store.interrupted_sessions() == []  # finished, so not offered either
    assert (paths.journal_dir() / "s1.jsonl").is_file()
    runner.close()
    assert store.archive("s1") is True
    assert not (paths.journal_dir() / "s1.lock").exists()


def test_discard_removes_the_session_but_not_while_it_is_open(clock):
    runner = _started(clock)
    with pytest.raises(SessionLocked):
        store.discard("s1")
    runner.close()
    store.discard("s1")
    assert list(paths.journal_dir().iterdir()) == []
    with pytest.raises(SessionError):
        store.discard("s1")


def test_a_whole_incident_session_survives_a_restart_in_every_step(clock):
    runner = store.new_session(incident_plan(), clock, "s1")
    runner.start()
    for index in range(len(runner.plan.steps)):
        clock.advance(61.5)
        runner.add_note(f"stap {index}")
        live = runner.state
        runner.close()
        runner, _ = store.resume("s1", clock)
        assert runner.state.entries == live.entries
        assert runner.state.current == live.current
        if index < len(runner.plan.steps) - 1:
            runner.next()
    runner.finish()
    runner.close()
    assert store.interrupted_sessions() == []


def test_a_long_time_away_is_said_not_silently_counted_as_meeting_time(clock):
    """A wall-clock jump (or a long night) while the app was down: the resume says so."""
    runner = _started(clock)
    runner.close()
    clock.advance(55 * 60)
    resumed, warnings = store.resume("s1", clock)
    assert len(warnings) == 1 and "55 min" in warnings[0] and "--as-pause" in warnings[0]
    resumed.close()
    clock.advance(55 * 60)
    resumed, warnings = store.resume("s1", clock, downtime="pause")
    assert warnings == []  # as a pause it changes nothing on the clock
    resumed.close()


def test_a_session_keeps_the_language_it_began_in(clock):
    """Issue 14, item 13: resumed in it, whatever the app is started with then."""
    runner = _started(clock, small_plan(language="en"), session_id="s-en")
    runner.close()
    assert store.session_language("s-en") == "en"
    _started(clock, small_plan(), session_id="s-nl").close()
    assert store.session_language("s-nl") == "nl"
    assert store.session_language("s-unknown") is None
